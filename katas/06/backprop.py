"""Kata 06: a loss, and backprop through a two-layer MLP, by hand in NumPy.

The network is the one this course is built around:

    x -> linear(W1, b1) -> tanh -> linear(W2, b2) -> tanh -> output

Shapes follow torch: x is (batch, in), W1 is (hidden, in), b1 is (hidden,), W2 is (out, hidden),
b2 is (out,), and the output is (batch, out). Keep the dtype you are given: float32 in, float32 out.
The tests compare every answer with torch (F.mse_loss and loss.backward()).
Run them with:  pytest katas/06
"""

import numpy as np  # noqa: F401  (you will need it)


def mse_loss(pred, target):
    """The mean squared error, as F.mse_loss(pred, target) computes it by default.

    pred and target are arrays of the same shape (any shape, even 0-d).
    Returns a Python float (not a NumPy scalar, not an array): the MEAN over every element of
    (pred - target)**2.
    """
    raise NotImplementedError


def mse_loss_grad(pred, target):
    """d mse_loss(pred, target) / d pred: an array with pred's shape and dtype.

    Every element of pred appears once in the mean of N squared differences, so work out the
    derivative of (1/N) * sum((pred - target)**2) with respect to one pred[i].
    """
    raise NotImplementedError


def mlp_forward(x, params):
    """Run x -> linear(W1, b1) -> tanh -> linear(W2, b2) -> tanh and return (output, cache).

    params is a dict with keys "W1", "b1", "W2", "b2" in torch shapes (W is (out, in), b is
    (out,)); a linear layer computes x @ W.T + b.
    output has shape (batch, out). cache is a dict of whatever mlp_backward will need later
    (the tests never look inside it, they only hand it back to mlp_backward).

    The cache must stay valid after later calls and after the caller reuses its own arrays:
    a second mlp_forward must not change the first cache, and neither must the caller writing
    new data into the same x array. Keep your own copies, not references to the caller's arrays
    or to one shared dict.
    """
    raise NotImplementedError


def mlp_backward(params, cache, grad_out):
    """Backprop through the MLP: return {"W1": ..., "b1": ..., "W2": ..., "b2": ...}.

    grad_out is d loss / d output, shape (batch, out) (for example mse_loss_grad(output, target)).
    Each gradient has the shape of its parameter and equals the .grad that loss.backward()
    leaves on the matching torch parameter. Walk the chain rule backwards, layer by layer:
    through each tanh (its derivative is 1 - tanh(z)**2, at the pre-activation z), then through
    each linear layer (a gradient for W, one for b, and one to pass on to the layer's input).
    Do not modify params, cache or grad_out.
    """
    raise NotImplementedError
