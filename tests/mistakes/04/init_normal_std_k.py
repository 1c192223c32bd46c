"""A normal distribution with standard deviation k = 1/sqrt(in_features)."""

TARGET = "linear.py"
CAUGHT_BY = "outside [-k, k]"

import numpy as np


def init_linear(in_features, out_features, rng):
    k = 1.0 / np.sqrt(in_features)
    return (
        rng.normal(0.0, k, size=(out_features, in_features)),
        rng.normal(0.0, k, size=out_features),
    )
