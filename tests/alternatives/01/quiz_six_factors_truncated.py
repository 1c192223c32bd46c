"""SIX_FACTORS truncated instead of rounded: 0.7**6 rounded down to 3 decimals is right too."""

TARGET = "quiz.py"

SIX_FACTORS = 0.117
