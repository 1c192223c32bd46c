"""The mean divides by N, ignored examples included, instead of by the kept ones."""

TARGET = "softmax.py"
CAUGHT_BY = "divide by how many are kept, not by N"

import numpy as np

_reference_cross_entropy = cross_entropy


def cross_entropy(logits, targets, reduction="mean", label_smoothing=0.0, ignore_index=-100):
    if reduction != "mean":
        return _reference_cross_entropy(logits, targets, reduction, label_smoothing, ignore_index)
    losses = _reference_cross_entropy(logits, targets, "none", label_smoothing, ignore_index)
    return np.asarray(np.mean(losses), dtype=np.asarray(logits).dtype)
