"""xavier_uniform that leaves the gain out of the bound."""

TARGET = "normalization.py"
CAUGHT_BY = "the gain is missing"

import math

import numpy as np


def xavier_uniform(fan_in, fan_out, rng, gain=1.0):
    bound = math.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-bound, bound, size=(fan_out, fan_in))
