"""A zero input with a bias: the output b is larger than the input 0."""

TARGET = "quiz.py"

import numpy as np


def larger_output_example():
    return np.zeros(2), np.full((3, 2), 0.5), np.full(3, 0.9)
