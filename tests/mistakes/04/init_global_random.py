"""Numbers drawn from the global np.random instead of the rng argument."""

TARGET = "linear.py"
CAUGHT_BY = "same seed"
SANDBOX = "an object argument (a random generator) must be used through the learner's process"

import numpy as np


def init_linear(in_features, out_features, rng):
    k = 1.0 / np.sqrt(in_features)
    return (
        np.random.uniform(-k, k, size=(out_features, in_features)),
        np.random.uniform(-k, k, size=out_features),
    )
