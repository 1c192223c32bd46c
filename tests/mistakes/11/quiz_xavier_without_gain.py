"""The Xavier bound computed with a gain of 1, not tanh's."""

TARGET = "quiz.py"
CAUGHT_BY = "XAVIER_TANH_BOUND"

XAVIER_TANH_BOUND = 0.1225
