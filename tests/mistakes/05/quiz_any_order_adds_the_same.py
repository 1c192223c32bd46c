"""Order taken not to matter because the shares are added, and addition commutes."""

TARGET = "quiz.py"
CAUGHT_BY = "WHY_REVERSE_ORDER"

WHY_REVERSE_ORDER = "b"
