"""The last, smaller batch of each epoch left out of the count: 1438 // 32 batches an epoch."""

TARGET = "quiz.py"
CAUGHT_BY = "rounded UP"

ADAM_STEPS = 880
