"""Caches the pre-activations and takes tanh's derivative there, correctly: 1 / cosh(z)**2."""

TARGET = "backprop.py"

import numpy as np


def mlp_forward(x, params):
    z1 = x @ params["W1"].T + params["b1"]
    h = np.tanh(z1)
    z2 = h @ params["W2"].T + params["b2"]
    # z1, z2 and h are new arrays; only x needs copying.
    return np.tanh(z2), {"x": x.copy(), "z1": z1, "h": h, "z2": z2}


def mlp_backward(params, cache, grad_out):
    grad_z2 = grad_out / np.cosh(cache["z2"]) ** 2
    grad_z1 = (grad_z2 @ params["W2"]) / np.cosh(cache["z1"]) ** 2
    return {
        "W1": grad_z1.T @ cache["x"],
        "b1": grad_z1.sum(axis=0),
        "W2": grad_z2.T @ cache["h"],
        "b2": grad_z2.sum(axis=0),
    }
