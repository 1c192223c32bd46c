"""numerical_gradient works on x.ravel() and returns the flat gradient, not x's shape."""

TARGET = "derivatives.py"
CAUGHT_BY = "returned shape"

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    flat = np.array(x, dtype=np.float64).ravel()
    grad = np.zeros(flat.size)
    for i in range(flat.size):
        old = flat[i]
        flat[i] = old + h
        up = f(flat.reshape(np.shape(x)))
        flat[i] = old - h
        down = f(flat.reshape(np.shape(x)))
        flat[i] = old
        grad[i] = (up - down) / (2 * h)
    return grad
