"""tanh(x) = 2 * sigmoid(2x) - 1, with tanh_grad = 4 * sigmoid'(2x)."""

TARGET = "activations.py"

import numpy as np


def tanh(x):
    return 2 * sigmoid(2 * x) - 1


def tanh_grad(x):
    return 4 * sigmoid_grad(2 * x)
