"""A stable sigmoid by boolean indexing that never converts x: sigmoid(-1000.0) fails on a float."""

TARGET = "activations.py"
CAUGHT_BY = "np.asarray"
SANDBOX = "the learner's exception must reach the judge as the same exception"

import numpy as np


def sigmoid(x):
    out = np.empty_like(x)
    positive = x >= 0
    out[positive] = 1 / (1 + np.exp(-x[positive]))
    e = np.exp(x[~positive])
    out[~positive] = e / (1 + e)
    return out
