"""Kata 08: the loss per step of the learner's ``train``, against a reference loop.

Both loops train exact copies of one small model (same weights, same optimizer, same
batches), so their curves lie on top of each other exactly when the loop is right.
"""

from __future__ import annotations

import copy

import numpy as np

from harness.plots.code import Unusable
from harness.plots.picture import Lines, Picture, Series, floats

EPOCHS, BATCHES, BATCH_SIZE = 25, 8, 32
SEED = 8


def setting():
    """(model, batches): a small regression MLP and its data, the same on every call."""
    import torch
    from torch import nn

    generator = torch.Generator().manual_seed(SEED)
    batches = []
    for _ in range(BATCHES):
        x = torch.rand(BATCH_SIZE, 2, generator=generator) * 4 - 2
        batches.append((x, torch.sin(x[:, :1]) * torch.cos(x[:, 1:])))
    torch.random.default_generator.manual_seed(SEED)
    model = nn.Sequential(nn.Linear(2, 16), nn.Tanh(), nn.Linear(16, 1))
    return model, batches


def _optimizer(model):
    import torch

    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.8)


def reference_losses(model, batches) -> list[float]:
    """The canonical loop: zero the gradients, forward, loss, backward, step."""
    import torch.nn.functional as F

    optimizer = _optimizer(model)
    model.train()
    losses = []
    for _ in range(EPOCHS):
        for x, y in batches:
            optimizer.zero_grad()
            loss = F.mse_loss(model(x), y)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
    return losses


def learner_losses(code, module, model, batches) -> Series:
    import torch.nn.functional as F

    steps = EPOCHS * len(batches)
    try:
        losses = code.array(
            "train",
            lambda: [
                float(v)
                for v in module.train(model, _optimizer(model), F.mse_loss, batches, EPOCHS)
            ],
            (steps,),
        )
    except Unusable as why:
        return Series(f"yours: {why}", [], [])
    return Series("yours", floats(np.arange(steps)), floats(losses))


def build(code) -> Picture:
    import torch

    module = code.module("training")
    model, batches = setting()
    twin = copy.deepcopy(model)
    torch.random.default_generator.manual_seed(SEED)
    reference = reference_losses(twin, batches)
    torch.random.default_generator.manual_seed(SEED)
    panel = Lines(
        f"MSE loss per step: {EPOCHS} epochs of {BATCHES} batches, SGD(lr=0.05, momentum=0.8)",
        "step",
        "loss",
        yscale="log",
    )
    panel.series += [
        learner_losses(code, module, model, batches),
        Series("torch (reference loop)", floats(range(len(reference))), reference, torch=True),
    ]
    return Picture("08", "your training loop, against the reference loop", [panel])
