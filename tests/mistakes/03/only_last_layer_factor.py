"""chain_grad overwrites instead of multiplying, so only the last layer's factor is returned."""

TARGET = "vanishing.py"
CAUGHT_BY = "only the last layer's factor"


def chain_grad(x, weights, biases, activation="tanh"):
    _check(weights, biases, activation)
    grad = 1.0
    for factor in _local_grads(x, weights, biases, activation):
        grad = factor
    return grad
