"""tanh_grad written as 1 - tanh(x): the square is forgotten."""

TARGET = "activations.py"
CAUGHT_BY = "tanh_grad(x) does not match torch"

import numpy as np


def tanh_grad(x):
    return 1 - np.tanh(x)
