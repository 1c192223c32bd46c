"""numerical_derivative with its own tiny step 1e-12: rounding error swamps the estimate."""

TARGET = "derivatives.py"
CAUGHT_BY = "numerical_derivative(f, x) does not match torch"

import numpy as np


def numerical_derivative(f, x, h=1e-5):
    h = 1e-12
    return (f(x + h) - f(x - h)) / (2 * h)
