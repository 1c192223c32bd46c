"""The gradients taken from torch autograd instead of the learner's own backward pass."""

TARGET = "capstone.py"
CAUGHT_BY = "torch is only the judge"
SANDBOX = "the autograd tripwire must fire inside the grading sandbox too"


def loss_and_grads(params, x, y):
    import torch

    tensors = [torch.tensor(p, requires_grad=True) for p in params]
    W1, b1, W2, b2 = tensors
    logits = torch.relu(torch.as_tensor(x) @ W1.T + b1) @ W2.T + b2
    loss = torch.nn.functional.cross_entropy(logits, torch.as_tensor(y))
    grads = torch.autograd.grad(loss, tensors)
    return loss.item(), [g.numpy() for g in grads]
