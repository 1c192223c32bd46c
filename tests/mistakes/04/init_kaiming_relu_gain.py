"""kaiming_uniform_ with the ReLU gain, bound sqrt(6 / in): nn.Linear uses a=sqrt(5), bound 1/sqrt(in)."""

TARGET = "linear.py"
CAUGHT_BY = "outside [-k, k]"

import numpy as np


def init_linear(in_features, out_features, rng):
    k = np.sqrt(6.0 / in_features)
    kb = 1.0 / np.sqrt(in_features)
    return (
        rng.uniform(-k, k, size=(out_features, in_features)),
        rng.uniform(-kb, kb, size=out_features),
    )
