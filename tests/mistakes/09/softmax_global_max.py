"""One max over the whole array instead of each slice's own: a row far below it underflows."""

TARGET = "softmax.py"
CAUGHT_BY = "subtract each slice's OWN max"

import numpy as np


def softmax(logits, axis=-1):
    exps = np.exp(logits - np.max(logits))
    return exps / np.sum(exps, axis=axis, keepdims=True)
