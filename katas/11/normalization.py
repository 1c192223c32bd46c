"""Kata 11: initialization and normalization, written by hand in NumPy.

Two ways to keep the signal through a deep network at a healthy size: start the weights at the
right scale (Xavier, Kaiming), and renormalize the activations as they go (batch norm, layer
norm). Run the tests with ``pytest katas/11``, and see the lesson with
``python katas/11/normalization.py``.
"""

import math  # noqa: F401  (you may need it)

import numpy as np


def calculate_gain(nonlinearity, a=0.0):
    """The gain ``torch.nn.init.calculate_gain(nonlinearity, a)`` returns, as a float.

    The factor that makes up for what a nonlinearity does to the variance of its input:
        "linear", "sigmoid" and the conv names ("conv1d", ..., "conv_transpose3d"):  1
        "tanh":        5 / 3
        "relu":        sqrt(2)
        "leaky_relu":  sqrt(2 / (1 + a**2)), where a is the negative slope
        "selu":        3 / 4
    Any other name raises ValueError, as torch does.
    (Not tested on its own: kaiming_normal's tests judge it.)
    """
    raise NotImplementedError


def xavier_uniform(fan_in, fan_out, rng, gain=1.0):
    """A weight of shape (fan_out, fan_in) drawn as ``torch.nn.init.xavier_uniform_`` draws it.

    rng: a ``numpy.random.Generator``; draw every number from it.
    Every entry comes independently from the uniform distribution U(-bound, bound), with
        bound = gain * sqrt(6 / (fan_in + fan_out)),
    chosen so that the variance, bound**2 / 3, is gain**2 * 2 / (fan_in + fan_out): one over
    the average of fan_in (what keeps the forward pass steady) and fan_out (the backward pass).
    """
    raise NotImplementedError


def kaiming_normal(fan_in, fan_out, rng, nonlinearity="relu", a=0.0):
    """A weight of shape (fan_out, fan_in) drawn as ``torch.nn.init.kaiming_normal_`` draws it.

    rng: a ``numpy.random.Generator``; draw every number from it.
    Every entry comes independently from the normal distribution N(0, std**2), with
        std = calculate_gain(nonlinearity, a) / sqrt(fan_in)
    (torch's default mode, "fan_in": it keeps the forward pass's variance steady).
    An unknown nonlinearity raises ValueError, as torch does.
    """
    raise NotImplementedError


def batchnorm_forward(
    x, gamma, beta, running_mean, running_var, *, training=True, momentum=0.1, eps=1e-5
):
    """Batch normalization of x (N, C), as ``torch.nn.BatchNorm1d`` computes it. Returns (y, cache).

    gamma, beta, running_mean, running_var: arrays of shape (C,).
    training=True: each channel (column) is normalized with the batch's own statistics,
        y = (x - mean) / sqrt(var + eps) * gamma + beta,
    with mean and var over the batch axis, var the biased one (divided by N). Then the running
    statistics are updated IN PLACE (the caller's arrays change):
        running_mean = (1 - momentum) * running_mean + momentum * mean
        running_var  = (1 - momentum) * running_var  + momentum * unbiased var (divided by N - 1)
    A batch of one example per channel has no variance: raise ValueError, as torch does.
    training=False (eval mode): use running_mean and running_var instead of the batch's, and
        leave them unchanged.
    cache: whatever batchnorm_backward needs, in a new dict every call.
    Keep x's dtype: float32 in, float32 out.
    """
    raise NotImplementedError


def batchnorm_backward(cache, grad_out):
    """(grad_x, grad_gamma, grad_beta) for the training-mode batchnorm_forward that made cache.

    grad_out: dL/dy, of y's shape (N, C). The gradients have the shapes of x, gamma and beta:
    what torch autograd leaves in x.grad, gamma.grad and beta.grad after
    ``(F.batch_norm(x, ..., training=True) * grad_out).sum().backward()``.
    The batch's mean and variance are computed from x, so they carry gradient to x too.
    """
    raise NotImplementedError


def layernorm_forward(x, gamma, beta, eps=1e-5):
    """Layer normalization over the LAST axis of x, as ``torch.nn.LayerNorm``. Returns (y, cache).

    x: array of shape (..., D), any number of leading axes; gamma and beta: shape (D,).
    Each position is normalized on its own, with the mean and biased variance of its D features:
        y = (x - mean) / sqrt(var + eps) * gamma + beta.
    No running statistics: training and eval are the same. Keep x's dtype.
    """
    raise NotImplementedError


def layernorm_backward(cache, grad_out):
    """(grad_x, grad_gamma, grad_beta) for the layernorm_forward call that made cache.

    grad_out has x's shape; grad_gamma and grad_beta sum over every leading axis.
    """
    raise NotImplementedError


# --- the lesson: activations through a deep tanh MLP (already written for you) ----------------

INITS = ("normal", "xavier", "kaiming")


def mlp_weights(init, depth=10, width=256, seed=0):
    """The weights of a ``depth``-layer, ``width``-wide MLP, drawn with your init functions.

    init: "normal" draws every weight from N(0, 1); "xavier" calls your xavier_uniform;
    "kaiming" calls your kaiming_normal with tanh's gain, the gain for the network's tanh.
    """
    rng = np.random.default_rng(seed)
    if init == "normal":
        return [rng.standard_normal((width, width)) for _ in range(depth)]
    if init == "xavier":
        return [xavier_uniform(width, width, rng) for _ in range(depth)]
    if init == "kaiming":
        return [kaiming_normal(width, width, rng, nonlinearity="tanh") for _ in range(depth)]
    raise ValueError(f"init: expected one of {INITS}, got {init!r}")


def activation_stds(x, weights, batch_norm=False):
    """The std of the activations after each layer h = tanh(bn(h @ W.T)), bn only if asked."""
    h, stds = x, []
    for W in weights:
        z = h @ W.T
        if batch_norm:
            channels = W.shape[0]
            ones, zeros = np.ones(channels), np.zeros(channels)
            z, _ = batchnorm_forward(z, ones, zeros, zeros.copy(), ones.copy())
        h = np.tanh(z)
        stds.append(float(h.std()))
    return stds


def depth_table(depth=10, width=256, batch=512, seed=0):
    """The lesson as text: one column per init, without and with batch norm."""
    x = np.random.default_rng(seed).standard_normal((batch, width))
    columns = {}
    for batch_norm in (False, True):
        for init in INITS:
            weights = mlp_weights(init, depth, width, seed + 1)
            columns[init + ("+bn" if batch_norm else "")] = activation_stds(x, weights, batch_norm)
    lines = [f"std of tanh(h) after each layer: {batch} inputs, {depth} layers of {width} units"]
    lines.append("depth" + "".join(f"{name:>11}" for name in columns))
    for k in range(depth):
        lines.append(f"{k + 1:>5}" + "".join(f"{col[k]:>11.3f}" for col in columns.values()))
    return "\n".join(lines)


if __name__ == "__main__":
    try:
        print(depth_table())
    except NotImplementedError:
        print(
            "Implement xavier_uniform, kaiming_normal and batchnorm_forward in "
            "katas/11/normalization.py first, then run this again."
        )
