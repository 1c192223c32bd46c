"""The cache keeps a reference to the caller's x: when the caller reuses that array, the cache
changes with it."""

TARGET = "backprop.py"
CAUGHT_BY = "the first cache changed"
SANDBOX = "in-place changes and aliasing must cross back from the learner's process"

import numpy as np


def mlp_forward(x, params):
    h = np.tanh(x @ params["W1"].T + params["b1"])
    out = np.tanh(h @ params["W2"].T + params["b2"])
    return out, {"x": x, "h": h, "out": out.copy()}
