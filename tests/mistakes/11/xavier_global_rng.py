"""xavier_uniform drawing from np.random instead of the Generator it is given."""

TARGET = "normalization.py"
CAUGHT_BY = "not from np.random"

import math

import numpy as np


def xavier_uniform(fan_in, fan_out, rng, gain=1.0):
    bound = gain * math.sqrt(6.0 / (fan_in + fan_out))
    return np.random.uniform(-bound, bound, size=(fan_out, fan_in))
