"""Kata 07: the optimizer step. Write torch.optim.SGD's update in NumPy.

Run the tests with:  pytest katas/07
"""

import numpy as np  # noqa: F401  (you will want it)


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

    params:           list of float arrays (any shapes, 0-d included). Change the values inside
                      these very arrays (``p -= ...`` or ``p[...] = ...``); do not rebind them.
    grads:            list of arrays, grads[i] = dL/dparams[i], same shape. Do NOT modify them.
    momentum_buffers: None on the first call, otherwise the list this function returned last
                      time. An entry that is None means "no buffer yet" for that parameter.
    lr, momentum, dampening, weight_decay, nesterov, maximize: as in torch.optim.SGD.

    Returns the momentum buffers to pass into the next call: a list with one entry per
    parameter. Each entry is that parameter's buffer b (the array torch keeps in
    ``optimizer.state[p]["momentum_buffer"]``), or None when momentum is 0.

    The algorithm, for each parameter p with gradient g (see katas/07/README.md):
        g = -g                               if maximize
        g = g + weight_decay * p             if weight_decay != 0
        if momentum != 0:
            b = copy of g                    on the first step (no buffer yet; no dampening)
            b = momentum * b + (1 - dampening) * g     on later steps
            g = g + momentum * b             if nesterov
            g = b                            otherwise
        p = p - lr * g                       (in place!)

    Raise ValueError, before changing anything, exactly where torch.optim.SGD refuses its
    arguments: lr < 0, momentum < 0, weight_decay < 0, or nesterov with momentum <= 0 or
    dampening != 0.
    """
    raise NotImplementedError
