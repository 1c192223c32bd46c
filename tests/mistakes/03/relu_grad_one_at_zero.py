"""relu'(0) taken as 1 (a >= 0) where torch uses 0."""

TARGET = "vanishing.py"
CAUGHT_BY = "relu'(0) is 0"

import math


def _act_grad(activation, a):
    if activation == "sigmoid":
        s = _act("sigmoid", a)
        return s * (1.0 - s)
    if activation == "tanh":
        return 1.0 - math.tanh(a) ** 2
    return 1.0 if a >= 0 else 0.0
