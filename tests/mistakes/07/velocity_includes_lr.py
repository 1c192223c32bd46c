"""Momentum kept as a velocity v = momentum * v + lr * g (lr inside the buffer): wrong as soon as lr changes, and not torch's buffer."""

TARGET = "sgd.py"
CAUGHT_BY = "momentum_buffer"

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
    if lr < 0.0 or momentum < 0.0 or weight_decay < 0.0:
        raise ValueError("invalid hyperparameter")
    if nesterov and (momentum <= 0 or dampening != 0):
        raise ValueError("Nesterov momentum requires a momentum and zero dampening")
    if momentum_buffers is None:
        momentum_buffers = [None] * len(params)
    out = []
    for p, grad, buf in zip(params, grads, momentum_buffers):
        g = -grad if maximize else grad
        if weight_decay != 0:
            g = g + weight_decay * p
        if momentum != 0:
            if buf is None:
                buf = lr * g
            else:
                buf = momentum * buf + (1 - dampening) * lr * g
            step = lr * g + momentum * buf if nesterov else buf
        else:
            buf = None
            step = lr * g
        p -= step
        out.append(buf)
    return out
