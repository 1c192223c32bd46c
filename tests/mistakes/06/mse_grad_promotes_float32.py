"""mse_loss_grad divides by a np.float64 scalar, which turns float32 gradients into float64."""

TARGET = "backprop.py"
CAUGHT_BY = "hint: float32 in, float32 out, as in torch"
SANDBOX = "the dtype or type of the answer must survive the trip from the learner's process"

import numpy as np


def mse_loss_grad(pred, target):
    return 2 * (pred - target) / np.float64(np.size(pred))
