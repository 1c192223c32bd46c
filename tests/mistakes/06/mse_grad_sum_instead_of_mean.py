"""mse_loss_grad is the gradient of the SUM of squared errors: the 1/N is missing."""

TARGET = "backprop.py"
CAUGHT_BY = "mse_loss_grad"

import numpy as np


def mse_loss_grad(pred, target):
    return 2 * (pred - target)
