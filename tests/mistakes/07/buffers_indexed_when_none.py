"""sgd_step indexes momentum_buffers without handling None, the value of the first call: the
TypeError must come back as a teaching failure with the call's inputs and a hint about None."""

TARGET = "sgd.py"
CAUGHT_BY = "momentum_buffers is None on the first call (no buffers yet)"
SANDBOX = "the learner's exception must reach the judge as the same exception"

import numpy as np


def sgd_step(params, grads, momentum_buffers=None, *, lr, momentum=0.0, dampening=0.0,
             weight_decay=0.0, nesterov=False, maximize=False):
    if lr < 0.0:
        raise ValueError(f"Invalid learning rate: {lr}")
    if momentum < 0.0:
        raise ValueError(f"Invalid momentum value: {momentum}")
    if weight_decay < 0.0:
        raise ValueError(f"Invalid weight_decay value: {weight_decay}")
    if nesterov and (momentum <= 0 or dampening != 0):
        raise ValueError("Nesterov momentum requires a momentum and zero dampening")
    new_buffers = []
    for i, (p, grad) in enumerate(zip(params, grads, strict=True)):
        buf = momentum_buffers[i]  # TypeError on the first call, where it is None
        g = -grad if maximize else grad
        if weight_decay != 0:
            g = g + weight_decay * p
        if momentum != 0:
            buf = np.array(g, copy=True) if buf is None else momentum * buf + (1 - dampening) * g
            g = g + momentum * buf if nesterov else buf
        else:
            buf = None
        p -= lr * g
        new_buffers.append(buf)
    return new_buffers
