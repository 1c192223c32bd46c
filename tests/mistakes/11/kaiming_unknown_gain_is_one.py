"""calculate_gain answering 1 for a nonlinearity it does not know, where torch raises ValueError."""

TARGET = "normalization.py"
CAUGHT_BY = "raise ValueError for any other name"
SANDBOX = "an exception (or its absence) must cross back from the learner's process"

import math

import numpy as np


_solution_gain = calculate_gain


def calculate_gain(nonlinearity, a=0.0):
    try:
        return _solution_gain(nonlinearity, a)
    except ValueError:
        return 1.0
