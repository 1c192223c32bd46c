"""Kata 10: Adam and AdamW. Write torch.optim.Adam's update (and AdamW's) in NumPy.

Run the tests with:  pytest katas/10
"""

import numpy as np  # noqa: F401  (you will want it)


def adam_step(
    params,
    grads,
    state=None,
    *,
    lr=1e-3,
    betas=(0.9, 0.999),
    eps=1e-8,
    weight_decay=0.0,
    amsgrad=False,
    maximize=False,
    decoupled_weight_decay=False,
):
    """One Adam step: update every parameter IN PLACE, exactly as torch.optim.Adam.step().

    params: list of float arrays (any shapes, 0-d and empty included). Change the values
            inside these very arrays (``p -= ...`` or ``p[...] = ...``); do not rebind them.
    grads:  list of arrays, grads[i] = dL/dparams[i], same shape. Do NOT modify them.
    state:  None on the first call, otherwise the dict this function returned last time.
    lr, betas, eps, weight_decay, amsgrad, maximize: as in torch.optim.Adam.
    decoupled_weight_decay: True makes this step AdamW's (torch.optim.AdamW).

    Returns the state to pass into the next call, a dict holding
        "step":           the number of steps taken so far, this one included;
        "exp_avg":        a list with one array per parameter, the first moment m;
        "exp_avg_sq":     the same for the second moment v;
        "max_exp_avg_sq": with amsgrad only, the same for the largest v so far.
    Each moment has its parameter's shape and dtype (float32 stays float32), and is stored as
    torch stores it in ``optimizer.state[p]``: not bias-corrected.

    The algorithm, with t = the step count including this step, for each parameter p with
    gradient g (see katas/10/README.md):
        g = -g                                   if maximize
        p = p * (1 - lr * weight_decay)          if decoupled_weight_decay (AdamW), or
        g = g + weight_decay * p                 otherwise (Adam's L2)
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g * g
        v_max = maximum(v_max, v)                if amsgrad (then v_max replaces v below)
        m_hat = m / (1 - beta1**t),  v_hat = v / (1 - beta2**t)
        p = p - lr * m_hat / (sqrt(v_hat) + eps)          (in place!)

    Raise ValueError, before changing anything, exactly where torch.optim.Adam refuses its
    arguments: lr < 0, eps < 0, a beta outside [0, 1), or weight_decay < 0.
    """
    raise NotImplementedError
