"""Gradients with einsum, a tuple as the cache, and the loss written with np.square and a dot."""

TARGET = "backprop.py"
SANDBOX = "a cache of another shape (a tuple, a list) must cross both ways"

import numpy as np


def mse_loss(pred, target):
    diff = np.ravel(np.subtract(pred, target))
    return float(diff @ diff) / diff.size


def mse_loss_grad(pred, target):
    pred = np.asarray(pred)
    return (pred - target) * (2.0 / pred.size)


def mlp_forward(x, params):
    x = x.copy()
    h = np.tanh(np.einsum("bi,hi->bh", x, params["W1"]) + params["b1"])
    out = np.tanh(np.einsum("bh,oh->bo", h, params["W2"]) + params["b2"])
    return out, (x, h, out.copy())


def mlp_backward(params, cache, grad_out):
    x, h, out = cache
    grad_z2 = grad_out * (1 - np.square(out))
    grad_h = np.einsum("bo,oh->bh", grad_z2, params["W2"])
    grad_z1 = grad_h * (1 - h * h)
    return {
        "W2": np.einsum("bo,bh->oh", grad_z2, h),
        "b2": np.einsum("bo->o", grad_z2),
        "W1": np.einsum("bh,bi->hi", grad_z1, x),
        "b1": np.einsum("bh->h", grad_z1),
    }
