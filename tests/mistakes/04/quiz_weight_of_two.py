"""A quiz example that cheats: weights of 2, outside the (-1, 1) the claim is about."""

TARGET = "quiz.py"
CAUGHT_BY = "outside (-1, 1)"

import numpy as np


def larger_output_example():
    return np.ones(3), np.full((1, 3), 2.0), None
