"""grad_W averaged over the batch instead of summed (the mean belongs to the loss, not here)."""

TARGET = "linear.py"
CAUGHT_BY = "sum, not mean: your grad_W is torch's divided by the 5 positions"

import numpy as np


def linear_backward(x, W, grad_out):
    rows = int(np.prod(x.shape[:-1]))
    x2 = x.reshape(rows, W.shape[1])
    g2 = grad_out.reshape(rows, W.shape[0])
    return grad_out @ W, g2.T @ x2 / max(rows, 1), g2.sum(axis=0)
