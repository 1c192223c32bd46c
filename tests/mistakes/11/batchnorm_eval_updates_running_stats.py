"""batchnorm_forward updating the running statistics in eval mode as well."""

TARGET = "normalization.py"
CAUGHT_BY = "eval mode leaves running_mean unchanged"
SANDBOX = "in-place changes (or their absence) must cross back from the learner's process"

import math

import numpy as np


def batchnorm_forward(
    x, gamma, beta, running_mean, running_var, *, training=True, momentum=0.1, eps=1e-5
):
    n = x.shape[0]
    if training and n < 2:
        raise ValueError("x: one example per channel")
    mean, var = x.mean(axis=0), x.var(axis=0)
    if not training:
        mean, var = running_mean.astype(x.dtype), running_var.astype(x.dtype)
    invstd = 1 / np.sqrt(var + x.dtype.type(eps))
    x_hat = (x - mean) * invstd
    batch_var = x.var(axis=0, ddof=1) if n > 1 else x.var(axis=0)
    running_mean *= 1 - momentum
    running_mean += momentum * x.mean(axis=0)
    running_var *= 1 - momentum
    running_var += momentum * batch_var
    y = x_hat * gamma + beta
    return y, {"x_hat": x_hat, "invstd": invstd, "gamma": gamma, "training": training}
