"""log_softmax as np.log(softmax(...)): a probability that underflows to 0 gives -inf."""

TARGET = "softmax.py"
CAUGHT_BY = "do not take np.log of softmax"
SANDBOX = "warnings raised in the learner's process must be raised again in the judge"

import numpy as np


def log_softmax(logits, axis=-1):
    return np.log(softmax(logits, axis=axis))
