"""A stable sigmoid by boolean masks, after np.asarray; sigmoid_grad from e^-|x|."""

TARGET = "activations.py"

import numpy as np


def sigmoid(x):
    x = np.asarray(x)
    out = np.empty_like(x)
    positive = x >= 0
    out[positive] = 1 / (1 + np.exp(-x[positive]))
    e = np.exp(x[~positive])
    out[~positive] = e / (1 + e)
    return out


def sigmoid_grad(x):
    e = np.exp(-np.abs(x))
    return e / (1 + e) ** 2
