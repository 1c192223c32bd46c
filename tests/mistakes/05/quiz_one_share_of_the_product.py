"""X_GRAD keeps the product's shares and forgets the addition's: 3 + 3."""

TARGET = "quiz.py"
CAUGHT_BY = "X_GRAD"

X_GRAD = 6
