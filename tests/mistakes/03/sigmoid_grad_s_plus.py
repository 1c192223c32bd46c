"""sigmoid'(a) written as s*(1 + s) instead of s*(1 - s)."""

TARGET = "vanishing.py"
CAUGHT_BY = "not s*(1 + s)"

import math


def _act_grad(activation, a):
    if activation == "sigmoid":
        s = _act("sigmoid", a)
        return s * (1.0 + s)
    if activation == "tanh":
        return 1.0 - math.tanh(a) ** 2
    return 1.0 if a > 0 else 0.0
