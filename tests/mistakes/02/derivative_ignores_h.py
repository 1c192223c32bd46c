"""numerical_derivative ignores its h and always steps by 1e-5."""

TARGET = "derivatives.py"
CAUGHT_BY = "use the h you are given"

import numpy as np


def numerical_derivative(f, x, h=1e-5):
    step = 1e-5
    return (f(x + step) - f(x - step)) / (2 * step)
