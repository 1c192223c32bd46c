"""numerical_gradient divides by h instead of 2h."""

TARGET = "derivatives.py"
CAUGHT_BY = "numerical_gradient(f, x) does not match torch"

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    point = np.array(x, dtype=np.float64)
    grad = np.zeros(point.shape)
    for i in np.ndindex(point.shape):
        old = point[i]
        point[i] = old + h
        up = f(point)
        point[i] = old - h
        down = f(point)
        point[i] = old
        grad[i] = (up - down) / h
    return grad
