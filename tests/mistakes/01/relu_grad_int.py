"""relu_grad as (x > 0).astype(int): right values, integer dtype."""

TARGET = "activations.py"
CAUGHT_BY = "returned dtype int64"
SANDBOX = "the dtype or type of the answer must survive the trip from the learner's process"

import numpy as np


def relu_grad(x):
    return (x > 0).astype(int)
