"""The right logit's gradient taken for one example, forgetting the mean over N = 2."""

TARGET = "quiz.py"
CAUGHT_BY = "GRAD_OF_THE_RIGHT_LOGIT"

GRAD_OF_THE_RIGHT_LOGIT = -0.341
