"""cross_entropy and its gradient as a Python loop over the examples, one row at a time."""

TARGET = "softmax.py"

import numpy as np


def cross_entropy(logits, targets, reduction="mean", label_smoothing=0.0, ignore_index=-100):
    z, t, kept = _checked(logits, targets, reduction, label_smoothing, ignore_index)
    eps = z.dtype.type(label_smoothing)
    losses = np.zeros(len(t), dtype=z.dtype)
    for n in range(len(t)):
        if kept[n]:
            logp = log_softmax(z[n])
            losses[n] = (1 - eps) * -logp[t[n]] + eps * -logp.mean()
    if reduction == "none":
        return losses.reshape(np.shape(targets))
    total = losses.sum()
    if reduction == "sum":
        return total
    with np.errstate(invalid="ignore"):
        return total / z.dtype.type(kept.sum())


def cross_entropy_grad(logits, targets, reduction="mean", label_smoothing=0.0, ignore_index=-100):
    z, t, kept = _checked(logits, targets, reduction, label_smoothing, ignore_index)
    eps = z.dtype.type(label_smoothing)
    grad = np.zeros_like(z)
    count = int(kept.sum())
    for n in range(len(t)):
        if kept[n]:
            row = softmax(z[n]) - eps / z.shape[1]
            row[t[n]] -= 1 - eps
            grad[n] = row / count if reduction == "mean" else row
    return grad.reshape(np.shape(logits))
