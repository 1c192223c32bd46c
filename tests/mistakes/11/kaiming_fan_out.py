"""kaiming_normal dividing by fan_out (torch's mode='fan_out'), not torch's default fan_in."""

TARGET = "normalization.py"
CAUGHT_BY = "not fan_out"

import math

import numpy as np


def kaiming_normal(fan_in, fan_out, rng, nonlinearity="relu", a=0.0):
    std = calculate_gain(nonlinearity, a) / math.sqrt(fan_out)
    return rng.normal(0.0, std, size=(fan_out, fan_in))
