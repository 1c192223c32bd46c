"""W_AFTER_TWO_STEPS = 1.83235 rounded down to 4 decimals: right, like 1.8324."""

TARGET = "quiz.py"

W_AFTER_TWO_STEPS = 1.8323
