"""tanh's derivative taken as 1 - tanh(out)**2: tanh applied a second time to the activation."""

TARGET = "backprop.py"
CAUGHT_BY = "mlp_backward"

import numpy as np


def mlp_backward(params, cache, grad_out):
    x, h, out = cache["x"], cache["h"], cache["out"]
    grad_z2 = grad_out * (1 - np.tanh(out) ** 2)
    grad_z1 = (grad_z2 @ params["W2"]) * (1 - np.tanh(h) ** 2)
    return {
        "W1": grad_z1.T @ x,
        "b1": grad_z1.sum(axis=0),
        "W2": grad_z2.T @ h,
        "b2": grad_z2.sum(axis=0),
    }
