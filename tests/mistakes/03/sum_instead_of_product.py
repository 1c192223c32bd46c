"""The local derivatives are added instead of multiplied."""

TARGET = "vanishing.py"
CAUGHT_BY = "does not add them"


def chain_grad(x, weights, biases, activation="tanh"):
    _check(weights, biases, activation)
    if not weights:
        return 1.0
    return sum(_local_grads(x, weights, biases, activation))


def gradient_by_depth(x, weights, biases, activation="tanh"):
    _check(weights, biases, activation)
    total, sizes = 0.0, []
    for factor in _local_grads(x, weights, biases, activation):
        total += factor
        sizes.append(abs(total))
    return sizes
