"""An ignored example's label-smoothing term still counted: only its -log p[t] is zeroed."""

TARGET = "softmax.py"
CAUGHT_BY = "an ignored example counts 0 in both terms of label smoothing"

import numpy as np


def cross_entropy(logits, targets, reduction="mean", label_smoothing=0.0, ignore_index=-100):
    logits2, targets1, kept = _checked(logits, targets, reduction, label_smoothing, ignore_index)
    logp = log_softmax(logits2, axis=-1)
    picked = np.where(kept, targets1, 0)
    nll = np.where(kept, -logp[np.arange(len(picked)), picked], 0)
    eps = label_smoothing
    per_row = ((1 - eps) * nll - eps * np.mean(logp, axis=-1)).astype(logits2.dtype)
    if reduction == "none":
        return per_row.reshape(np.shape(targets))
    total = np.sum(per_row)
    if reduction == "sum":
        return total
    with np.errstate(invalid="ignore", divide="ignore"):
        return (total / kept.sum()).astype(logits2.dtype)
