"""numerical_derivative divides the central difference by h instead of 2h: twice the answer."""

TARGET = "derivatives.py"
CAUGHT_BY = "divide by 2 * h"

import numpy as np


def numerical_derivative(f, x, h=1e-5):
    return (f(x + h) - f(x - h)) / h
