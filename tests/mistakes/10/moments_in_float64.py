"""The moments start as np.zeros(p.shape), which is float64 for a float32 parameter."""

TARGET = "adam.py"
CAUGHT_BY = "np.zeros_like(p)"
SANDBOX = "a dtype must cross back from the learner's process"

import numpy as np


def new_state(params, amsgrad):
    state = {
        "step": 0,
        "exp_avg": [np.zeros(p.shape) for p in params],
        "exp_avg_sq": [np.zeros(p.shape) for p in params],
    }
    if amsgrad:
        state["max_exp_avg_sq"] = [np.zeros(p.shape) for p in params]
    return state
