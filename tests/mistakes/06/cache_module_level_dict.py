"""One module-level cache dict, reused by every call: a later forward overwrites the first cache."""

TARGET = "backprop.py"
CAUGHT_BY = "the first cache changed"
SANDBOX = "in-place changes and aliasing must cross back from the learner's process"

import numpy as np

_CACHE = {}


def mlp_forward(x, params):
    x = np.array(x, copy=True)
    h = np.tanh(x @ params["W1"].T + params["b1"])
    out = np.tanh(h @ params["W2"].T + params["b2"])
    _CACHE.update(x=x, h=h, out=out.copy())
    return out, _CACHE
