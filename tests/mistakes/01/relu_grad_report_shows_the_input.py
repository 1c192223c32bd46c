"""relu_grad as x >= 0. torch's [0 0 0 ... 1 1 1] and the learner's answer print alike, so the
"largest error" line must show the input there: x = 0.0, the kink."""

TARGET = "activations.py"
CAUGHT_BY = "(where x = 0.0): torch 0, yours 1"

import numpy as np


def relu_grad(x):
    return (x >= 0).astype(x.dtype)
