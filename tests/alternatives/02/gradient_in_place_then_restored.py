"""numerical_gradient perturbs x itself, saving each old value and putting it back exactly."""

TARGET = "derivatives.py"
SANDBOX = "in-place changes made and undone in the learner's process must cross back exactly"

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    grad = np.zeros(x.shape, dtype=np.float64)
    it = np.nditer(x, flags=["multi_index"], op_flags=["readwrite"])
    for _ in it:
        i = it.multi_index
        old = x[i].copy()
        x[i] = old + h
        up = f(x)
        x[i] = old - h
        down = f(x)
        x[i] = old
        grad[i] = (up - down) / (2 * h)
    return grad
