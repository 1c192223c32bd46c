"""mlp_backward multiplies by a float64 array of ones, so float32 gradients come back float64:
torch's answer must be shown in float32, the dtype the learner must return."""

TARGET = "backprop.py"
CAUGHT_BY = "(float32, shape (2,))\n  yours    = [0.356304 0.357674] (float64"

import numpy as np


def mlp_backward(params, cache, grad_out):
    x, h, out = cache["x"], cache["h"], cache["out"]
    grad_z2 = grad_out * (np.ones(out.shape) - out**2)  # np.ones is float64
    grad_W2 = grad_z2.T @ h
    grad_b2 = grad_z2.sum(axis=0)
    grad_h = grad_z2 @ params["W2"]
    grad_z1 = grad_h * (1 - h**2)
    grad_W1 = grad_z1.T @ x
    grad_b1 = grad_z1.sum(axis=0)
    return {"W1": grad_W1, "b1": grad_b1, "W2": grad_W2, "b2": grad_b2}
