"""Backprop skips the hidden tanh's derivative: the first layer's gradients are wrong."""

TARGET = "backprop.py"
CAUGHT_BY = 'grads["b1"] of mlp_backward'

import numpy as np


def mlp_backward(params, cache, grad_out):
    x, h, out = cache["x"], cache["h"], cache["out"]
    grad_z2 = grad_out * (1 - out**2)
    grad_z1 = grad_z2 @ params["W2"]
    return {
        "W1": grad_z1.T @ x,
        "b1": grad_z1.sum(axis=0),
        "W2": grad_z2.T @ h,
        "b2": grad_z2.sum(axis=0),
    }
