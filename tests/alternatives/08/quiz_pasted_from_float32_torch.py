"""Answers pasted from a float32 torch run, with its rounding noise."""

TARGET = "quiz.py"

W_AFTER_TWO_STEPS_WITHOUT_ZERO_GRAD = 0.88000005
P_AFTER_HAND_MADE_GRAD = [-1.4901161e-08, 3.0]
