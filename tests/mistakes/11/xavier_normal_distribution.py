"""xavier_uniform drawn from a normal distribution of the right std (that is xavier_normal_)."""

TARGET = "normalization.py"
CAUGHT_BY = "UNIFORM distribution"

import math

import numpy as np


def xavier_uniform(fan_in, fan_out, rng, gain=1.0):
    return rng.normal(0.0, gain * math.sqrt(2.0 / (fan_in + fan_out)), size=(fan_out, fan_in))
