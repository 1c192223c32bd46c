"""An empty chain gives a gradient of 0 ("no layers, no gradient") instead of 1.0."""

TARGET = "vanishing.py"
CAUGHT_BY = "an empty chain is h_n = h_0 = x"


def chain_grad(x, weights, biases, activation="tanh"):
    _check(weights, biases, activation)
    if not weights:
        return 0.0
    grad = 1.0
    for factor in _local_grads(x, weights, biases, activation):
        grad *= factor
    return grad
