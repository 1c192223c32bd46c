"""The linear layers compute x @ W instead of x @ W.T (W is (out, in) in torch)."""

TARGET = "backprop.py"
CAUGHT_BY = "mlp_forward"

import numpy as np


def mlp_forward(x, params):
    x = np.array(x, copy=True)
    h = np.tanh(x @ params["W1"] + params["b1"])
    out = np.tanh(h @ params["W2"] + params["b2"])
    return out, {"x": x, "h": h, "out": out}
