"""layernorm_forward normalizing with the unbiased variance (ddof=1)."""

TARGET = "normalization.py"
CAUGHT_BY = "normalize with the BIASED variance"

import math

import numpy as np


def layernorm_forward(x, gamma, beta, eps=1e-5):
    mean = x.mean(axis=-1, keepdims=True)
    var = x.var(axis=-1, ddof=1, keepdims=True)
    invstd = 1 / np.sqrt(var + x.dtype.type(eps))
    x_hat = (x - mean) * invstd
    return x_hat * gamma + beta, {"x_hat": x_hat, "invstd": invstd, "gamma": gamma}
