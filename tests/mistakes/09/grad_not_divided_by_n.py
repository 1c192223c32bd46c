"""The mean's gradient without the 1/N: softmax - one_hot, row by row."""

TARGET = "softmax.py"
CAUGHT_BY = "'mean' divides the sum by the number of targets that are not ignored"

_reference_grad = cross_entropy_grad


def cross_entropy_grad(logits, targets, reduction="mean", label_smoothing=0.0, ignore_index=-100):
    if reduction == "mean":
        _checked(logits, targets, reduction, label_smoothing, ignore_index)
        reduction = "sum"
    return _reference_grad(logits, targets, reduction, label_smoothing, ignore_index)
