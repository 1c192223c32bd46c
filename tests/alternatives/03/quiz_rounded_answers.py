"""Hand-typed answers at the stated precision, some rounded down and some up."""

TARGET = "quiz.py"

H_1 = 0.99728
H_2 = 0.53647
DH2_DX = 3.479e-4
