"""mse_loss returns np.mean(...) as is: a NumPy scalar, not a Python float."""

TARGET = "backprop.py"
CAUGHT_BY = "Python float"
SANDBOX = "the dtype or type of the answer must survive the trip from the learner's process"

import numpy as np


def mse_loss(pred, target):
    return np.mean((pred - target) ** 2)
