"""reduction="mean" left as the sum: the division by the number of examples is forgotten."""

TARGET = "softmax.py"
CAUGHT_BY = "'mean' divides the sum by the number of targets that are not ignored"

_reference_cross_entropy = cross_entropy


def cross_entropy(logits, targets, reduction="mean", label_smoothing=0.0, ignore_index=-100):
    if reduction == "mean":
        reduction = "sum"
    return _reference_cross_entropy(logits, targets, reduction, label_smoothing, ignore_index)
