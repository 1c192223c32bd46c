"""numerical_derivative as the backward difference (f(x) - f(x - h)) / h: error O(h)."""

TARGET = "derivatives.py"
CAUGHT_BY = "numerical_derivative(f, x) does not match torch"

import numpy as np


def numerical_derivative(f, x, h=1e-5):
    return (f(x) - f(x - h)) / h
