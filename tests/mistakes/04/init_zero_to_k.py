"""U(0, k) instead of U(-k, k): only positive weights."""

TARGET = "linear.py"
CAUGHT_BY = "mean of W"

import numpy as np


def init_linear(in_features, out_features, rng):
    k = 1.0 / np.sqrt(in_features)
    return (
        rng.uniform(0.0, k, size=(out_features, in_features)),
        rng.uniform(0.0, k, size=out_features),
    )
