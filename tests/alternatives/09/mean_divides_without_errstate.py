"""The mean as sum / (kept count) with no np.errstate: every target ignored gives NaN, as in
torch, with numpy's warning about 0/0 on the way, which is no mistake."""

TARGET = "softmax.py"
SANDBOX = "a warning the judge tolerates must be tolerated after crossing the sandbox too"

import numpy as np

_reference_cross_entropy = cross_entropy


def cross_entropy(logits, targets, reduction="mean", label_smoothing=0.0, ignore_index=-100):
    if reduction != "mean":
        return _reference_cross_entropy(logits, targets, reduction, label_smoothing, ignore_index)
    total = _reference_cross_entropy(logits, targets, "sum", label_smoothing, ignore_index)
    kept = np.sum(np.asarray(targets) != ignore_index)
    return (total / kept).astype(np.asarray(logits).dtype)
