"""numerical_gradient nudges every entry at once and spreads that sum over x's shape."""

TARGET = "derivatives.py"
CAUGHT_BY = "numerical_gradient(f, x) does not match torch"

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    return np.full(np.shape(x), (f(x + h) - f(x - h)) / (2 * h), dtype=np.float64)
