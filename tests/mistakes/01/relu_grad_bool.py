"""relu_grad returns the boolean mask x > 0 itself."""

TARGET = "activations.py"
CAUGHT_BY = "returned dtype bool"
SANDBOX = "the dtype or type of the answer must survive the trip from the learner's process"

import numpy as np


def relu_grad(x):
    return x > 0
