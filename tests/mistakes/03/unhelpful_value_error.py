"""An unknown activation raises ValueError("bad activation"), which does not say what is allowed."""

TARGET = "vanishing.py"
CAUGHT_BY = "does not mention"
SANDBOX = "the learner's exception must reach the judge as the same exception"


def _check(weights, biases, activation):
    if activation not in ACTIVATIONS:
        raise ValueError("bad activation")
    if len(weights) != len(biases):
        raise ValueError("weights and biases must have the same length")
