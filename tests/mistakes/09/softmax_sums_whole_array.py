"""The sum over every element instead of along axis: the whole array adds up to 1."""

TARGET = "softmax.py"
CAUGHT_BY = "you normalised over the whole array"

import numpy as np


def softmax(logits, axis=-1):
    exps = np.exp(logits - np.max(logits, axis=axis, keepdims=True))
    return exps / np.sum(exps)
