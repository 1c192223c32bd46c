"""relu zeroes the negatives of the caller's array in place."""

TARGET = "activations.py"
CAUGHT_BY = "relu(x) changed its input x in place"

import numpy as np


def relu(x):
    x[x < 0] = 0
    return x
