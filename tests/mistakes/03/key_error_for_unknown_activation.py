"""The activation is looked up in a dict, so an unknown name raises KeyError, not ValueError."""

TARGET = "vanishing.py"
CAUGHT_BY = "not ValueError"
SANDBOX = "the learner's exception must reach the judge as the same exception"

_KNOWN = {"sigmoid": 0, "tanh": 1, "relu": 2}


def _check(weights, biases, activation):
    _KNOWN[activation]
    if len(weights) != len(biases):
        raise ValueError("weights and biases must have the same length")
