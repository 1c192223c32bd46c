"""The right activation for a wrong reason: sigmoid's outputs below 1, not its derivative."""

TARGET = "quiz.py"
CAUGHT_BY = "FASTEST_TO_VANISH"

FASTEST_TO_VANISH = "d"
