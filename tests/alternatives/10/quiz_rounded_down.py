"""W_WITHOUT_BIAS_CORRECTION = 1.68377 rounded down to 4 decimals: right, like 1.6838."""

TARGET = "quiz.py"

W_WITHOUT_BIAS_CORRECTION = 1.6837
