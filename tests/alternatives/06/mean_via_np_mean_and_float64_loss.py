"""mse_loss computed in float64 whatever the input, and the gradient from np.mean's definition."""

TARGET = "backprop.py"

import numpy as np


def mse_loss(pred, target):
    diff = np.asarray(pred, dtype=np.float64) - np.asarray(target, dtype=np.float64)
    return np.mean(diff**2).item()


def mse_loss_grad(pred, target):
    pred = np.asarray(pred)
    n = max(pred.size, 1)
    return np.multiply(pred - target, 2, dtype=pred.dtype) / n
