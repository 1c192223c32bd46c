"""AdamW's reason taken to be a decay counted in both moments."""

TARGET = "quiz.py"
CAUGHT_BY = "WHY_DECOUPLE"

WHY_DECOUPLE = "c"
