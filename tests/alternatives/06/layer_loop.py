"""A loop over layers with a list cache, as one would write for a deeper network."""

TARGET = "backprop.py"
SANDBOX = "a cache of another shape (a tuple, a list) must cross both ways"

import numpy as np


def mlp_forward(x, params):
    cache = []
    a = np.array(x)
    for w, b in (("W1", "b1"), ("W2", "b2")):
        a_in = a
        a = np.tanh(a_in @ params[w].T + params[b])
        cache.append((w, b, a_in, a))
    return a.copy(), {"layers": cache}


def mlp_backward(params, cache, grad_out):
    grads = {}
    grad = grad_out
    for w, b, a_in, a in reversed(cache["layers"]):
        grad = grad * (1 - a**2)
        grads[w] = grad.T @ a_in
        grads[b] = grad.sum(axis=0)
        grad = grad @ params[w]
    return grads
