"""The two-class softmax taken as a function of z1 alone."""

TARGET = "quiz.py"
CAUGHT_BY = "TWO_CLASS_SOFTMAX"

TWO_CLASS_SOFTMAX = "b"
