"""The textbook softmax, exp(z) / sum(exp(z)): np.exp overflows for large logits."""

TARGET = "softmax.py"
CAUGHT_BY = "np.exp overflowed"
SANDBOX = "warnings raised in the learner's process must be raised again in the judge"

import numpy as np


def softmax(logits, axis=-1):
    exps = np.exp(logits)
    return exps / np.sum(exps, axis=axis, keepdims=True)
