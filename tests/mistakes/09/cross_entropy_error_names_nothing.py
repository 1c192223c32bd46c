"""A ValueError for a bad label_smoothing whose message does not say which argument."""

TARGET = "softmax.py"
CAUGHT_BY = "which does not name 'label_smoothing'"
SANDBOX = "an exception's message must reach the judge unchanged"

_reference_cross_entropy = cross_entropy


def cross_entropy(logits, targets, reduction="mean", label_smoothing=0.0, ignore_index=-100):
    if not 0 <= label_smoothing <= 1:
        raise ValueError("bad value")
    return _reference_cross_entropy(logits, targets, reduction, label_smoothing, ignore_index)
