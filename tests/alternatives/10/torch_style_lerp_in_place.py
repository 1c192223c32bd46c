"""torch's own arithmetic, written with NumPy's out= arguments: the first moment moved towards
g by (1 - beta1) like lerp_, the second scaled then added to, the denominator built in place,
the state updated in place and returned, and the amsgrad maximum created when first needed."""

TARGET = "adam.py"
SANDBOX = "arrays updated in place and a state kept across calls must cross back"

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
    if not (lr >= 0 and eps >= 0 and weight_decay >= 0):
        raise ValueError("lr, eps and weight_decay must not be negative")
    if not all(0.0 <= b < 1.0 for b in betas):
        raise ValueError("each beta must lie in [0, 1)")
    if state is None:
        state = {"step": 0, "exp_avg": [], "exp_avg_sq": []}
        for p in params:
            state["exp_avg"].append(np.zeros_like(p))
            state["exp_avg_sq"].append(np.zeros_like(p))
    if amsgrad:
        state.setdefault("max_exp_avg_sq", [np.zeros_like(p) for p in params])
    state["step"] += 1
    beta1, beta2 = betas
    step_size = lr / (1 - beta1 ** state["step"])
    correction = np.sqrt(1 - beta2 ** state["step"])
    for i, p in enumerate(params):
        grad = np.negative(grads[i]) if maximize else grads[i]
        if weight_decay != 0 and decoupled_weight_decay:
            np.multiply(p, 1 - lr * weight_decay, out=p)
        elif weight_decay != 0:
            grad = np.add(grad, weight_decay * p)
        m, v = state["exp_avg"][i], state["exp_avg_sq"][i]
        np.add(m, (1 - beta1) * (grad - m), out=m)
        np.multiply(v, beta2, out=v)
        np.add(v, (1 - beta2) * grad * grad, out=v)
        if amsgrad:
            vmax = state["max_exp_avg_sq"][i]
            np.maximum(vmax, v, out=vmax)
            v = vmax
        denom = np.sqrt(v, out=np.empty_like(v))  # an array even when p is 0-d
        np.divide(denom, correction, out=denom, casting="same_kind")
        np.add(denom, eps, out=denom, casting="same_kind")
        np.subtract(p, step_size * m / denom, out=p, casting="same_kind")
    return state
