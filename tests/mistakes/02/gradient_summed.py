"""numerical_gradient nudges every entry at once: one number, the sum of the gradient."""

TARGET = "derivatives.py"
CAUGHT_BY = "numerical_gradient(f, x) returned shape ()"

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    return (f(x + h) - f(x - h)) / (2 * h)
