"""Kaiming's std divided by the weight's first axis (64), the outputs."""

TARGET = "quiz.py"
CAUGHT_BY = "KAIMING_LEAKY_STD"

KAIMING_LEAKY_STD = 0.173
