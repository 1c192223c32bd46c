"""relu zeroes the negatives of the caller's array in place."""

TARGET = "activations.py"
CAUGHT_BY = "relu(x) changed its input x in place"
SANDBOX = "in-place changes and aliasing must cross back from the learner's process"

import numpy as np


def relu(x):
    x[x < 0] = 0
    return x
