"""dL/dW computed as a_prev.T @ grad_z: shape (in, out), the transpose of W's."""

TARGET = "backprop.py"
CAUGHT_BY = 'grads["W2"] of mlp_backward'

import numpy as np


def mlp_backward(params, cache, grad_out):
    x, h, out = cache["x"], cache["h"], cache["out"]
    grad_z2 = grad_out * (1 - out**2)
    grad_z1 = (grad_z2 @ params["W2"]) * (1 - h**2)
    return {
        "W1": x.T @ grad_z1,
        "b1": grad_z1.sum(axis=0),
        "W2": h.T @ grad_z2,
        "b2": grad_z2.sum(axis=0),
    }
