"""W drawn with shape (in_features, out_features), the transpose of torch's."""

TARGET = "linear.py"
CAUGHT_BY = "shape"

import numpy as np


def init_linear(in_features, out_features, rng):
    k = 1.0 / np.sqrt(in_features)
    return (
        rng.uniform(-k, k, size=(in_features, out_features)),
        rng.uniform(-k, k, size=out_features),
    )
