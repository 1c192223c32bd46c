"""grad_b summed over every axis, the output features too: a single number."""

TARGET = "linear.py"
CAUGHT_BY = "grad_b"

import numpy as np


def linear_backward(x, W, grad_out):
    rows = int(np.prod(x.shape[:-1]))
    x2 = x.reshape(rows, W.shape[1])
    g2 = grad_out.reshape(rows, W.shape[0])
    return grad_out @ W, g2.T @ x2, grad_out.sum()
