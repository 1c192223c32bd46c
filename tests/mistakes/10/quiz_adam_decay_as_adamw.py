"""Adam's L2 decay worked out as AdamW's: w * (1 - lr * weight_decay), not a full lr step."""

TARGET = "quiz.py"
CAUGHT_BY = "W_ADAM_L2_FLAT_LOSS"

W_ADAM_L2_FLAT_LOSS = 2.9985
