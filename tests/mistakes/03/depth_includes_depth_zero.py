"""gradient_by_depth starts with depth 0 (dh_0/dx = 1), one entry too many."""

TARGET = "vanishing.py"
CAUGHT_BY = "leave out depth 0"


def gradient_by_depth(x, weights, biases, activation="tanh"):
    _check(weights, biases, activation)
    grad, sizes = 1.0, [1.0]
    for factor in _local_grads(x, weights, biases, activation):
        grad *= factor
        sizes.append(abs(grad))
    return sizes
