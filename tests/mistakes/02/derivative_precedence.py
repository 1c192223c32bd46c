"""numerical_derivative written as ... / 2 * h: divides by 2 and MULTIPLIES by h."""

TARGET = "derivatives.py"
CAUGHT_BY = "numerical_derivative(f, x) does not match torch"

import numpy as np


def numerical_derivative(f, x, h=1e-5):
    return (f(x + h) - f(x - h)) / 2 * h
