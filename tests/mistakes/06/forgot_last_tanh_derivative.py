"""Backprop starts at the last linear layer and skips the derivative of the final tanh."""

TARGET = "backprop.py"
CAUGHT_BY = 'grads["b2"] of mlp_backward'

import numpy as np


def mlp_backward(params, cache, grad_out):
    x, h = cache["x"], cache["h"]
    grad_z2 = grad_out
    grad_z1 = (grad_z2 @ params["W2"]) * (1 - h**2)
    return {
        "W1": grad_z1.T @ x,
        "b1": grad_z1.sum(axis=0),
        "W2": grad_z2.T @ h,
        "b2": grad_z2.sum(axis=0),
    }
