"""xavier_uniform drawn on [-std, std]: the std formula used as the uniform's bound."""

TARGET = "normalization.py"
CAUGHT_BY = "the uniform's bound is sqrt(3) times that"

import math

import numpy as np


def xavier_uniform(fan_in, fan_out, rng, gain=1.0):
    std = gain * math.sqrt(2.0 / (fan_in + fan_out))
    return rng.uniform(-std, std, size=(fan_out, fan_in))
