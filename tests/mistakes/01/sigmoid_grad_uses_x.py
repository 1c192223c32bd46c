"""sigmoid_grad written as s * (1 - x): x where sigmoid(x) belongs."""

TARGET = "activations.py"
CAUGHT_BY = "sigmoid_grad(x) does not match torch"

import numpy as np


def sigmoid_grad(x):
    return sigmoid(x) * (1 - x)
