"""Both inits scaled from standard draws (rng.random, rng.standard_normal)."""

TARGET = "normalization.py"

import math

import numpy as np


def xavier_uniform(fan_in, fan_out, rng, gain=1.0):
    bound = gain * math.sqrt(6.0 / (fan_in + fan_out))
    return bound * (2.0 * rng.random((fan_out, fan_in)) - 1.0)


def kaiming_normal(fan_in, fan_out, rng, nonlinearity="relu", a=0.0):
    gains = {"tanh": 5.0 / 3.0, "relu": math.sqrt(2.0), "selu": 0.75}
    gains |= dict.fromkeys(
        ["linear", "sigmoid"]
        + [f"conv{d}d" for d in (1, 2, 3)]
        + [f"conv_transpose{d}d" for d in (1, 2, 3)],
        1.0,
    )
    gains["leaky_relu"] = math.sqrt(2.0 / (1.0 + a * a))
    if nonlinearity not in gains:
        raise ValueError(f"nonlinearity {nonlinearity!r} is not supported")
    return rng.standard_normal((fan_out, fan_in)) * (gains[nonlinearity] / math.sqrt(fan_in))
