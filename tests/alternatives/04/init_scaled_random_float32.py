"""U(-k, k) built from rng.random in float32, W drawn as (in, out) and transposed, b first."""

TARGET = "linear.py"
SANDBOX = "an object argument (a random generator) must be used through the learner's process"

import numpy as np


def init_linear(in_features, out_features, rng):
    k = np.float32(1.0 / np.sqrt(in_features))
    b = k * (2 * rng.random(out_features, dtype=np.float32) - 1)
    W = (k * (2 * rng.random((in_features, out_features), dtype=np.float32) - 1)).T
    return W, b
