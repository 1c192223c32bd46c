"""Backward as a plain loop over every leading position, accumulating outer products."""

TARGET = "linear.py"

import numpy as np


def linear_backward(x, W, grad_out):
    grad_W = np.zeros_like(W)
    grad_b = np.zeros(W.shape[0], dtype=W.dtype)
    grad_x = np.empty_like(x)
    for pos in np.ndindex(*x.shape[:-1]):
        grad_W += np.outer(grad_out[pos], x[pos])
        grad_b += grad_out[pos]
        grad_x[pos] = W.T @ grad_out[pos]
    return grad_x, grad_W, grad_b
