"""-0.170499 rounded towards zero, and log 10 = 2.302585 rounded down: right, like the nearest."""

TARGET = "quiz.py"

GRAD_OF_THE_RIGHT_LOGIT = -0.1704
LOSS_AT_EQUAL_LOGITS = 2.3025
