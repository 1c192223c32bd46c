"""The forward pass returns float64 for float32 inputs (torch keeps float32)."""

TARGET = "linear.py"
CAUGHT_BY = "dtype"
SANDBOX = "the dtype or type of the answer must survive the trip from the learner's process"

import numpy as np


def linear_forward(x, W, b):
    y = np.asarray(x, dtype=np.float64) @ np.asarray(W, dtype=np.float64).T
    return y if b is None else y + b
