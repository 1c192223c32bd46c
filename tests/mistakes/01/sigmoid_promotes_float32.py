"""np.asarray(x, dtype=float) at the top: float32 comes back as float64."""

TARGET = "activations.py"
CAUGHT_BY = "returned dtype float64, expected float32"
SANDBOX = "the dtype or type of the answer must survive the trip from the learner's process"

import numpy as np


def sigmoid(x):
    x = np.asarray(x, dtype=float)
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))
