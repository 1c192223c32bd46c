"""tanh'(a) = 4 / (e^|a| + e^-|a|)**2 computed as 4 e^(-2|a|) / (1 + e^(-2|a|))**2: never
cancels, so a saturated unit gives the true tiny derivative (e^-2000 underflows to 0, but
4 e^-600 = 1.6e-260 does not), where torch's 1 - tanh(a)**2 says 0 from |a| of about 19 on."""

TARGET = "vanishing.py"

import math


def _act_grad(activation, a):
    if activation == "sigmoid":
        e = math.exp(-abs(a))
        return e / (1.0 + e) ** 2
    if activation == "tanh":
        e = math.exp(-2.0 * abs(a))
        return 4.0 * e / (1.0 + e) ** 2
    return 1.0 if a > 0 else 0.0
