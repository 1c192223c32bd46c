"""A "stable" sigmoid with np.where, which still computes exp(-x) for every element."""

TARGET = "activations.py"
CAUGHT_BY = "sigmoid(x) raised a warning"
SANDBOX = "warnings raised in the learner's process must be raised again in the judge"

import numpy as np


def sigmoid(x):
    return np.where(x >= 0, 1 / (1 + np.exp(-x)), np.exp(x) / (1 + np.exp(x)))
