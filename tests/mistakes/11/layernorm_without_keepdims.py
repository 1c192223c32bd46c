"""layernorm_forward taking the statistics without keepdims, so they do not broadcast against x."""

TARGET = "normalization.py"
CAUGHT_BY = "keepdims=True"

import math

import numpy as np


def layernorm_forward(x, gamma, beta, eps=1e-5):
    mean = x.mean(axis=-1)
    var = x.var(axis=-1)
    invstd = 1 / np.sqrt(var + x.dtype.type(eps))
    x_hat = (x - mean) * invstd
    return x_hat * gamma + beta, {"x_hat": x_hat, "invstd": invstd, "gamma": gamma}
