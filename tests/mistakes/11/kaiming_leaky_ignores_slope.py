"""calculate_gain giving leaky_relu relu's gain, whatever its negative slope a."""

TARGET = "normalization.py"
CAUGHT_BY = "negative slope a"

import math

import numpy as np


_solution_gain = calculate_gain


def calculate_gain(nonlinearity, a=0.0):
    if nonlinearity == "leaky_relu":
        return math.sqrt(2.0)
    return _solution_gain(nonlinearity, a)
