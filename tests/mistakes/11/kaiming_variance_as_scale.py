"""kaiming_normal passing the variance gain**2 / fan_in as rng.normal's scale, which is a std."""

TARGET = "normalization.py"
CAUGHT_BY = "not the variance"

import math

import numpy as np


def kaiming_normal(fan_in, fan_out, rng, nonlinearity="relu", a=0.0):
    variance = calculate_gain(nonlinearity, a) ** 2 / fan_in
    return rng.normal(0.0, variance, size=(fan_out, fan_in))
