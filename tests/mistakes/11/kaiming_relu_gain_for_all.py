"""kaiming_normal using relu's gain, sqrt(2), whatever the nonlinearity."""

TARGET = "normalization.py"
CAUGHT_BY = "has its own gain"

import math

import numpy as np


def kaiming_normal(fan_in, fan_out, rng, nonlinearity="relu", a=0.0):
    calculate_gain(nonlinearity, a)  # an unknown name still raises
    return rng.normal(0.0, math.sqrt(2.0 / fan_in), size=(fan_out, fan_in))
