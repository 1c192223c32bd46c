"""xavier_uniform whose std is the bound: sqrt(6 / (in + out)) read as a std."""

TARGET = "normalization.py"
CAUGHT_BY = "is the BOUND of the uniform, not its std"

import math

import numpy as np


def xavier_uniform(fan_in, fan_out, rng, gain=1.0):
    bound = gain * math.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-math.sqrt(3) * bound, math.sqrt(3) * bound, size=(fan_out, fan_in))
