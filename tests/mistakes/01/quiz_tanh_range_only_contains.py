"""A set that holds every value of tanh' but is not its range."""

TARGET = "quiz.py"
CAUGHT_BY = "TANH_GRAD_RANGE"

TANH_GRAD_RANGE = "d"
