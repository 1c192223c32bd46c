"""batchnorm_forward and backward that run torch autograd instead of writing the gradients."""

TARGET = "normalization.py"
CAUGHT_BY = "called torch's autograd"
SANDBOX = "the autograd tripwire must fire inside the learner's process"

import torch
import torch.nn.functional as F


def batchnorm_backward(cache, grad_out):
    x = torch.tensor(cache["x"], requires_grad=True)
    gamma = torch.tensor(cache["gamma"], requires_grad=True)
    beta = torch.zeros_like(gamma, requires_grad=True)
    y = F.batch_norm(x, None, None, gamma, beta, training=True)
    grads = torch.autograd.grad((y * torch.tensor(grad_out)).sum(), (x, gamma, beta))
    return tuple(g.numpy() for g in grads)


_solution_forward = batchnorm_forward


def batchnorm_forward(x, gamma, beta, running_mean, running_var, **options):
    y, cache = _solution_forward(x, gamma, beta, running_mean, running_var, **options)
    return y, {**cache, "x": x.copy()}
