"""tanh_grad written as 1 - x**2 instead of 1 - tanh(x)**2."""

TARGET = "activations.py"
CAUGHT_BY = "tanh_grad(x) does not match torch"

import numpy as np


def tanh_grad(x):
    return 1 - x**2
