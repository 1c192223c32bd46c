"""reduction="none" for one example returns shape (1,) instead of torch's 0-d loss."""

TARGET = "softmax.py"
CAUGHT_BY = "returned shape (1,), but torch's answer has shape ()"

import numpy as np

_reference_cross_entropy = cross_entropy


def cross_entropy(logits, targets, reduction="mean", label_smoothing=0.0, ignore_index=-100):
    loss = _reference_cross_entropy(logits, targets, reduction, label_smoothing, ignore_index)
    return np.atleast_1d(loss) if reduction == "none" else loss
