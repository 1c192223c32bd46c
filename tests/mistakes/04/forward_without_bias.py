"""The bias left out of the forward pass."""

TARGET = "linear.py"
CAUGHT_BY = "linear_forward"

import numpy as np


def linear_forward(x, W, b):
    return x @ W.T
