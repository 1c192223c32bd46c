"""A Nesterov step taken along the buffer alone, as plain momentum does."""

TARGET = "quiz.py"
CAUGHT_BY = "W_AFTER_NESTEROV_STEP"

W_AFTER_NESTEROV_STEP = 0.95
