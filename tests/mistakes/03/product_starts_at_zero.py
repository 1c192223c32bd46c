"""The running product starts at 0.0 instead of 1.0, so every gradient is 0."""

TARGET = "vanishing.py"
CAUGHT_BY = "chain_grad"


def chain_grad(x, weights, biases, activation="tanh"):
    _check(weights, biases, activation)
    grad = 0.0
    for factor in _local_grads(x, weights, biases, activation):
        grad *= factor
    return grad
