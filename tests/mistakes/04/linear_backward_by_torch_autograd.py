"""linear_backward that runs torch autograd on F.linear instead of writing the gradients."""

TARGET = "linear.py"
CAUGHT_BY = "called torch's autograd"
SANDBOX = "the autograd tripwire must fire inside the learner's process"

import torch
import torch.nn.functional as F


def linear_backward(x, W, grad_out):
    xt = torch.tensor(x, requires_grad=True)
    Wt = torch.tensor(W, requires_grad=True)
    bt = torch.zeros(W.shape[0], dtype=Wt.dtype, requires_grad=True)
    grads = torch.autograd.grad((F.linear(xt, Wt, bt) * torch.tensor(grad_out)).sum(), (xt, Wt, bt))
    return tuple(g.numpy() for g in grads)
