"""relu_grad returns relu(x): the forward pass instead of the derivative."""

TARGET = "activations.py"
CAUGHT_BY = "relu_grad(x) does not match torch"

import numpy as np


def relu_grad(x):
    return np.maximum(x, 0)
