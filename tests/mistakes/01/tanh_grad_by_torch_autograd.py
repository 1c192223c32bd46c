"""tanh_grad that asks torch autograd for the answer instead of working it out."""

TARGET = "activations.py"
CAUGHT_BY = "called torch's autograd"
SANDBOX = "the autograd tripwire must fire inside the learner's process"

import torch


def tanh_grad(x):
    t = torch.tensor(x, requires_grad=True)
    torch.tanh(t).sum().backward()
    return t.grad.numpy()
