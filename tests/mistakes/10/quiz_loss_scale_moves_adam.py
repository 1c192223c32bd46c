"""Adam's steps taken to grow with the loss's scale, as SGD's do."""

TARGET = "quiz.py"
CAUGHT_BY = "LOSS_SCALED"

LOSS_SCALED = "a"
