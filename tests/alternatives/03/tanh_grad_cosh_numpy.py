"""tanh'(a) written as 1/cosh(a)**2 and sigmoid'(a) as exp(-|a|)/(1 + exp(-|a|))**2, in NumPy."""

TARGET = "vanishing.py"

import numpy as np


def _act_grad(activation, a):
    if activation == "sigmoid":
        e = np.exp(-abs(a))
        return float(e / (1.0 + e) ** 2)
    if activation == "tanh":
        with np.errstate(over="ignore"):
            return float(1.0 / np.cosh(a) ** 2)
    return float(a > 0)
