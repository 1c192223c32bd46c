"""batchnorm_backward summing grad_out alone for gamma's gradient."""

TARGET = "normalization.py"
CAUGHT_BY = "grad_gamma sums grad_out * x_hat, not grad_out alone"

import math

import numpy as np


_solution_backward = batchnorm_backward


def batchnorm_backward(cache, grad_out):
    grad_x, _, grad_beta = _solution_backward(cache, grad_out)
    return grad_x, grad_out.sum(axis=0), grad_beta
