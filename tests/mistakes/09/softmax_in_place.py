"""The max subtracted in place: the caller's logits change."""

TARGET = "softmax.py"
CAUGHT_BY = "changed its input logits in place"
SANDBOX = "an argument changed in place must be seen changed in the judge"

import numpy as np


def softmax(logits, axis=-1):
    logits -= np.max(logits, axis=axis, keepdims=True)
    exps = np.exp(logits)
    return exps / np.sum(exps, axis=axis, keepdims=True)
