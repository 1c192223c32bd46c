"""XAVIER_TANH_BOUND = 0.204124... rounded up to 4 decimals: right, like 0.2041."""

TARGET = "quiz.py"

XAVIER_TANH_BOUND = 0.2042
