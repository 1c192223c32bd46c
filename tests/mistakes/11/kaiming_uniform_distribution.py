"""kaiming_normal drawn from a uniform distribution of the right std (that is kaiming_uniform_)."""

TARGET = "normalization.py"
CAUGHT_BY = "NORMAL distribution"

import math

import numpy as np


def kaiming_normal(fan_in, fan_out, rng, nonlinearity="relu", a=0.0):
    bound = math.sqrt(3.0) * calculate_gain(nonlinearity, a) / math.sqrt(fan_in)
    return rng.uniform(-bound, bound, size=(fan_out, fan_in))
