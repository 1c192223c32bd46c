"""maximize taken to flip the weight decay as well."""

TARGET = "quiz.py"
CAUGHT_BY = "MAXIMIZE_WITH_DECAY"

MAXIMIZE_WITH_DECAY = "b"
