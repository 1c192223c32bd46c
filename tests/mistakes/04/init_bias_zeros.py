"""b initialised to zeros (a common choice elsewhere, but not what torch.nn.Linear does)."""

TARGET = "linear.py"
CAUGHT_BY = "variance of b"

import numpy as np


def init_linear(in_features, out_features, rng):
    k = 1.0 / np.sqrt(in_features)
    return rng.uniform(-k, k, size=(out_features, in_features)), np.zeros(out_features)
