"""The mean's scale computed as 1 / (kept count) everywhere: every target ignored gives NaN."""

TARGET = "softmax.py"
CAUGHT_BY = "gradient is all zeros"

import numpy as np


def cross_entropy_grad(logits, targets, reduction="mean", label_smoothing=0.0, ignore_index=-100):
    logits2, targets1, kept = _checked(logits, targets, reduction, label_smoothing, ignore_index)
    dtype = logits2.dtype
    classes = logits2.shape[1]
    wanted = np.full(logits2.shape, label_smoothing / classes, dtype=dtype)
    rows = np.flatnonzero(kept)
    wanted[rows, targets1[rows]] += 1 - label_smoothing
    grad = (softmax(logits2, axis=-1) - wanted) * kept[:, None]
    if reduction == "mean":
        with np.errstate(divide="ignore", invalid="ignore"):
            grad = grad / kept.sum()
    return grad.astype(dtype).reshape(np.shape(logits))
