"""Kata 06: the loss per step of training with the learner's backprop, against torch's.

Both start from the same parameters and take the same plain gradient-descent steps on the
same data; the only difference is who computes the loss and its gradients.
"""

from __future__ import annotations

import numpy as np

from harness.plots.code import Unusable
from harness.plots.picture import Lines, Picture, Series, floats

STEPS, LEARNING_RATE = 150, 0.5
N_IN, HIDDEN, N_OUT, BATCH = 2, 8, 1, 64


def problem() -> tuple[np.ndarray, np.ndarray, dict[str, np.ndarray]]:
    """(x, target, initial params): a smooth 2-D target a tanh MLP can learn."""
    rng = np.random.default_rng(6)
    x = rng.uniform(-2, 2, size=(BATCH, N_IN))
    target = 0.8 * np.sin(x[:, :1]) * np.cos(x[:, 1:])
    params = {
        "W1": rng.normal(0, 0.7, size=(HIDDEN, N_IN)),
        "b1": np.zeros(HIDDEN),
        "W2": rng.normal(0, 0.7, size=(N_OUT, HIDDEN)),
        "b2": np.zeros(N_OUT),
    }
    return x, target, params


def torch_losses() -> list[float]:
    import torch
    import torch.nn.functional as F

    x, target, params = problem()
    x, target = torch.tensor(x), torch.tensor(target)
    p = {name: torch.tensor(value, requires_grad=True) for name, value in params.items()}
    losses = []
    for _ in range(STEPS):
        out = torch.tanh(torch.tanh(x @ p["W1"].T + p["b1"]) @ p["W2"].T + p["b2"])
        loss = F.mse_loss(out, target)
        grads = torch.autograd.grad(loss, list(p.values()))
        with torch.no_grad():
            for value, grad in zip(p.values(), grads, strict=True):
                value -= LEARNING_RATE * grad
        losses.append(loss.item())
    return losses


def _step(code, module, x, target, params) -> float:
    """One step with the learner's four functions; the loss before it."""
    out, cache = code.call("mlp_forward", lambda: module.mlp_forward(x, params))
    loss = code.array("mse_loss", lambda: module.mse_loss(out, target), ())
    grad_out = code.array("mse_loss_grad", lambda: module.mse_loss_grad(out, target), out.shape)
    grads = code.call("mlp_backward", lambda: module.mlp_backward(params, cache, grad_out))
    for name, value in params.items():
        grad = code.array("mlp_backward", lambda name=name: grads[name], value.shape)
        value -= LEARNING_RATE * grad
    return float(loss)


def learner_losses(code, module) -> Series:
    x, target, params = problem()
    losses: list[float] = []
    try:
        while len(losses) < STEPS:
            losses.append(_step(code, module, x, target, params))
            if not np.isfinite(losses[-1]):
                break  # drawn as far as it goes; the note says why
    except Unusable as why:
        if not losses:
            return Series(f"yours: {why}", [], [])
    except (TypeError, ValueError, KeyError, IndexError, AttributeError) as why:  # wrong kind
        code.note(f"training stopped: your functions' answers could not be used: {why!r}")
        if not losses:
            return Series("yours: unusable answers", [], [])
    code.check_finite("mse_loss", losses)
    return Series("yours", floats(range(len(losses))), losses)


def build(code) -> Picture:
    module = code.module("backprop")
    panel = Lines(
        f"MSE loss per step, a {N_IN}-{HIDDEN}-{N_OUT} tanh MLP, gradient descent, "
        f"lr={LEARNING_RATE}",
        "step",
        "loss",
        yscale="log",
    )
    panel.series += [
        learner_losses(code, module),
        Series("torch", floats(range(STEPS)), torch_losses(), torch=True),
    ]
    return Picture("06", "training with your backprop, against torch autograd", [panel])
