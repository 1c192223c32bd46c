"""layernorm_backward summing gamma's and beta's gradients over the first axis only."""

TARGET = "normalization.py"
CAUGHT_BY = "over every leading axis"

import math

import numpy as np


_solution_backward = layernorm_backward


def layernorm_backward(cache, grad_out):
    grad_x, _, _ = _solution_backward(cache, grad_out)
    return grad_x, (grad_out * cache["x_hat"]).sum(axis=0), grad_out.sum(axis=0)
