"""The loss returned as a Python float: float32 logits give a float64 loss."""

TARGET = "softmax.py"
CAUGHT_BY = "returned dtype float64, expected float32"
SANDBOX = "the dtype of the answer must survive the trip from the learner's process"

_reference_cross_entropy = cross_entropy


def cross_entropy(logits, targets, reduction="mean", label_smoothing=0.0, ignore_index=-100):
    loss = _reference_cross_entropy(logits, targets, reduction, label_smoothing, ignore_index)
    return loss if reduction == "none" else float(loss)
