"""relu_grad as (x > 0).astype(int): right values, integer dtype."""

TARGET = "activations.py"
CAUGHT_BY = "returned dtype int64"

import numpy as np


def relu_grad(x):
    return (x > 0).astype(int)
