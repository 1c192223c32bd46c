"""No hyperparameter checks at all: negative lr and friends run silently."""

TARGET = "sgd.py"
CAUGHT_BY = "ValueError"
SANDBOX = "the learner's exception must reach the judge as the same exception"

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
    if momentum_buffers is None:
        momentum_buffers = [None] * len(params)
    out = []
    for p, grad, buf in zip(params, grads, momentum_buffers):
        g = -grad if maximize else grad
        if weight_decay != 0:
            g = g + weight_decay * p
        if momentum != 0:
            if buf is None:
                buf = np.array(g, copy=True)
            else:
                buf = momentum * buf + (1 - dampening) * g
            g = g + momentum * buf if nesterov else buf
        else:
            buf = None
        p -= lr * g
        out.append(buf)
    return out
