"""H_1 copied from the README's rounded 0.997 instead of computed to 5 significant digits."""

TARGET = "quiz.py"
CAUGHT_BY = "H_1"

H_1 = 0.997
