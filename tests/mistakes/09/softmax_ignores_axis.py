"""axis ignored: always the last axis, so softmax along axis 0 is taken along the rows."""

TARGET = "softmax.py"
CAUGHT_BY = "use the axis you are given"

import numpy as np


def softmax(logits, axis=-1):
    exps = np.exp(logits - np.max(logits, axis=-1, keepdims=True))
    return exps / np.sum(exps, axis=-1, keepdims=True)
