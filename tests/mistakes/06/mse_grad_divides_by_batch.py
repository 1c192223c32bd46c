"""mse_loss_grad divides by the batch size (len(pred)) instead of the number of elements."""

TARGET = "backprop.py"
CAUGHT_BY = "mse_loss_grad"

import numpy as np


def mse_loss_grad(pred, target):
    n = pred.shape[0] if pred.ndim else 1
    return 2 * (pred - target) / n
