"""Q2 answered 512: the bias forgotten."""

TARGET = "quiz.py"
CAUGHT_BY = "LARGEST_OUTPUT"

LARGEST_OUTPUT = 512
