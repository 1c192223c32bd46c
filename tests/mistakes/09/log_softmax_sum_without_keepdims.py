"""The sum taken without keepdims: it no longer lines up with the logits along axis."""

TARGET = "softmax.py"
CAUGHT_BY = "keepdims=True"

import numpy as np


def log_softmax(logits, axis=-1):
    shifted = logits - np.max(logits, axis=axis, keepdims=True)
    return shifted - np.log(np.sum(np.exp(shifted), axis=axis))
