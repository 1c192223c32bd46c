"""batchnorm_forward taking the statistics over each example's features (axis=1), as layer norm does."""

TARGET = "normalization.py"
CAUGHT_BY = "each channel (column) has its own statistics"

import math

import numpy as np


def batchnorm_forward(
    x, gamma, beta, running_mean, running_var, *, training=True, momentum=0.1, eps=1e-5
):
    if training:
        n = x.shape[0]
        if n < 2:
            raise ValueError("x: one example per channel")
        mean = x.mean(axis=1, keepdims=True)
        var = x.var(axis=1, keepdims=True)
        running_mean *= 1 - momentum
        running_mean += momentum * x.mean(axis=0)
        running_var *= 1 - momentum
        running_var += momentum * x.var(axis=0, ddof=1)
    else:
        mean, var = running_mean.astype(x.dtype), running_var.astype(x.dtype)
    invstd = 1 / np.sqrt(var + x.dtype.type(eps))
    x_hat = (x - mean) * invstd
    y = x_hat * gamma + beta
    return y, {"x_hat": x_hat, "invstd": invstd, "gamma": gamma, "training": training}
