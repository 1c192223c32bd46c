"""Backward written for a 2-D batch only (grad_out.T @ x): 1-D and 3-D inputs break."""

TARGET = "linear.py"
CAUGHT_BY = "x here has 3 axes (shape (2, 3, 4)), not 2: flatten x"
SANDBOX = "the learner's exception must reach the judge as the same exception"

import numpy as np


def linear_backward(x, W, grad_out):
    return grad_out @ W, grad_out.T @ x, grad_out.sum(axis=0)
