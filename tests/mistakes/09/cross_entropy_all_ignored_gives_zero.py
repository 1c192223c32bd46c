"""Every target ignored: the mean guarded to 0 instead of torch's NaN."""

TARGET = "softmax.py"
CAUGHT_BY = "torch returns NaN"

import numpy as np

_reference_cross_entropy = cross_entropy


def cross_entropy(logits, targets, reduction="mean", label_smoothing=0.0, ignore_index=-100):
    if reduction == "mean" and np.all(np.asarray(targets) == ignore_index):
        return np.zeros((), dtype=np.asarray(logits).dtype)
    return _reference_cross_entropy(logits, targets, reduction, label_smoothing, ignore_index)
