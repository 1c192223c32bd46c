"""ReLU applied to w*x, forgetting that the bias is part of the pre-activation."""

TARGET = "quiz.py"
CAUGHT_BY = "RELU_ZEROES"

RELU_ZEROES = "d"
