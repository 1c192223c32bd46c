"""No check that targets has one entry per row of logits: numpy's own error names nothing."""

TARGET = "softmax.py"
CAUGHT_BY = "refuse targets whose length is not logits' N"

import numpy as np

_reference_checked = _checked


def _checked(logits, targets, reduction, label_smoothing, ignore_index):
    logits, targets = np.asarray(logits), np.asarray(targets)
    n = targets.shape[0] if targets.ndim else 1
    rows = logits.shape[0] if logits.ndim == 2 else 1
    if n != rows:  # what the learner forgot: pretend the shapes agree
        targets = np.resize(targets, rows)
    return _reference_checked(logits, targets, reduction, label_smoothing, ignore_index)
