"""sigmoid_grad as exp(-x) / (1 + exp(-x))**2: inf / inf = nan for large negative x."""

TARGET = "activations.py"
CAUGHT_BY = "sigmoid_grad(x) raised a warning"

import numpy as np


def sigmoid_grad(x):
    e = np.exp(-x)
    return e / (1 + e) ** 2
