"""Kata 07: the optimizer step. Reference solution: torch.optim.SGD's update in NumPy."""

import numpy as np


def sgd_step(
    params,
    grads,
    momentum_buffers=None,
    *,
    lr,
    momentum=0.0,
    dampening=0.0,
    weight_decay=0.0,
    nesterov=False,
    maximize=False,
):
    """One optimizer step: update every parameter IN PLACE, exactly as torch.optim.SGD.step().

    Returns the momentum buffers for the next call (None entries when momentum is 0).
    """
    # The same checks, in the same order, as torch.optim.SGD.__init__; before touching anything.
    if lr < 0.0:
        raise ValueError(f"Invalid learning rate: {lr}")
    if momentum < 0.0:
        raise ValueError(f"Invalid momentum value: {momentum}")
    if weight_decay < 0.0:
        raise ValueError(f"Invalid weight_decay value: {weight_decay}")
    if nesterov and (momentum <= 0 or dampening != 0):
        raise ValueError("Nesterov momentum requires a momentum and zero dampening")

    if momentum_buffers is None:
        momentum_buffers = [None] * len(params)
    new_buffers = []
    for p, grad, buf in zip(params, grads, momentum_buffers, strict=True):
        g = -grad if maximize else grad  # a new array (or grad itself, which we never modify)
        if weight_decay != 0:
            g = g + weight_decay * p  # a new array: grads stay untouched
        if momentum != 0:
            if buf is None:
                buf = np.array(g, copy=True)  # first step: the gradient itself, no dampening
            else:
                buf = momentum * buf + (1 - dampening) * g
            g = g + momentum * buf if nesterov else buf
        else:
            buf = None
        p -= lr * g  # in place: the caller's array changes
        new_buffers.append(buf)
    return new_buffers
