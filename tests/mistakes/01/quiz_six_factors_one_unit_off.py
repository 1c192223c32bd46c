"""SIX_FACTORS one unit below the rounded-down value: no rounding of 0.7**6 to 3 decimals."""

TARGET = "quiz.py"
CAUGHT_BY = "SIX_FACTORS"

SIX_FACTORS = 0.116
