"""layernorm_backward treating each position's mean and variance as constants."""

TARGET = "normalization.py"
CAUGHT_BY = "they carry gradient to x too"

import math

import numpy as np


_solution_backward = layernorm_backward


def layernorm_backward(cache, grad_out):
    _, grad_gamma, grad_beta = _solution_backward(cache, grad_out)
    return grad_out * cache["gamma"] * cache["invstd"], grad_gamma, grad_beta
