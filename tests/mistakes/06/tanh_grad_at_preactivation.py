"""tanh's derivative written as 1 - z**2 with z the PRE-activation (it is 1 - tanh(z)**2)."""

TARGET = "backprop.py"
CAUGHT_BY = 'grads["b2"] of mlp_backward'

import numpy as np


def mlp_forward(x, params):
    x = np.array(x, copy=True)
    z1 = x @ params["W1"].T + params["b1"]
    h = np.tanh(z1)
    z2 = h @ params["W2"].T + params["b2"]
    return np.tanh(z2), {"x": x, "z1": z1, "h": h, "z2": z2}


def mlp_backward(params, cache, grad_out):
    x, z1, h, z2 = cache["x"], cache["z1"], cache["h"], cache["z2"]
    grad_z2 = grad_out * (1 - z2**2)
    grad_z1 = (grad_z2 @ params["W2"]) * (1 - z1**2)
    return {
        "W1": grad_z1.T @ x,
        "b1": grad_z1.sum(axis=0),
        "W2": grad_z2.T @ h,
        "b2": grad_z2.sum(axis=0),
    }
