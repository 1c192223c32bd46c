"""Kata 03: vanishing gradients through a chain of one-unit layers (reference solution).

A chain of scalar layers: h_0 = x and h_k = act(w_k * h_{k-1} + b_k) for k = 1..n.
By the chain rule, dh_n/dx = prod_k act'(a_k) * w_k with a_k = w_k * h_{k-1} + b_k.
Run ``python katas/03/vanishing.py`` to print how |dh_k/dx| shrinks with depth.
"""

import math

ACTIVATIONS = ("sigmoid", "tanh", "relu")


def _check(weights, biases, activation):
    if activation not in ACTIVATIONS:
        raise ValueError(f"unknown activation {activation!r}: use one of {', '.join(ACTIVATIONS)}")
    if len(weights) != len(biases):
        raise ValueError(
            f"weights and biases must have the same length, got {len(weights)} weights "
            f"and {len(biases)} biases"
        )


def _act(activation, a):
    if activation == "sigmoid":
        if a >= 0:
            return 1.0 / (1.0 + math.exp(-a))
        e = math.exp(a)
        return e / (1.0 + e)
    if activation == "tanh":
        return math.tanh(a)
    return a if a > 0 else 0.0


def _act_grad(activation, a):
    """act'(a), evaluated at the pre-activation a."""
    if activation == "sigmoid":
        s = _act("sigmoid", a)
        return s * (1.0 - s)
    if activation == "tanh":
        return 1.0 - math.tanh(a) ** 2
    return 1.0 if a > 0 else 0.0


def forward_chain(x, weights, biases, activation="tanh"):
    """[h_1, ..., h_n] with h_0 = x and h_k = act(w_k * h_{k-1} + b_k)."""
    _check(weights, biases, activation)
    h = float(x)
    hs = []
    for w, b in zip(weights, biases, strict=True):
        h = _act(activation, w * h + b)
        hs.append(h)
    return hs


def _local_grads(x, weights, biases, activation):
    """act'(a_k) * w_k for each layer: the factor layer k contributes to the chain rule."""
    h = float(x)
    factors = []
    for w, b in zip(weights, biases, strict=True):
        a = w * h + b
        factors.append(_act_grad(activation, a) * w)
        h = _act(activation, a)
    return factors


def chain_grad(x, weights, biases, activation="tanh"):
    """dh_n/dx = prod_k act'(a_k) * w_k (1.0 for an empty chain)."""
    _check(weights, biases, activation)
    grad = 1.0
    for factor in _local_grads(x, weights, biases, activation):
        grad *= factor
    return grad


def gradient_by_depth(x, weights, biases, activation="tanh"):
    """[|dh_1/dx|, ..., |dh_n/dx|]: how large the gradient still is after each layer."""
    _check(weights, biases, activation)
    grad = 1.0
    sizes = []
    for factor in _local_grads(x, weights, biases, activation):
        grad *= factor
        sizes.append(abs(grad))
    return sizes


def depth_table(depth=12, x=0.5, w=1.0, b=0.1):
    """The lesson as text (already written for you; it calls your gradient_by_depth).

    The same chain for every activation: every w_k = w, every b_k = b. With b > 0 and x > 0 every
    relu unit stays active, so the columns differ only by the activation's derivative.
    """
    weights, biases = [w] * depth, [b] * depth
    columns = {name: gradient_by_depth(x, weights, biases, name) for name in ACTIVATIONS}
    lines = [f"|dh_k/dx| for x = {x}, every w_k = {w}, b_k = {b}"]
    lines.append("depth" + "".join(f"{name:>12}" for name in ACTIVATIONS))
    for k in range(depth):
        lines.append(f"{k + 1:>5}" + "".join(f"{columns[n][k]:>12.3e}" for n in ACTIVATIONS))
    return "\n".join(lines)


if __name__ == "__main__":
    try:
        print(depth_table())
    except NotImplementedError:
        print("Implement gradient_by_depth in katas/03/vanishing.py first, then run this again.")
