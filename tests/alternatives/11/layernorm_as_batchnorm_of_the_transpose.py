"""Layer norm as batch-norm arithmetic on the transposed (D, positions) array."""

TARGET = "normalization.py"

import math

import numpy as np


def layernorm_forward(x, gamma, beta, eps=1e-5):
    columns = x.reshape(-1, x.shape[-1]).T  # (D, positions): each column is one position
    mean = columns.mean(axis=0)
    invstd = 1 / np.sqrt(columns.var(axis=0) + x.dtype.type(eps))
    x_hat = ((columns - mean) * invstd).T.reshape(x.shape)
    return x_hat * gamma + beta, {"x_hat": x_hat, "invstd": invstd, "gamma": gamma}


def layernorm_backward(cache, grad_out):
    x_hat, invstd, gamma = cache["x_hat"], cache["invstd"], cache["gamma"]
    features = x_hat.shape[-1]
    flat_g = (grad_out * gamma).reshape(-1, features).T
    flat_x_hat = x_hat.reshape(-1, features).T
    grad_x = (
        invstd
        / features
        * (features * flat_g - flat_g.sum(axis=0) - flat_x_hat * (flat_g * flat_x_hat).sum(axis=0))
    )
    positions = grad_out.reshape(-1, features)
    grad_gamma = (positions * x_hat.reshape(-1, features)).sum(axis=0)
    return grad_x.T.reshape(grad_out.shape), grad_gamma, positions.sum(axis=0)
