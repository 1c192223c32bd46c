"""grad_x computed with W transposed the wrong way round. The report lists x, W and grad_out
with their "=" signs aligned under the longest name, grad_out, not "grad_out= [..."."""

TARGET = "linear.py"
CAUGHT_BY = "\n  W        = [["

import numpy as np


def linear_backward(x, W, grad_out):
    rows = int(np.prod(x.shape[:-1]))
    x2 = x.reshape(rows, W.shape[1])
    g2 = grad_out.reshape(rows, W.shape[0])
    grad_x = (grad_out[..., :1] * W.sum(axis=0)).astype(x.dtype)  # not grad_out @ W
    return grad_x, g2.T @ x2, g2.sum(axis=0)
