"""xavier_uniform with the gain inside the square root: sqrt(gain * 6 / (in + out))."""

TARGET = "normalization.py"
CAUGHT_BY = "outside the square root"

import math

import numpy as np


def xavier_uniform(fan_in, fan_out, rng, gain=1.0):
    bound = math.sqrt(gain * 6.0 / (fan_in + fan_out))
    return rng.uniform(-bound, bound, size=(fan_out, fan_in))
