"""numerical_gradient ignores its h and always steps by 1e-5."""

TARGET = "derivatives.py"
CAUGHT_BY = "use the h you are given"

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    h = 1e-5
    point = np.array(x, dtype=np.float64)
    grad = np.zeros(point.shape)
    for i in np.ndindex(point.shape):
        old = point[i]
        point[i] = old + h
        up = f(point)
        point[i] = old - h
        down = f(point)
        point[i] = old
        grad[i] = (up - down) / (2 * h)
    return grad
