"""numerical_gradient builds its result with np.zeros_like(x): float32 in, float32 out."""

TARGET = "derivatives.py"
CAUGHT_BY = "returned dtype float32, expected float64"
SANDBOX = "the dtype or type of the answer must survive the trip from the learner's process"

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    point = np.array(x, dtype=np.float64)
    grad = np.zeros_like(x)
    for i in np.ndindex(point.shape):
        old = point[i]
        point[i] = old + h
        up = f(point)
        point[i] = old - h
        down = f(point)
        point[i] = old
        grad[i] = (up - down) / (2 * h)
    return grad
