"""mse_loss_grad forgets the 2 that comes down from the square."""

TARGET = "backprop.py"
CAUGHT_BY = "mse_loss_grad"

import numpy as np


def mse_loss_grad(pred, target):
    return (pred - target) / pred.size
