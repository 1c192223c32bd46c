"""Kata 01: activation functions and their derivatives, written by hand in NumPy.

Every function is elementwise: it takes an array ``x`` of any shape (0-d and empty included)
and returns an array of the same shape AND the same dtype (float32 in, float32 out).

``f_grad(x)`` is the derivative df/dx evaluated at every element of x. That is exactly what
torch autograd computes for ``f(x).sum()``, and the tests compare your answer with it.

Results must stay finite for inputs as large as |x| = 1e4, in float32 and float64.
Replace each ``raise NotImplementedError`` with your code. Run: pytest katas/01
"""

import numpy as np  # noqa: F401 (you will need it)


def sigmoid(x):
    """The logistic function, 1 / (1 + e^(-x)).

    Beware: e^(-x) overflows for large negative x (np.exp(1000.0) is inf, with a warning).
    sigmoid(-1000.0) must be 0.0, computed without any overflow warning.
    """
    raise NotImplementedError


def sigmoid_grad(x):
    """d/dx sigmoid(x). Look for a formula that uses sigmoid(x) itself: s * (...)."""
    raise NotImplementedError


def tanh(x):
    """The hyperbolic tangent, (e^x - e^(-x)) / (e^x + e^(-x)). Its values lie in (-1, 1)."""
    raise NotImplementedError


def tanh_grad(x):
    """d/dx tanh(x). Like sigmoid's, it can be written with tanh(x) itself."""
    raise NotImplementedError


def relu(x):
    """max(0, x), elementwise."""
    raise NotImplementedError


def relu_grad(x):
    """d/dx relu(x): 1 where x > 0, else 0.

    At exactly x == 0 the derivative does not exist; follow torch, which uses 0 there.
    """
    raise NotImplementedError


def leaky_relu(x, negative_slope=0.01):
    """x where x > 0, else negative_slope * x."""
    raise NotImplementedError


def leaky_relu_grad(x, negative_slope=0.01):
    """d/dx leaky_relu(x): 1 where x > 0, else negative_slope (torch uses negative_slope at 0)."""
    raise NotImplementedError
