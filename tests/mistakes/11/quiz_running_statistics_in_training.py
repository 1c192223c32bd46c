"""Batch norm's running statistics taken to serve a batch of one in training mode."""

TARGET = "quiz.py"
CAUGHT_BY = "BATCH_OF_ONE"

BATCH_OF_ONE = "a"
