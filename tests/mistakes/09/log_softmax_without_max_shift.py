"""log_softmax as z - log(sum(exp(z))) without the max shift: np.exp overflows at 1e4."""

TARGET = "softmax.py"
CAUGHT_BY = "np.exp overflowed"

import numpy as np


def log_softmax(logits, axis=-1):
    return logits - np.log(np.sum(np.exp(logits), axis=axis, keepdims=True))
