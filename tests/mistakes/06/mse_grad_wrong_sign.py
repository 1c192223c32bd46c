"""mse_loss_grad uses (target - pred): the gradient points the wrong way."""

TARGET = "backprop.py"
CAUGHT_BY = "mse_loss_grad"

import numpy as np


def mse_loss_grad(pred, target):
    return 2 * (target - pred) / pred.size
