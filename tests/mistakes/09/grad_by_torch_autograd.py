"""cross_entropy_grad that asks torch autograd for the answer instead of working it out."""

TARGET = "softmax.py"
CAUGHT_BY = "called torch's autograd"
SANDBOX = "the autograd tripwire must fire inside the learner's process"

import torch


def cross_entropy_grad(logits, targets, reduction="mean", label_smoothing=0.0, ignore_index=-100):
    x = torch.tensor(logits, requires_grad=True)
    loss = torch.nn.functional.cross_entropy(
        x, torch.tensor(targets, dtype=torch.long), reduction=reduction,
        label_smoothing=label_smoothing, ignore_index=ignore_index,
    )  # fmt: skip
    loss.sum().backward()
    return x.grad.numpy()
