"""Batch norm and layer norm with the variance as E[x**2] - E[x]**2 (one pass over the data), and
running statistics kept through np.multiply and np.add with out=."""

TARGET = "normalization.py"
SANDBOX = "the running statistics are changed in place, which must cross back from the learner's process"

import numpy as np


def _moments(x, axis, keepdims=False):
    mean = np.mean(x, axis=axis, keepdims=keepdims)
    square = np.mean(x * x, axis=axis, keepdims=keepdims)
    return mean, np.maximum(square - mean * mean, 0)


def batchnorm_forward(
    x, gamma, beta, running_mean, running_var, *, training=True, momentum=0.1, eps=1e-5
):
    if training:
        n = len(x)
        if n <= 1:
            raise ValueError(f"x: batch norm needs more than one example per channel, got {n}")
        mean, var = _moments(x, axis=0)
        np.multiply(running_mean, 1 - momentum, out=running_mean)
        np.add(running_mean, momentum * mean, out=running_mean)
        np.multiply(running_var, 1 - momentum, out=running_var)
        np.add(running_var, momentum * var * n / (n - 1), out=running_var)
    else:
        mean, var = running_mean.astype(x.dtype), running_var.astype(x.dtype)
    invstd = (var + x.dtype.type(eps)) ** x.dtype.type(-0.5)
    x_hat = (x - mean) * invstd
    return gamma * x_hat + beta, {"x_hat": x_hat, "invstd": invstd, "gamma": gamma, "training": training}


def layernorm_forward(x, gamma, beta, eps=1e-5):
    mean, var = _moments(x, axis=-1, keepdims=True)
    invstd = (var + x.dtype.type(eps)) ** x.dtype.type(-0.5)
    x_hat = (x - mean) * invstd
    return gamma * x_hat + beta, {"x_hat": x_hat, "invstd": invstd, "gamma": gamma}
