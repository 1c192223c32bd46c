"""Kata 02: derivatives as sensitivity, estimated numerically by finite differences (solution)."""

import numpy as np


def numerical_derivative(f, x, h=1e-5):
    """The central-difference estimate of f'(x): (f(x + h) - f(x - h)) / (2h), error O(h**2)."""
    return (f(x + h) - f(x - h)) / (2 * h)


def numerical_gradient(f, x, h=1e-5):
    """The central-difference gradient of f at x, as float64 in x's shape; x is left unchanged."""
    point = np.array(x, dtype=np.float64)  # a float64 copy: x itself is never touched
    grad = np.zeros(point.shape, dtype=np.float64)
    for index in np.ndindex(point.shape):
        old = point[index]
        point[index] = old + h
        up = f(point)
        point[index] = old - h
        down = f(point)
        point[index] = old
        grad[index] = (up - down) / (2 * h)
    return grad
