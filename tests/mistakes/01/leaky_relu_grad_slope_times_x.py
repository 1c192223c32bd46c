"""leaky_relu_grad returns negative_slope * x for negatives: the forward value, not the slope."""

TARGET = "activations.py"
CAUGHT_BY = "leaky_relu_grad(x) does not match torch"

import numpy as np


def leaky_relu_grad(x, negative_slope=0.01):
    return np.where(x > 0, 1, negative_slope * x).astype(x.dtype)
