"""A normal distribution with the uniform's variance k²/3: the moments match, the shape does not."""

TARGET = "linear.py"
CAUGHT_BY = "outside [-k, k]"

import numpy as np


def init_linear(in_features, out_features, rng):
    std = 1.0 / np.sqrt(3 * in_features)
    return (
        rng.normal(0.0, std, size=(out_features, in_features)),
        rng.normal(0.0, std, size=out_features),
    )
