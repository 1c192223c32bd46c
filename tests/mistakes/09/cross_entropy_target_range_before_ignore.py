"""The target range checked before the ignored targets are set aside: -100 is refused."""

TARGET = "softmax.py"
CAUGHT_BY = "which torch accepts"
SANDBOX = "an exception raised in the learner's process must reach the judge as itself"

import numpy as np

_reference_cross_entropy = cross_entropy


def cross_entropy(logits, targets, reduction="mean", label_smoothing=0.0, ignore_index=-100):
    classes = np.shape(logits)[-1]
    if np.any((np.asarray(targets) < 0) | (np.asarray(targets) >= classes)):
        raise ValueError(f"targets must lie in [0, {classes})")
    return _reference_cross_entropy(logits, targets, reduction, label_smoothing, ignore_index)
