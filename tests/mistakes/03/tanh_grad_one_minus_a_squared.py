"""tanh'(a) written as 1 - a**2 instead of 1 - tanh(a)**2 (kata 01's classic, again)."""

TARGET = "vanishing.py"
CAUGHT_BY = "tanh'(a) = 1 - tanh(a)**2"

import math


def _act_grad(activation, a):
    if activation == "sigmoid":
        s = _act("sigmoid", a)
        return s * (1.0 - s)
    if activation == "tanh":
        return 1.0 - a**2
    return 1.0 if a > 0 else 0.0
