"""relu_grad as x >= 0: 1 at x == 0, where torch uses 0."""

TARGET = "activations.py"
CAUGHT_BY = "torch takes relu_grad(0) = 0"

import numpy as np


def relu_grad(x):
    return (x >= 0).astype(x.dtype)
