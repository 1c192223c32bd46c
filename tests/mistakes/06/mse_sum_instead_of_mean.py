"""mse_loss sums the squared errors instead of averaging them (F.mse_loss's default is mean)."""

TARGET = "backprop.py"
CAUGHT_BY = "mse_loss(pred, target) does not match torch"

import numpy as np


def mse_loss(pred, target):
    return float(np.sum((pred - target) ** 2))
