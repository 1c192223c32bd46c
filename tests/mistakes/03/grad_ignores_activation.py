"""chain_grad always uses tanh' whatever the activation argument says."""

TARGET = "vanishing.py"
CAUGHT_BY = "sigmoid'(a) = s*(1 - s)"

import math


def _act_grad(activation, a):
    return 1.0 - math.tanh(a) ** 2
