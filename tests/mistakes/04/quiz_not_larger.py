"""A quiz example whose output is smaller than its input."""

TARGET = "quiz.py"
CAUGHT_BY = "not larger than the input"

import numpy as np


def larger_output_example():
    return np.ones(4), np.full((2, 4), 0.1), np.zeros(2)
