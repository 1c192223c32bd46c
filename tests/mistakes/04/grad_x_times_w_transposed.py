"""grad_x computed as grad_out @ W.T: wrong shape, or (for a square W) wrong values."""

TARGET = "linear.py"
CAUGHT_BY = "grad_x"

import numpy as np


def linear_backward(x, W, grad_out):
    rows = int(np.prod(x.shape[:-1]))
    x2 = x.reshape(rows, W.shape[1])
    g2 = grad_out.reshape(rows, W.shape[0])
    return grad_out @ W.T, g2.T @ x2, g2.sum(axis=0)
