"""Kata 04: the linear layer, forward and backward, written by hand in NumPy.

A linear layer (``torch.nn.Linear``) holds a weight matrix W of shape (out_features, in_features)
and a bias b of shape (out_features,). Shapes follow torch: the features are the LAST axis of x,
and any number of leading axes (a batch, a batch of sequences, or none at all) come along for
the ride. Run the tests with ``pytest katas/04``.
"""

import numpy as np  # noqa: F401  (you will need it)


def linear_forward(x, W, b):
    """The layer's output y = x @ W.T + b, as ``torch.nn.functional.linear(x, W, b)`` computes it.

    x: array of shape (..., in_features): (in,), (batch, in), (batch, seq, in), ...
    W: array of shape (out_features, in_features)
    b: array of shape (out_features,), or None for a layer without bias
    returns: array of shape (..., out_features), in x's dtype

    Every output is y[..., j] = sum_i x[..., i] * W[j, i] + b[j].
    """
    raise NotImplementedError


def linear_backward(x, W, grad_out):
    """The gradients of the layer, given grad_out = dL/dy for the output y = x @ W.T + b.

    x:        array of shape (..., in_features), the input the forward pass saw
    W:        array of shape (out_features, in_features)
    grad_out: array of shape (..., out_features), same leading shape as x
    returns:  (grad_x, grad_W, grad_b) with the shapes of x, W and b = (out_features,)

    These are what torch autograd leaves in x.grad, W.grad and b.grad after
    ``(F.linear(x, W, b) * grad_out).sum().backward()``. Every leading axis of x is a separate
    use of the same W and b, so their gradients add up over ALL leading axes, not just the first.
    Look for: dL/dx[..., i] = sum_j grad_out[..., j] * W[j, i],
              dL/dW[j, i]   = sum over leading positions of grad_out[..., j] * x[..., i],
              dL/db[j]      = sum over leading positions of grad_out[..., j].
    """
    raise NotImplementedError


def init_linear(in_features, out_features, rng):
    """Fresh (W, b) drawn like a default ``torch.nn.Linear(in_features, out_features)``.

    rng: a ``numpy.random.Generator``; draw every random number from it (not from np.random),
         so the same seed gives the same layer.
    returns: (W, b), float arrays of shapes (out_features, in_features) and (out_features,)

    torch draws every entry of W and of b independently from the uniform distribution
    U(-k, k) with k = 1 / sqrt(in_features). Look at ``Generator.uniform``.
    """
    raise NotImplementedError
