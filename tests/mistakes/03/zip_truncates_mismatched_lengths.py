"""Mismatched weights and biases are not checked: zip() silently drops the extras."""

TARGET = "vanishing.py"
CAUGHT_BY = "zip() silently drops"


def _check(weights, biases, activation):
    if activation not in ACTIVATIONS:
        raise ValueError(f"unknown activation {activation!r}: use one of sigmoid, tanh, relu")


def _local_grads(x, weights, biases, activation):
    h = float(x)
    factors = []
    for w, b in zip(weights, biases):
        a = w * h + b
        factors.append(_act_grad(activation, a) * w)
        h = _act(activation, a)
    return factors


def forward_chain(x, weights, biases, activation="tanh"):
    _check(weights, biases, activation)
    h, hs = float(x), []
    for w, b in zip(weights, biases):
        h = _act(activation, w * h + b)
        hs.append(h)
    return hs
