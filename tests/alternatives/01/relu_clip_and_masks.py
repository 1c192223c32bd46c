"""relu by np.clip, leaky_relu and its derivative from masks, cast back to x's dtype."""

TARGET = "activations.py"

import numpy as np


def relu(x):
    return np.clip(x, 0, None)


def leaky_relu(x, negative_slope=0.01):
    x = np.asarray(x)
    return (x * (x > 0) + negative_slope * x * (x <= 0)).astype(x.dtype)


def leaky_relu_grad(x, negative_slope=0.01):
    x = np.asarray(x)
    return ((x > 0) + negative_slope * (x <= 0)).astype(x.dtype)
