"""The notes' reading of relu: it removes the negative weight w_2 and lets the rest through."""

TARGET = "quiz.py"
CAUGHT_BY = "RELU_NEGATIVE_PREACTIVATION"

RELU_NEGATIVE_PREACTIVATION = "c"
