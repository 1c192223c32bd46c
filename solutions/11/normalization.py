"""Kata 11: initialization and normalization (reference solution)."""

import math

import numpy as np

# torch.nn.init.calculate_gain's table: the factor that keeps a layer's output variance steady
# through each nonlinearity. leaky_relu's depends on its negative slope.
_UNIT_GAIN = (
    "linear",
    "conv1d",
    "conv2d",
    "conv3d",
    "conv_transpose1d",
    "conv_transpose2d",
    "conv_transpose3d",
    "sigmoid",
)


def calculate_gain(nonlinearity, a=0.0):
    """torch.nn.init.calculate_gain(nonlinearity, a)."""
    if nonlinearity in _UNIT_GAIN:
        return 1.0
    if nonlinearity == "tanh":
        return 5.0 / 3.0
    if nonlinearity == "relu":
        return math.sqrt(2.0)
    if nonlinearity == "leaky_relu":
        return math.sqrt(2.0 / (1.0 + a**2))
    if nonlinearity == "selu":
        return 3.0 / 4.0
    raise ValueError(f"nonlinearity: unsupported nonlinearity {nonlinearity!r}")


def xavier_uniform(fan_in, fan_out, rng, gain=1.0):
    """A (fan_out, fan_in) weight drawn from U(-bound, bound), bound = gain*sqrt(6/(in + out))."""
    bound = gain * math.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-bound, bound, size=(fan_out, fan_in))


def kaiming_normal(fan_in, fan_out, rng, nonlinearity="relu", a=0.0):
    """A (fan_out, fan_in) weight drawn from N(0, std**2), std = gain / sqrt(fan_in)."""
    std = calculate_gain(nonlinearity, a) / math.sqrt(fan_in)
    return rng.normal(0.0, std, size=(fan_out, fan_in))


def batchnorm_forward(
    x, gamma, beta, running_mean, running_var, *, training=True, momentum=0.1, eps=1e-5
):
    """torch.nn.functional.batch_norm over the batch axis of x (N, C); returns (y, cache)."""
    if training:
        n = x.shape[0]
        if n < 2:
            raise ValueError(f"x: expected more than 1 value per channel when training, got {n}")
        mean = x.mean(axis=0)
        var = x.var(axis=0)
        running_mean *= 1 - momentum
        running_mean += momentum * mean
        running_var *= 1 - momentum
        running_var += momentum * var * (n / (n - 1))
    else:
        mean, var = running_mean.astype(x.dtype), running_var.astype(x.dtype)
    invstd = 1 / np.sqrt(var + x.dtype.type(eps))
    x_hat = (x - mean) * invstd
    y = x_hat * gamma + beta
    return y, {"x_hat": x_hat, "invstd": invstd, "gamma": gamma, "training": training}


def batchnorm_backward(cache, grad_out):
    """(grad_x, grad_gamma, grad_beta) for the batchnorm_forward call that made ``cache``."""
    x_hat, invstd, gamma = cache["x_hat"], cache["invstd"], cache["gamma"]
    grad_beta = grad_out.sum(axis=0)
    grad_gamma = (grad_out * x_hat).sum(axis=0)
    if not cache["training"]:  # the running statistics are constants
        return grad_out * gamma * invstd, grad_gamma, grad_beta
    n = grad_out.shape[0]
    grad_x = (gamma * invstd / n) * (n * grad_out - grad_beta - x_hat * grad_gamma)
    return grad_x, grad_gamma, grad_beta


def layernorm_forward(x, gamma, beta, eps=1e-5):
    """torch.nn.functional.layer_norm over the last axis of x; returns (y, cache)."""
    mean = x.mean(axis=-1, keepdims=True)
    var = x.var(axis=-1, keepdims=True)
    invstd = 1 / np.sqrt(var + x.dtype.type(eps))
    x_hat = (x - mean) * invstd
    return x_hat * gamma + beta, {"x_hat": x_hat, "invstd": invstd, "gamma": gamma}


def layernorm_backward(cache, grad_out):
    """(grad_x, grad_gamma, grad_beta) for the layernorm_forward call that made ``cache``."""
    x_hat, invstd, gamma = cache["x_hat"], cache["invstd"], cache["gamma"]
    features = x_hat.shape[-1]
    leading = tuple(range(grad_out.ndim - 1))
    grad_beta = grad_out.sum(axis=leading)
    grad_gamma = (grad_out * x_hat).sum(axis=leading)
    g = grad_out * gamma  # dL/dx_hat
    grad_x = (invstd / features) * (
        features * g
        - g.sum(axis=-1, keepdims=True)
        - x_hat * (g * x_hat).sum(axis=-1, keepdims=True)
    )
    return grad_x, grad_gamma, grad_beta


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
