"""one_hot - softmax: the gradient of the log-likelihood, not of the loss."""

TARGET = "softmax.py"
CAUGHT_BY = "softmax minus the target distribution, not the target minus softmax"

_reference_grad = cross_entropy_grad


def cross_entropy_grad(logits, targets, reduction="mean", label_smoothing=0.0, ignore_index=-100):
    return -_reference_grad(logits, targets, reduction, label_smoothing, ignore_index)
