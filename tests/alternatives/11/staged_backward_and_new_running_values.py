"""Batch norm's backward written stage by stage through the variance and the mean, and the running statistics written with [...] = ... instead of *= and +=."""

TARGET = "normalization.py"
SANDBOX = (
    "the running statistics are changed in place, which must cross back from the learner's process"
)

import math

import numpy as np


def batchnorm_forward(
    x, gamma, beta, running_mean, running_var, *, training=True, momentum=0.1, eps=1e-5
):
    if training:
        n = x.shape[0]
        if n < 2:
            raise ValueError("x: expected more than one example per channel in training mode")
        mean = np.sum(x, axis=0) / n
        centred = x - mean
        var = np.sum(centred * centred, axis=0) / n
        running_mean[...] = (1 - momentum) * running_mean + momentum * mean
        running_var[...] = (1 - momentum) * running_var + momentum * var * n / (n - 1)
    else:
        mean, var = running_mean.astype(x.dtype), running_var.astype(x.dtype)
        centred = x - mean
    std = np.sqrt(var + np.asarray(eps, dtype=x.dtype))
    y = centred / std * gamma + beta
    cache = {"centred": centred, "std": std, "gamma": gamma, "x_hat": centred / std}
    return y, cache


def batchnorm_backward(cache, grad_out):
    centred, std, gamma = cache["centred"], cache["std"], cache["gamma"]
    n = grad_out.shape[0]
    grad_x_hat = grad_out * gamma
    grad_var = np.sum(grad_x_hat * centred, axis=0) * -0.5 * std**-3
    grad_mean = -np.sum(grad_x_hat, axis=0) / std - 2.0 * grad_var * np.mean(centred, axis=0)
    grad_x = grad_x_hat / std + grad_var * 2.0 * centred / n + grad_mean / n
    grad_gamma = np.sum(grad_out * cache["x_hat"], axis=0)
    return grad_x, grad_gamma, np.sum(grad_out, axis=0)
