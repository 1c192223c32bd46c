"""batchnorm_backward treating the batch's mean and variance as constants: grad_x = g * gamma * invstd."""

TARGET = "normalization.py"
CAUGHT_BY = "they carry gradient to x too"

import math

import numpy as np


def batchnorm_backward(cache, grad_out):
    x_hat, invstd, gamma = cache["x_hat"], cache["invstd"], cache["gamma"]
    return grad_out * gamma * invstd, (grad_out * x_hat).sum(axis=0), grad_out.sum(axis=0)
