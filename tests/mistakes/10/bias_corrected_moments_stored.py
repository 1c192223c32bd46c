"""The bias-corrected moments are written back into the state."""

TARGET = "adam.py"
CAUGHT_BY = "not bias-corrected"

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
    check_hyperparameters(lr, betas, eps, weight_decay)
    if state is None:
        state = new_state(params, amsgrad)
    beta1, beta2 = betas
    step = state["step"] + 1
    bias_correction1 = 1 - beta1**step
    bias_correction2_sqrt = (1 - beta2**step) ** 0.5
    for i, p in enumerate(params):
        g = -grads[i] if maximize else grads[i]
        if weight_decay != 0:
            if decoupled_weight_decay:
                p *= 1 - lr * weight_decay
            else:
                g = g + weight_decay * p
        m = state["exp_avg"][i]
        v = state["exp_avg_sq"][i]
        m *= beta1
        m += (1 - beta1) * g
        v *= beta2
        v += (1 - beta2) * g * g
        if amsgrad:
            np.maximum(state["max_exp_avg_sq"][i], v, out=state["max_exp_avg_sq"][i])
            v = state["max_exp_avg_sq"][i]
        m /= bias_correction1
        if not amsgrad:
            v /= bias_correction2_sqrt**2
        p -= lr * m / (np.sqrt(v if not amsgrad else v / bias_correction2_sqrt**2) + eps)
    state["step"] = step
    return state
