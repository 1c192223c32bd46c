"""Xavier/Glorot uniform, bound sqrt(6 / (in + out)): a different init from nn.Linear's default."""

TARGET = "linear.py"
CAUGHT_BY = "variance of W"

import numpy as np


def init_linear(in_features, out_features, rng):
    k = np.sqrt(6.0 / (in_features + out_features))
    kb = 1.0 / np.sqrt(in_features)
    return (
        rng.uniform(-k, k, size=(out_features, in_features)),
        rng.uniform(-kb, kb, size=out_features),
    )
