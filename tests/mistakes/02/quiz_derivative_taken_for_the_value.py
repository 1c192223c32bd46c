"""A derivative read as the function's value at that point."""

TARGET = "quiz.py"
CAUGHT_BY = "DERIVATIVE_MEANS"

DERIVATIVE_MEANS = "a"
