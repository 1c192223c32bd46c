"""numerical_gradient perturbs x and "restores" it by adding h back: rounding leaves x changed."""

TARGET = "derivatives.py"
CAUGHT_BY = "numerical_gradient(f, x) changed x"
SANDBOX = "in-place changes and aliasing must cross back from the learner's process"

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    grad = np.zeros(x.shape)
    for i in np.ndindex(x.shape):
        x[i] += h
        up = f(x)
        x[i] -= 2 * h
        down = f(x)
        x[i] += h
        grad[i] = (up - down) / (2 * h)
    return grad
