"""sigmoid(x) = exp(-log(1 + exp(-x))) via np.logaddexp; exp(-1e4) underflows to 0 quietly."""

TARGET = "activations.py"

import numpy as np


def sigmoid(x):
    return np.exp(-np.logaddexp(0, -x))


def sigmoid_grad(x):
    return np.exp(-np.logaddexp(0, -x) - np.logaddexp(0, x))
