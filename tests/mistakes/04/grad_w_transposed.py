"""grad_W computed as x.T @ grad_out: the transpose of the right answer, shape (in, out)."""

TARGET = "linear.py"
CAUGHT_BY = "grad_W"

import numpy as np


def linear_backward(x, W, grad_out):
    rows = int(np.prod(x.shape[:-1]))
    x2 = x.reshape(rows, W.shape[1])
    g2 = grad_out.reshape(rows, W.shape[0])
    return grad_out @ W, x2.T @ g2, g2.sum(axis=0)
