"""Backpropagation the way torch does it: a forward pass that stores the pre-activations, then a
backward pass from the top, and gradient_by_depth from chain_grad on every prefix."""

TARGET = "vanishing.py"

import math

import numpy as np


def _sigmoid(a):
    return 0.5 * (1.0 + math.tanh(0.5 * a))  # the same function, never overflows


def _relu(a):
    return max(0, a)  # an int 0 for negative a: still the right number


FUNCTIONS = {
    "sigmoid": (_sigmoid, lambda a: _sigmoid(a) * _sigmoid(-a)),
    "tanh": (np.tanh, lambda a: 1.0 - np.tanh(a) ** 2),
    "relu": (_relu, lambda a: 1.0 if a > 0 else 0.0),
}


def _functions(activation, weights, biases):
    if activation not in FUNCTIONS:
        raise ValueError(f"activation must be one of {sorted(FUNCTIONS)}, not {activation!r}")
    if len(weights) != len(biases):
        raise ValueError(f"{len(weights)} weights but {len(biases)} biases")
    return FUNCTIONS[activation]


def forward_chain(x, weights, biases, activation="tanh"):
    act, _ = _functions(activation, weights, biases)
    hs, h = [], x
    for w, b in zip(weights, biases, strict=True):
        h = act(w * h + b)
        hs.append(h)
    return hs


def chain_grad(x, weights, biases, activation="tanh"):
    act, grad = _functions(activation, weights, biases)
    pre, h = [], x
    for w, b in zip(weights, biases, strict=True):
        pre.append(w * h + b)
        h = act(pre[-1])
    upstream = np.float64(1.0)
    for k in reversed(range(len(weights))):
        upstream = upstream * grad(pre[k]) * weights[k]
    return upstream


def gradient_by_depth(x, weights, biases, activation="tanh"):
    _functions(activation, weights, biases)
    return [
        abs(chain_grad(x, weights[:k], biases[:k], activation)) for k in range(1, len(weights) + 1)
    ]
