"""tanh'(a) as 1 / cosh(a)**2 with |a| clamped at 300 (cosh overflows past about 710), and
sigmoid'(a) as exp(-|a|) / (1 + exp(-|a|))**2: both closer to the true value than
1 - tanh(a)**2 where a unit saturates (1.06e-260 at a = 1000, where torch's answer is 0)."""

TARGET = "vanishing.py"

import math


def _act_grad(activation, a):
    if activation == "sigmoid":
        e = math.exp(-abs(a))
        return e / (1.0 + e) ** 2
    if activation == "tanh":
        return 1.0 / math.cosh(min(abs(a), 300.0)) ** 2
    return 1.0 if a > 0 else 0.0
