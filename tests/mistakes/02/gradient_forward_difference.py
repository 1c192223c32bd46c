"""numerical_gradient with a forward difference per entry: error O(h)."""

TARGET = "derivatives.py"
CAUGHT_BY = "numerical_gradient(f, x) does not match torch"

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    point = np.array(x, dtype=np.float64)
    grad = np.zeros(point.shape)
    base = f(point)
    for i in np.ndindex(point.shape):
        old = point[i]
        point[i] = old + h
        grad[i] = (f(point) - base) / h
        point[i] = old
    return grad
