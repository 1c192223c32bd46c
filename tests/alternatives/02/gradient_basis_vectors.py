"""numerical_gradient with one basis vector per entry: f(x + h e_i) and f(x - h e_i) are new arrays."""

TARGET = "derivatives.py"
SANDBOX = "the test's function is called back from the learner's process with new arrays"

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    x = np.asarray(x, dtype=np.float64)
    grad = np.empty(x.size)
    for i in range(x.size):
        step = np.zeros(x.size)
        step[i] = h
        step = step.reshape(x.shape)
        grad[i] = (f(x + step) - f(x - step)) / (2 * h)
    return grad.reshape(x.shape)
