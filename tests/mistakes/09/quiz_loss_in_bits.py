"""The loss at equal logits taken with log base 2 (bits), not the natural log."""

TARGET = "quiz.py"
CAUGHT_BY = "LOSS_AT_EQUAL_LOGITS"

LOSS_AT_EQUAL_LOGITS = 3.3219
