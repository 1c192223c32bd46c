"""Forward and backward with np.einsum: ellipses where they work, one flattening for grad_W."""

TARGET = "linear.py"

import numpy as np


def linear_forward(x, W, b):
    y = np.einsum("...i,ji->...j", x, W)
    if b is not None:
        y = y + b
    return y


def linear_backward(x, W, grad_out):
    grad_x = np.einsum("...j,ji->...i", grad_out, W)
    # einsum cannot sum an ellipsis away, so flatten the leading axes into one first.
    g2 = grad_out.reshape(-1, W.shape[0])
    grad_W = np.einsum("nj,ni->ji", g2, x.reshape(-1, W.shape[1]))
    grad_b = np.einsum("nj->j", g2)
    return grad_x, grad_W, grad_b
