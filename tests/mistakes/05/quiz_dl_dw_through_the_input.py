"""DL_DW computed with the notes' formula as written: dL/dz * dz/dx = 2z * w, the input's
gradient, instead of 2z * x."""

TARGET = "quiz.py"
CAUGHT_BY = "DL_DW"

DL_DW = 1.1
