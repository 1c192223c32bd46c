"""grad_W as outer products summed over the first axis only: 3-D (and 1-D) x go wrong."""

TARGET = "linear.py"
CAUGHT_BY = "grad_W"

import numpy as np


def linear_backward(x, W, grad_out):
    grad_W = (grad_out[..., :, None] * x[..., None, :]).sum(axis=0)
    grad_b = grad_out.reshape(-1, W.shape[0]).sum(axis=0)
    return grad_out @ W, grad_W, grad_b
