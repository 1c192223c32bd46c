"""Kata 10: Adam and AdamW. Reference solution: torch.optim.Adam's update in NumPy."""

import numpy as np


def check_hyperparameters(lr, betas, eps, weight_decay):
    """The checks torch.optim.Adam.__init__ makes, in its order, with its messages."""
    if not 0.0 <= lr:
        raise ValueError(f"Invalid learning rate: {lr}")
    if not 0.0 <= eps:
        raise ValueError(f"Invalid epsilon value: {eps}")
    if not 0.0 <= betas[0] < 1.0:
        raise ValueError(f"Invalid beta parameter at index 0: {betas[0]}")
    if not 0.0 <= betas[1] < 1.0:
        raise ValueError(f"Invalid beta parameter at index 1: {betas[1]}")
    if not 0.0 <= weight_decay:
        raise ValueError(f"Invalid weight_decay value: {weight_decay}")


def new_state(params, amsgrad):
    """The state before the first step: no step taken, every moment zero."""
    state = {
        "step": 0,
        "exp_avg": [np.zeros_like(p) for p in params],
        "exp_avg_sq": [np.zeros_like(p) for p in params],
    }
    if amsgrad:
        state["max_exp_avg_sq"] = [np.zeros_like(p) for p in params]
    return state


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
    """One Adam (or AdamW) step: update every parameter IN PLACE, as torch.optim.Adam.step().

    Returns the state for the next call: {"step", "exp_avg", "exp_avg_sq"[, "max_exp_avg_sq"]}.
    """
    check_hyperparameters(lr, betas, eps, weight_decay)
    if state is None:
        state = new_state(params, amsgrad)
    if amsgrad and "max_exp_avg_sq" not in state:  # amsgrad switched on later, as torch allows
        state["max_exp_avg_sq"] = [np.zeros_like(p) for p in params]
    beta1, beta2 = betas
    step = state["step"] + 1
    bias_correction1 = 1 - beta1**step
    bias_correction2_sqrt = (1 - beta2**step) ** 0.5
    for i, p in enumerate(params):
        g = -grads[i] if maximize else grads[i]  # a new array, or grads[i] left untouched
        if weight_decay != 0:
            if decoupled_weight_decay:
                p *= 1 - lr * weight_decay  # AdamW: shrink the parameter itself
            else:
                g = g + weight_decay * p  # Adam: L2 joins the gradient (a new array)
        m = state["exp_avg"][i]
        v = state["exp_avg_sq"][i]
        m += (1 - beta1) * (g - m)  # in place: torch's lerp_
        v *= beta2
        v += (1 - beta2) * g * g
        if amsgrad:
            np.maximum(state["max_exp_avg_sq"][i], v, out=state["max_exp_avg_sq"][i])
            v = state["max_exp_avg_sq"][i]
        denom = np.sqrt(v) / bias_correction2_sqrt + eps
        p -= (lr / bias_correction1) * m / denom
    state["step"] = step
    return state
