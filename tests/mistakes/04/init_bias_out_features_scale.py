"""b drawn with k = 1/sqrt(out_features): torch uses the fan-in for the bias too."""

TARGET = "linear.py"
CAUGHT_BY = "variance of b"

import numpy as np


def init_linear(in_features, out_features, rng):
    k = 1.0 / np.sqrt(in_features)
    kb = 1.0 / np.sqrt(out_features)
    return (
        rng.uniform(-k, k, size=(out_features, in_features)),
        rng.uniform(-kb, kb, size=out_features),
    )
