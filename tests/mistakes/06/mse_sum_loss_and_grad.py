"""Both mse_loss and its gradient use the sum: consistent with each other, but not F.mse_loss."""

TARGET = "backprop.py"
CAUGHT_BY = "mse_loss"

import numpy as np


def mse_loss(pred, target):
    return float(np.sum((pred - target) ** 2))


def mse_loss_grad(pred, target):
    return 2 * (pred - target)
