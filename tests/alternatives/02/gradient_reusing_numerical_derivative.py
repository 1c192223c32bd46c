"""numerical_gradient built on numerical_derivative: one entry at a time, on a float64 copy."""

TARGET = "derivatives.py"

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    point = np.array(x, dtype=np.float64)
    flat = point.reshape(-1)  # a view of the copy
    grad = np.zeros(flat.size)
    for i in range(flat.size):
        old = flat[i]

        def along(v, i=i):
            flat[i] = v
            return f(point)

        grad[i] = numerical_derivative(along, old, h)
        flat[i] = old
    return grad.reshape(point.shape)
