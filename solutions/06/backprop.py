"""Kata 06: a loss, and backprop through a two-layer MLP, by hand in NumPy (reference solution)."""

import numpy as np


def mse_loss(pred, target):
    """Mean squared error, mean((pred - target)**2), as a Python float (like F.mse_loss)."""
    diff = np.asarray(pred) - np.asarray(target)
    return float(np.mean(diff * diff))


def mse_loss_grad(pred, target):
    """d mse_loss / d pred = 2 * (pred - target) / N, where N is the number of elements."""
    pred = np.asarray(pred)
    diff = pred - np.asarray(target)
    return 2 * diff / diff.size


def mlp_forward(x, params):
    """input -> linear(W1, b1) -> tanh -> linear(W2, b2) -> tanh -> output; returns (out, cache)."""
    x = np.array(x, copy=True)  # the caller may overwrite its array; backward needs this one
    h = np.tanh(x @ params["W1"].T + params["b1"])
    out = np.tanh(h @ params["W2"].T + params["b2"])
    cache = {"x": x, "h": h, "out": out.copy()}
    return out, cache


def mlp_backward(params, cache, grad_out):
    """Gradients of the loss for W1, b1, W2, b2, given grad_out = d loss / d output."""
    x, h, out = cache["x"], cache["h"], cache["out"]
    grad_z2 = grad_out * (1 - out**2)  # tanh'(z) = 1 - tanh(z)**2, and out = tanh(z2)
    grad_W2 = grad_z2.T @ h
    grad_b2 = grad_z2.sum(axis=0)
    grad_h = grad_z2 @ params["W2"]
    grad_z1 = grad_h * (1 - h**2)
    grad_W1 = grad_z1.T @ x
    grad_b1 = grad_z1.sum(axis=0)
    return {"W1": grad_W1, "b1": grad_b1, "W2": grad_W2, "b2": grad_b2}
