"""The textbook sigmoid 1 / (1 + exp(-x)): exp(1000) overflows (the value is right, with a warning)."""

TARGET = "activations.py"
CAUGHT_BY = "sigmoid(x) raised a warning"
SANDBOX = "warnings raised in the learner's process must be raised again in the judge"

import numpy as np


def sigmoid(x):
    return 1 / (1 + np.exp(-x))
