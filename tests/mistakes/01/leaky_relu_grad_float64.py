"""np.where(x > 0, 1.0, negative_slope) without converting: float32 in, float64 out."""

TARGET = "activations.py"
CAUGHT_BY = "returned dtype float64, expected float32"
SANDBOX = "the dtype or type of the answer must survive the trip from the learner's process"

import numpy as np


def leaky_relu_grad(x, negative_slope=0.01):
    return np.where(x > 0, 1.0, negative_slope)
