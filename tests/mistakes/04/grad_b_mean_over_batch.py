"""grad_b averaged over the batch instead of summed: the hint must say "sum, not mean", even
for a plain 2-D batch, not talk about leading axes."""

TARGET = "linear.py"
CAUGHT_BY = "sum, not mean: your grad_b is torch's divided by the 5 positions"

import numpy as np


def linear_backward(x, W, grad_out):
    rows = int(np.prod(x.shape[:-1]))
    x2 = x.reshape(rows, W.shape[1])
    g2 = grad_out.reshape(rows, W.shape[0])
    return grad_out @ W, g2.T @ x2, g2.mean(axis=0) if rows else g2.sum(axis=0)
