"""numerical_derivative written as two halves, f(x + h) / (2h) - f(x - h) / (2h)."""

TARGET = "derivatives.py"

import numpy as np


def numerical_derivative(f, x, h=1e-5):
    return f(x + h) / (2 * h) - f(x - h) / (2 * h)
