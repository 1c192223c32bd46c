"""kaiming_normal with std = 1 / sqrt(fan_in): the gain left out."""

TARGET = "normalization.py"
CAUGHT_BY = "the gain is missing"

import math

import numpy as np


def kaiming_normal(fan_in, fan_out, rng, nonlinearity="relu", a=0.0):
    calculate_gain(nonlinearity, a)  # checked, then forgotten
    return rng.normal(0.0, 1 / math.sqrt(fan_in), size=(fan_out, fan_in))
