"""batchnorm_forward blending with the weights swapped: momentum * running + (1 - momentum) * batch."""

TARGET = "normalization.py"
CAUGHT_BY = "momentum weights the NEW batch"

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
        running_mean *= momentum
        running_mean += (1 - momentum) * mean
        running_var *= momentum
        running_var += (1 - momentum) * var * (n / (n - 1))
    else:
        mean, var = running_mean.astype(x.dtype), running_var.astype(x.dtype)
    invstd = 1 / np.sqrt(var + x.dtype.type(eps))
    x_hat = (x - mean) * invstd
    y = x_hat * gamma + beta
    return y, {"x_hat": x_hat, "invstd": invstd, "gamma": gamma, "training": training}
