"""chain_grad returns the list of local factors instead of their product."""

TARGET = "vanishing.py"
CAUGHT_BY = "not a single float"


def chain_grad(x, weights, biases, activation="tanh"):
    _check(weights, biases, activation)
    return _local_grads(x, weights, biases, activation)
