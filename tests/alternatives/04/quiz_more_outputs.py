"""More outputs than inputs: every entry stays small, but the norm grows. Q2 as a float."""

TARGET = "quiz.py"

import numpy as np


def larger_output_example():
    x = np.array([[0.5]])  # a batch of one, in_features = 1
    return x, np.full((10, 1), 0.9), None


LARGEST_OUTPUT = 513.0
