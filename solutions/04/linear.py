"""Kata 04: the linear layer, forward and backward (reference solution)."""

import numpy as np


def linear_forward(x, W, b):
    """The layer's output y = x @ W.T + b, as ``torch.nn.functional.linear(x, W, b)``."""
    y = x @ W.T
    if b is not None:
        y = y + b
    return y


def linear_backward(x, W, grad_out):
    """(grad_x, grad_W, grad_b) for y = x @ W.T + b, summed over every leading axis."""
    grad_x = grad_out @ W
    rows = int(np.prod(x.shape[:-1]))  # every leading position, flattened into one axis
    x2 = x.reshape(rows, W.shape[1])
    g2 = grad_out.reshape(rows, W.shape[0])
    grad_W = g2.T @ x2
    grad_b = g2.sum(axis=0)
    return grad_x, grad_W, grad_b


def init_linear(in_features, out_features, rng):
    """(W, b) drawn from U(-1/sqrt(in_features), 1/sqrt(in_features)), like torch.nn.Linear."""
    k = 1.0 / np.sqrt(in_features)
    W = rng.uniform(-k, k, size=(out_features, in_features))
    b = rng.uniform(-k, k, size=(out_features,))
    return W, b
