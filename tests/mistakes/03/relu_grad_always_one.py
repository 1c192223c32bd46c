"""relu' taken as 1 everywhere ("relu is linear"), so negative pre-activations pass the gradient."""

TARGET = "vanishing.py"
CAUGHT_BY = "relu'(a) is 0 for a negative pre-activation"

import math


def _act_grad(activation, a):
    if activation == "sigmoid":
        s = _act("sigmoid", a)
        return s * (1.0 - s)
    if activation == "tanh":
        return 1.0 - math.tanh(a) ** 2
    return 1.0
