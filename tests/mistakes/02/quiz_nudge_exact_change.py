"""NUDGE_CHANGE computed as f(2.001) - f(2), not predicted with the derivative."""

TARGET = "quiz.py"
CAUGHT_BY = "NUDGE_CHANGE"

NUDGE_CHANGE = 2.001**3 - 2**3
