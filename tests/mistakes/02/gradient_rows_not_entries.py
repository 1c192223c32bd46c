"""numerical_gradient loops over range(len(x)): on a 2-d x, x[i] is a whole row, nudged at once."""

TARGET = "derivatives.py"
CAUGHT_BY = "numerical_gradient(f, x) does not match torch"

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    point = np.array(x, dtype=np.float64)
    grad = np.zeros(point.shape)
    for i in range(len(point)):
        old = point[i].copy()
        point[i] = old + h
        up = f(point)
        point[i] = old - h
        down = f(point)
        point[i] = old
        grad[i] = (up - down) / (2 * h)
    return grad
