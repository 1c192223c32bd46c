"""numerical_gradient "copies" x with np.asarray, which returns x itself, and perturbs it."""

TARGET = "derivatives.py"
CAUGHT_BY = "numerical_gradient(f, x) changed x"
SANDBOX = "in-place changes and aliasing must cross back from the learner's process"

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    point = np.asarray(x, dtype=np.float64)
    grad = np.zeros(point.shape)
    for i in np.ndindex(point.shape):
        point[i] += h
        up = f(point)
        point[i] -= 2 * h
        down = f(point)
        grad[i] = (up - down) / (2 * h)
    return grad
