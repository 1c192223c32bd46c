"""An unknown reduction taken as "mean" instead of refused."""

TARGET = "softmax.py"
CAUGHT_BY = "returned normally; it must raise ValueError"
SANDBOX = "an exception raised in the learner's process must reach the judge as itself"

_reference_cross_entropy = cross_entropy


def cross_entropy(logits, targets, reduction="mean", label_smoothing=0.0, ignore_index=-100):
    if reduction not in ("sum", "none"):
        reduction = "mean"
    return _reference_cross_entropy(logits, targets, reduction, label_smoothing, ignore_index)
