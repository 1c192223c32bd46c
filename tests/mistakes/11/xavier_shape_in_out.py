"""xavier_uniform returning shape (fan_in, fan_out) instead of torch's (fan_out, fan_in)."""

TARGET = "normalization.py"
CAUGHT_BY = "one row per output"

import math

import numpy as np


def xavier_uniform(fan_in, fan_out, rng, gain=1.0):
    bound = gain * math.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-bound, bound, size=(fan_in, fan_out))
