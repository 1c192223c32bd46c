"""mse_loss returns np.mean(...) as is: a NumPy scalar, not a Python float."""

TARGET = "backprop.py"
CAUGHT_BY = "Python float"

import numpy as np


def mse_loss(pred, target):
    return np.mean((pred - target) ** 2)
