"""Kata 09: softmax and cross-entropy, and the gradient of the loss (reference solution)."""

import numpy as np

REDUCTIONS = ("mean", "sum", "none")


def softmax(logits, axis=-1):
    """torch.softmax(logits, axis): shift by the max first, so np.exp never overflows."""
    shifted = logits - np.max(logits, axis=axis, keepdims=True)
    exps = np.exp(shifted)
    return exps / np.sum(exps, axis=axis, keepdims=True)


def log_softmax(logits, axis=-1):
    """torch.log_softmax(logits, axis): x - max - log(sum(exp(x - max))), never log(0)."""
    shifted = logits - np.max(logits, axis=axis, keepdims=True)
    return shifted - np.log(np.sum(np.exp(shifted), axis=axis, keepdims=True))


def _checked(logits, targets, reduction, label_smoothing, ignore_index):
    """(logits as (N, C), targets as (N,), which rows count), after checking every argument."""
    if reduction not in REDUCTIONS:
        raise ValueError(f"reduction must be one of {REDUCTIONS}, got {reduction!r}")
    if not 0.0 <= label_smoothing <= 1.0:
        raise ValueError(f"label_smoothing must be in [0, 1], got {label_smoothing!r}")
    logits, targets = np.asarray(logits), np.asarray(targets)
    if logits.ndim not in (1, 2) or targets.ndim != logits.ndim - 1:
        raise ValueError(
            f"targets of shape {targets.shape} do not fit logits of shape {logits.shape}: "
            "logits (N, C) take targets (N,), logits (C,) take a 0-d target"
        )
    if not np.issubdtype(targets.dtype, np.integer):
        raise ValueError(f"targets must be integer class indices, got dtype {targets.dtype}")
    logits2, targets1 = logits.reshape(-1, logits.shape[-1]), targets.reshape(-1)
    if targets1.shape[0] != logits2.shape[0]:
        raise ValueError(
            f"targets has {targets1.shape[0]} entries but logits has N = {logits2.shape[0]} rows"
        )
    kept = targets1 != ignore_index
    classes = logits2.shape[1]
    if np.any(kept & ((targets1 < 0) | (targets1 >= classes))):
        raise ValueError(f"targets must lie in [0, {classes}) or equal ignore_index")
    return logits2, targets1, kept


def _row_scale(kept, reduction, dtype):
    """The factor each row's loss carries into the result: 1/(rows kept) for a mean."""
    scale = kept.astype(dtype)
    if reduction == "mean":
        with np.errstate(divide="ignore", invalid="ignore"):
            scale = scale / dtype.type(kept.sum())  # all ignored: torch's 0/0, a NaN loss
    return scale


def cross_entropy(logits, targets, reduction="mean", label_smoothing=0.0, ignore_index=-100):
    """torch.nn.functional.cross_entropy for class-index targets, in logits' dtype.

    Each kept row's loss is (1 - eps) * (-log p[target]) + eps * mean over classes of -log p.
    Ignored rows count 0 and do not count in the mean; when every target is ignored the mean
    is 0/0, which is NaN, as in torch.
    """
    logits2, targets1, kept = _checked(logits, targets, reduction, label_smoothing, ignore_index)
    dtype = logits2.dtype
    logp = log_softmax(logits2, axis=-1)
    picked = np.where(kept, targets1, 0)  # any class index for an ignored row; it counts 0
    nll = -np.take_along_axis(logp, picked[:, None], axis=-1)[:, 0]
    smooth = -np.mean(logp, axis=-1)
    eps = dtype.type(label_smoothing)
    per_row = np.where(kept, (1 - eps) * nll + eps * smooth, dtype.type(0))
    if reduction == "none":
        return per_row.reshape(np.shape(targets))
    total = np.sum(per_row)
    if reduction == "sum":
        return np.asarray(total, dtype=dtype)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.asarray(total / dtype.type(kept.sum()), dtype=dtype)


def cross_entropy_grad(logits, targets, reduction="mean", label_smoothing=0.0, ignore_index=-100):
    """dL/dlogits for cross_entropy with the same arguments, with logits' shape and dtype.

    A kept row's gradient is softmax(row) - ((1 - eps) * one_hot(target) + eps / C), divided by
    the number of kept rows for a mean; an ignored row's gradient is 0. With reduction="none"
    it is the gradient of the sum of the per-row losses. When every target is ignored, torch's
    mean loss is NaN but its gradient is all zeros, and so is this one.
    """
    logits2, targets1, kept = _checked(logits, targets, reduction, label_smoothing, ignore_index)
    dtype = logits2.dtype
    classes = logits2.shape[1]
    eps = dtype.type(label_smoothing)
    wanted = np.full(logits2.shape, eps / classes, dtype=dtype)
    rows = np.flatnonzero(kept)
    wanted[rows, targets1[rows]] += 1 - eps
    scale = _row_scale(kept, reduction, dtype)
    grad = (softmax(logits2, axis=-1) - wanted) * np.nan_to_num(scale)[:, None]
    return grad.reshape(np.shape(logits))
