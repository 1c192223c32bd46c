"""gradient_by_depth returns the signed dh_k/dx instead of its magnitude |dh_k/dx|."""

TARGET = "vanishing.py"
CAUGHT_BY = "absolute value"


def gradient_by_depth(x, weights, biases, activation="tanh"):
    _check(weights, biases, activation)
    grad, sizes = 1.0, []
    for factor in _local_grads(x, weights, biases, activation):
        grad *= factor
        sizes.append(grad)
    return sizes
