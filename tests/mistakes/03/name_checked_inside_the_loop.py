"""The activation name is only checked inside the loop, so an empty chain accepts any name."""

TARGET = "vanishing.py"
CAUGHT_BY = "instead of raising ValueError"

_solution_check = _check


def _check(weights, biases, activation):
    if weights:
        _solution_check(weights, biases, activation)
    elif len(biases) != 0:
        raise ValueError("weights and biases must have the same length")
