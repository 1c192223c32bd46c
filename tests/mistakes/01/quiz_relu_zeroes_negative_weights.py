"""The notes' reading of ReLU: it removes negative weights, so a unit with one is always 0."""

TARGET = "quiz.py"
CAUGHT_BY = "RELU_ZEROES"

RELU_ZEROES = "a"
