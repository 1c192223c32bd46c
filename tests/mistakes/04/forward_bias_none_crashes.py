"""x @ W.T + b with no case for b=None: a layer without bias raises TypeError."""

TARGET = "linear.py"
CAUGHT_BY = "add b only when b is not None"
SANDBOX = "the learner's exception must reach the judge as the same exception"

import numpy as np


def linear_forward(x, W, b):
    return x @ W.T + b
