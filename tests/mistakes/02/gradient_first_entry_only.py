"""numerical_gradient computes the derivative for the first entry only and leaves zeros."""

TARGET = "derivatives.py"
CAUGHT_BY = "numerical_gradient(f, x) does not match torch"

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    point = np.array(x, dtype=np.float64)
    grad = np.zeros(point.shape)
    if point.size:
        flat = point.reshape(-1)
        old = flat[0]
        flat[0] = old + h
        up = f(point)
        flat[0] = old - h
        down = f(point)
        flat[0] = old
        grad.reshape(-1)[0] = (up - down) / (2 * h)
    return grad
