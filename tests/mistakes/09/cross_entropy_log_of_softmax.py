"""The loss as -np.log(softmax(z)[t]): a right class far below the others gives log(0)."""

TARGET = "softmax.py"
CAUGHT_BY = "do not take np.log of softmax"

import numpy as np


def cross_entropy(logits, targets, reduction="mean", label_smoothing=0.0, ignore_index=-100):
    logits2, targets1, kept = _checked(logits, targets, reduction, label_smoothing, ignore_index)
    logp = np.log(softmax(logits2, axis=-1))
    picked = np.where(kept, targets1, 0)
    nll = -logp[np.arange(len(picked)), picked]
    eps = label_smoothing
    per_row = np.where(kept, (1 - eps) * nll - eps * np.mean(logp, axis=-1), 0)
    per_row = per_row.astype(logits2.dtype)
    if reduction == "none":
        return per_row.reshape(np.shape(targets))
    total = np.sum(per_row)
    if reduction == "sum":
        return total
    with np.errstate(invalid="ignore"):
        return (total / kept.sum()).astype(logits2.dtype)
