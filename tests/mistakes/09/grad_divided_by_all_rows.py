"""The mean's gradient divided by N, ignored examples included."""

TARGET = "softmax.py"
CAUGHT_BY = "divide by how many are kept, not by N"

import numpy as np

_reference_grad = cross_entropy_grad


def cross_entropy_grad(logits, targets, reduction="mean", label_smoothing=0.0, ignore_index=-100):
    if reduction != "mean":
        return _reference_grad(logits, targets, reduction, label_smoothing, ignore_index)
    summed = _reference_grad(logits, targets, "sum", label_smoothing, ignore_index)
    n = np.asarray(targets).size
    return (summed / np.asarray(n, dtype=summed.dtype)).astype(summed.dtype)
