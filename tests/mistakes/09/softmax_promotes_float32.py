"""np.asarray(logits, dtype=float) first: float32 logits come back as float64."""

TARGET = "softmax.py"
CAUGHT_BY = "returned dtype float64, expected float32"
SANDBOX = "the dtype of the answer must survive the trip from the learner's process"

import numpy as np


def softmax(logits, axis=-1):
    z = np.asarray(logits, dtype=float)
    exps = np.exp(z - np.max(z, axis=axis, keepdims=True))
    return exps / np.sum(exps, axis=axis, keepdims=True)
