"""np.dot for the forward pass; backward with tensordot and an explicit sum over leading axes."""

TARGET = "linear.py"

import numpy as np


def linear_forward(x, W, b):
    y = np.dot(x, W.T)
    return y + b if b is not None else y


def linear_backward(x, W, grad_out):
    lead = tuple(range(x.ndim - 1))
    grad_x = np.tensordot(grad_out, W, axes=([-1], [0]))
    grad_W = np.tensordot(grad_out, x, axes=(lead, lead)) if lead else np.outer(grad_out, x)
    grad_b = grad_out.sum(axis=lead) if lead else grad_out.copy()
    return grad_x, grad_W, grad_b
