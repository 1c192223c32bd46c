"""layernorm_forward normalizing over the batch axis, as batch norm does."""

TARGET = "normalization.py"
CAUGHT_BY = "not over the batch: that is batch norm"

import math

import numpy as np


def layernorm_forward(x, gamma, beta, eps=1e-5):
    mean = x.mean(axis=0)
    var = x.var(axis=0)
    invstd = 1 / np.sqrt(var + x.dtype.type(eps))
    x_hat = (x - mean) * invstd
    return x_hat * gamma + beta, {"x_hat": x_hat, "invstd": invstd, "gamma": gamma}
