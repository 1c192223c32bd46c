"""leaky_relu_grad ignores negative_slope and always uses 0.01."""

TARGET = "activations.py"
CAUGHT_BY = "use the negative_slope argument"

import numpy as np


def leaky_relu_grad(x, negative_slope=0.01):
    return np.where(x > 0, 1, 0.01).astype(x.dtype)
