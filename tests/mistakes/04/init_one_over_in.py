"""init with k = 1/in_features instead of 1/sqrt(in_features)."""

TARGET = "linear.py"
CAUGHT_BY = "variance of W"

import numpy as np


def init_linear(in_features, out_features, rng):
    k = 1.0 / in_features
    return (
        rng.uniform(-k, k, size=(out_features, in_features)),
        rng.uniform(-k, k, size=out_features),
    )
