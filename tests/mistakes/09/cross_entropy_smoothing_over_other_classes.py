"""Label smoothing spread over the C - 1 wrong classes only, not over all C."""

TARGET = "softmax.py"
CAUGHT_BY = "spreads eps evenly over all C classes, the right one included"

import numpy as np


def cross_entropy(logits, targets, reduction="mean", label_smoothing=0.0, ignore_index=-100):
    logits2, targets1, kept = _checked(logits, targets, reduction, label_smoothing, ignore_index)
    logp = log_softmax(logits2, axis=-1)
    picked = np.where(kept, targets1, 0)
    nll = -logp[np.arange(len(picked)), picked]
    classes = logp.shape[1]
    others = (-np.sum(logp, axis=-1) - nll) / max(classes - 1, 1)
    eps = label_smoothing
    per_row = np.where(kept, (1 - eps) * nll + eps * others, 0).astype(logits2.dtype)
    if reduction == "none":
        return per_row.reshape(np.shape(targets))
    total = np.sum(per_row)
    if reduction == "sum":
        return total
    with np.errstate(invalid="ignore"):
        return (total / kept.sum()).astype(logits2.dtype)
