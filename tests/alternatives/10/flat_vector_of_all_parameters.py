"""All parameters handled as one flat vector: the gradients and moments concatenated, one
vectorised update, and the results split back into each parameter's shape (written into the
caller's arrays with p[...] = ...). The state keeps one array per parameter, as the kata asks."""

TARGET = "adam.py"
SANDBOX = "arrays updated in place must cross back from the learner's process"

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
    beta1, beta2 = betas
    if lr < 0 or eps < 0 or weight_decay < 0 or not (0 <= beta1 < 1) or not (0 <= beta2 < 1):
        raise ValueError(f"invalid Adam hyperparameters: {lr=}, {betas=}, {eps=}, {weight_decay=}")
    dtype = params[0].dtype if params else np.float64
    flat = lambda arrays: np.concatenate([np.ravel(a) for a in arrays]).astype(dtype)  # noqa: E731
    sizes = np.cumsum([p.size for p in params])[:-1]
    zeros = [np.zeros_like(p) for p in params]
    t = (state or {}).get("step", 0) + 1
    x, g = flat(params), flat(grads)
    m, v = flat((state or {}).get("exp_avg", zeros)), flat((state or {}).get("exp_avg_sq", zeros))
    g = -g if maximize else g
    if decoupled_weight_decay:
        x = x * (1 - lr * weight_decay)
    else:
        g = g + weight_decay * x
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g * g
    vmax = np.maximum(flat((state or {}).get("max_exp_avg_sq", zeros)), v) if amsgrad else v
    x = x - lr / (1 - beta1**t) * m / (np.sqrt(vmax) / np.sqrt(1 - beta2**t) + eps)
    split = lambda a: [part.reshape(p.shape) for part, p in zip(np.split(a, sizes), params)]  # noqa: E731
    for p, new in zip(params, split(x)):
        p[...] = new
    new_state = {"step": t, "exp_avg": split(m), "exp_avg_sq": split(v)}
    if amsgrad:
        new_state["max_exp_avg_sq"] = split(vmax)
    return new_state
