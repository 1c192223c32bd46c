"""leaky_relu_grad as 1 where x >= 0: 1 at x == 0, where torch uses negative_slope."""

TARGET = "activations.py"
CAUGHT_BY = "torch takes leaky_relu_grad(0) = negative_slope"

import numpy as np


def leaky_relu_grad(x, negative_slope=0.01):
    return np.where(x >= 0, 1, negative_slope).astype(x.dtype)
