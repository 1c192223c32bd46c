"""leaky_relu ignores negative_slope and always uses 0.01."""

TARGET = "activations.py"
CAUGHT_BY = "use the negative_slope argument"

import numpy as np


def leaky_relu(x, negative_slope=0.01):
    return np.where(x > 0, x, 0.01 * x).astype(x.dtype)
