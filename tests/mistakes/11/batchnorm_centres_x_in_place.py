"""batchnorm_forward subtracting the mean from x in place, changing the caller's array."""

TARGET = "normalization.py"
CAUGHT_BY = "only the running statistics are updated in place"
SANDBOX = "in-place changes (or their absence) must cross back from the learner's process"

import math

import numpy as np


def batchnorm_forward(
    x, gamma, beta, running_mean, running_var, *, training=True, momentum=0.1, eps=1e-5
):
    if training:
        n = x.shape[0]
        if n < 2:
            raise ValueError("x: one example per channel")
        mean, var = x.mean(axis=0), x.var(axis=0)
        running_mean *= 1 - momentum
        running_mean += momentum * mean
        running_var *= 1 - momentum
        running_var += momentum * var * (n / (n - 1))
    else:
        mean, var = running_mean.astype(x.dtype), running_var.astype(x.dtype)
    invstd = 1 / np.sqrt(var + x.dtype.type(eps))
    x -= mean
    x *= invstd
    y = x * gamma + beta
    return y, {"x_hat": x.copy(), "invstd": invstd, "gamma": gamma, "training": training}
