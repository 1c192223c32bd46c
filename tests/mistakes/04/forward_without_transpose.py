"""x @ W + b: W used as (in, out) instead of torch's (out, in)."""

TARGET = "linear.py"
CAUGHT_BY = "linear_forward"

import numpy as np


def linear_forward(x, W, b):
    y = x @ W
    return y if b is None else y + b
