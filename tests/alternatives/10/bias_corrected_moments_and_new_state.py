"""m_hat and v_hat computed as arrays of their own (sqrt(v / (1 - beta2**t)) rather than
sqrt(v) / sqrt(1 - beta2**t)), a new state dict with new moment arrays on every call (the state
passed in is never changed), and the checks in another order with other messages."""

TARGET = "adam.py"
SANDBOX = "arrays updated in place must cross back; the state is rebuilt on every call"

import numpy as np


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
    for name, value in [("weight_decay", weight_decay), ("eps", eps), ("lr", lr)]:
        if value < 0:
            raise ValueError(f"{name} must be >= 0, got {value}")
    for index, beta in enumerate(betas):
        if not 0 <= beta < 1:
            raise ValueError(f"betas[{index}] must be in [0, 1), got {beta}")
    beta1, beta2 = betas
    t = 1 if state is None else state["step"] + 1
    new = {"step": t, "exp_avg": [], "exp_avg_sq": []}
    if amsgrad:
        new["max_exp_avg_sq"] = []
    for i, (p, grad) in enumerate(zip(params, grads)):
        sign = -1 if maximize else 1
        g = sign * grad
        if decoupled_weight_decay:
            np.multiply(p, 1 - lr * weight_decay, out=p)
        elif weight_decay:
            g = g + weight_decay * p
        m_old = np.zeros_like(p) if state is None else state["exp_avg"][i]
        v_old = np.zeros_like(p) if state is None else state["exp_avg_sq"][i]
        m = beta1 * m_old + (1 - beta1) * g
        v = beta2 * v_old + (1 - beta2) * np.square(g)
        new["exp_avg"].append(m)
        new["exp_avg_sq"].append(v)
        if amsgrad:
            old_max = state.get("max_exp_avg_sq") if state is not None else None
            v = np.maximum(v, np.zeros_like(p) if old_max is None else old_max[i])
            new["max_exp_avg_sq"].append(v)
        m_hat = m / (1 - beta1**t)
        v_hat = v / (1 - beta2**t)
        p[...] = p - lr * m_hat / (np.sqrt(v_hat) + eps)
    return new
