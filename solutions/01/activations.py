"""Kata 01: activation functions and their derivatives, written by hand in NumPy (solution).

Every function is elementwise, keeps x's shape and dtype, and stays finite without warnings
for |x| up to 1e4.
"""

import numpy as np


def sigmoid(x):
    """The logistic function, 1 / (1 + e^(-x)), without overflow.

    e^(-|x|) is always in (0, 1], so it never overflows. For x >= 0 use 1 / (1 + e^(-x));
    for x < 0 use e^x / (1 + e^x). Both are the same function, written so that np.exp only
    ever sees a non-positive argument.
    """
    x = np.asarray(x)
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))


def sigmoid_grad(x):
    """d/dx sigmoid(x) = s * (1 - s) with s = sigmoid(x)."""
    s = sigmoid(x)
    return s * (1 - s)


def tanh(x):
    """The hyperbolic tangent."""
    return np.tanh(x)


def tanh_grad(x):
    """d/dx tanh(x) = 1 - tanh(x)**2."""
    t = np.tanh(x)
    return 1 - t * t


def relu(x):
    """max(0, x), elementwise."""
    x = np.asarray(x)
    return np.maximum(x, 0).astype(x.dtype, copy=False)


def relu_grad(x):
    """1 where x > 0, else 0 (0 at x == 0, as in torch)."""
    x = np.asarray(x)
    return (x > 0).astype(x.dtype)


def leaky_relu(x, negative_slope=0.01):
    """x where x > 0, else negative_slope * x."""
    x = np.asarray(x)
    return np.where(x > 0, x, negative_slope * x).astype(x.dtype, copy=False)


def leaky_relu_grad(x, negative_slope=0.01):
    """1 where x > 0, else negative_slope (negative_slope at x == 0, as in torch)."""
    x = np.asarray(x)
    return np.where(x > 0, 1, negative_slope).astype(x.dtype)
