"""mlp_backward multiplies the caller's grad_out in place."""

TARGET = "backprop.py"
CAUGHT_BY = "changed its argument grad_out"
SANDBOX = "in-place changes and aliasing must cross back from the learner's process"

import numpy as np


def mlp_backward(params, cache, grad_out):
    x, h, out = cache["x"], cache["h"], cache["out"]
    grad_out *= 1 - out**2
    grad_z2 = grad_out
    grad_z1 = (grad_z2 @ params["W2"]) * (1 - h**2)
    return {
        "W1": grad_z1.T @ x,
        "b1": grad_z1.sum(axis=0),
        "W2": grad_z2.T @ h,
        "b2": grad_z2.sum(axis=0),
    }
