"""Kata 02: derivatives as sensitivity, estimated numerically by finite differences.

A derivative says how sensitive a function's output is to its input: nudge x by a small h and
the output moves by about f'(x) * h. Turned around, that gives a way to ESTIMATE a derivative
from two function values, with no calculus at all. This is how gradient code is checked.

Replace each ``raise NotImplementedError`` with your code (plain Python and NumPy; no torch).
Run: pytest katas/02
"""

import numpy as np  # noqa: F401 (you will need it)


def numerical_derivative(f, x, h=1e-5):
    """The central-difference estimate of f'(x).

    f: a function of one number that returns one number.
    x: a Python float.
    h: the step.

    Look for the formula that evaluates f at x + h and at x - h (one step on EACH side of x).
    Its error shrinks like h**2; the one-sided (forward) difference's only like h.
    Returns one number.
    """
    raise NotImplementedError


def numerical_gradient(f, x, h=1e-5):
    """The central-difference estimate of the gradient of f at x.

    f: a function of an array (of x's shape) that returns one number.
    x: a NumPy array of any shape.
    h: the step.

    Entry i of the gradient is the derivative of f with respect to x[i] alone: nudge ONLY that
    entry up by h and down by h, keep every other entry where it was, and take the central
    difference. Returns a float64 array of x's shape.

    x must be exactly as it was after the call: work on a copy, or put back every value you
    change (save the old value; adding h and subtracting it again can leave a rounding error).
    """
    raise NotImplementedError
