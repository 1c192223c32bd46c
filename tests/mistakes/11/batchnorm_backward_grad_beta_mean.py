"""batchnorm_backward averaging grad_out over the batch for beta's gradient instead of summing it."""

TARGET = "normalization.py"
CAUGHT_BY = "grad_beta = sum over the batch"

import math

import numpy as np


_solution_backward = batchnorm_backward


def batchnorm_backward(cache, grad_out):
    grad_x, grad_gamma, _ = _solution_backward(cache, grad_out)
    return grad_x, grad_gamma, grad_out.mean(axis=0)
