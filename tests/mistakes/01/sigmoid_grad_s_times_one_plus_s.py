"""sigmoid_grad written as s * (1 + s) instead of s * (1 - s)."""

TARGET = "activations.py"
CAUGHT_BY = "sigmoid_grad(x) does not match torch"

import numpy as np


def sigmoid_grad(x):
    s = sigmoid(x)
    return s * (1 + s)
