"""batchnorm_forward rebinding running_mean and running_var to new arrays instead of updating the caller's."""

TARGET = "normalization.py"
CAUGHT_BY = "IN PLACE"
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
        mean = x.mean(axis=0)
        var = x.var(axis=0)
        running_mean = (1 - momentum) * running_mean + momentum * mean
        running_var = (1 - momentum) * running_var + momentum * var * (n / (n - 1))
    else:
        mean, var = running_mean.astype(x.dtype), running_var.astype(x.dtype)
    invstd = 1 / np.sqrt(var + x.dtype.type(eps))
    x_hat = (x - mean) * invstd
    y = x_hat * gamma + beta
    return y, {"x_hat": x_hat, "invstd": invstd, "gamma": gamma, "training": training}
