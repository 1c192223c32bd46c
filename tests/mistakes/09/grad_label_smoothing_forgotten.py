"""The gradient with a plain one-hot target, whatever label_smoothing says."""

TARGET = "softmax.py"
CAUGHT_BY = "label smoothing spreads eps evenly over all C classes"

_reference_grad = cross_entropy_grad


def cross_entropy_grad(logits, targets, reduction="mean", label_smoothing=0.0, ignore_index=-100):
    _checked(logits, targets, reduction, label_smoothing, ignore_index)
    return _reference_grad(logits, targets, reduction, 0.0, ignore_index)
