"""relu as x * (x > 0), relu_grad as np.heaviside(x, 0)."""

TARGET = "activations.py"

import numpy as np


def relu(x):
    return x * (x > 0)


def relu_grad(x):
    return np.heaviside(x, 0)
