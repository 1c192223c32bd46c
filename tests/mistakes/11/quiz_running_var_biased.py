"""The running variance updated with the biased batch variance."""

TARGET = "quiz.py"
CAUGHT_BY = "RUNNING_VAR_AFTER_ONE_BATCH"

RUNNING_VAR_AFTER_ONE_BATCH = 1.025
