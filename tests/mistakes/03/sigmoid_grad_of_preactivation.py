"""sigmoid'(a) written as a*(1 - a): the formula s*(1 - s) applied to a instead of s = sigmoid(a)."""

TARGET = "vanishing.py"
CAUGHT_BY = "s = sigmoid(a)"

import math


def _act_grad(activation, a):
    if activation == "sigmoid":
        return a * (1.0 - a)
    if activation == "tanh":
        return 1.0 - math.tanh(a) ** 2
    return 1.0 if a > 0 else 0.0
