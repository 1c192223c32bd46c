"""sigmoid(a) = 1 / (1 + math.exp(-a)) for every a: math.exp(1000) raises OverflowError."""

TARGET = "vanishing.py"
CAUGHT_BY = "OverflowError"
SANDBOX = "the learner's exception must reach the judge as the same exception"

import math

_solution_act = _act


def _act(activation, a):
    if activation == "sigmoid":
        return 1.0 / (1.0 + math.exp(-a))
    return _solution_act(activation, a)
