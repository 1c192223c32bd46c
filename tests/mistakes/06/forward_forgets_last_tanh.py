"""The forward pass ends at the second linear layer: the final tanh is missing."""

TARGET = "backprop.py"
CAUGHT_BY = "mlp_forward"

import numpy as np


def mlp_forward(x, params):
    x = np.array(x, copy=True)
    h = np.tanh(x @ params["W1"].T + params["b1"])
    out = h @ params["W2"].T + params["b2"]
    return out, {"x": x, "h": h, "out": np.tanh(out)}
