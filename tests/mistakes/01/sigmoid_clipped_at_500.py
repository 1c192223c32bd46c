"""Clipping x to [-500, 500] before exp: enough in float64, but exp(500) overflows float32."""

TARGET = "activations.py"
CAUGHT_BY = "sigmoid(x) raised a warning"

import numpy as np


def sigmoid(x):
    return 1 / (1 + np.exp(-np.clip(x, -500, 500)))
