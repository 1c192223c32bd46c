"""Kata 09: softmax and cross-entropy, and the gradient of the loss, written in NumPy.

A classifier's last layer gives one score per class, the logits. softmax turns them into
probabilities, and cross-entropy is minus the log of the probability given to the right class.
Torch fuses the two into one call, ``torch.nn.functional.cross_entropy``, which takes logits,
not probabilities. Run the tests with ``pytest katas/09``.

Every function keeps the dtype of ``logits``: float32 in, float32 out.
"""

import numpy as np  # noqa: F401  (you will need it)


def softmax(logits, axis=-1):
    """exp(logits) / sum(exp(logits)) along ``axis``, as ``torch.softmax(logits, axis)``.

    logits: float array of any shape; axis: the axis that holds the classes.
    returns: an array of logits' shape and dtype; along ``axis`` every slice adds up to 1.

    Must stay finite, with no warnings, for logits up to ±1e4 in float32 and float64:
    np.exp(1e4) is inf. Adding the same number to every logit of a slice does not change its
    softmax; which number keeps np.exp away from overflow? (look at ``keepdims=True``)
    """
    raise NotImplementedError


def log_softmax(logits, axis=-1):
    """log(softmax(logits)) along ``axis``, as ``torch.log_softmax(logits, axis)``.

    Same shapes and dtype as softmax. Do not take np.log of softmax: a probability that
    underflows to 0 gives log(0) = -inf, while the true log-probability is an ordinary
    number. Write log(exp(z) / sum(exp(z))) as z - log(sum(exp(z))) instead.
    """
    raise NotImplementedError


def cross_entropy(logits, targets, reduction="mean", label_smoothing=0.0, ignore_index=-100):
    """``torch.nn.functional.cross_entropy(logits, targets, ...)`` for class-index targets.

    logits:  float array (N, C), one row of C class scores per example, or (C,) for one example
    targets: integer array (N,), or 0-d for logits (C,): the right class of each example
    reduction: "mean" (over the targets that are not ignored), "sum", or "none" (one loss per
             example, of targets' shape)
    label_smoothing: eps in [0, 1]. The target becomes (1 - eps) on the right class plus eps
             spread evenly over all C classes, so each example's loss is
             (1 - eps) * (-log p[target]) + eps * (mean over the C classes of -log p).
    ignore_index: an example whose target equals it counts 0 and is left out of the mean.
             When every target is ignored, the mean is 0 / 0: torch returns NaN, and so do you.
    returns: a 0-d array (or a NumPy scalar) for "mean" and "sum", in logits' dtype

    Raise ValueError, naming the argument, for an unknown reduction, label_smoothing outside
    [0, 1], a target outside [0, C) that is not ignore_index, and targets whose N differs from
    logits' N.
    """
    raise NotImplementedError


def cross_entropy_grad(logits, targets, reduction="mean", label_smoothing=0.0, ignore_index=-100):
    """dL/dlogits for ``cross_entropy`` with the same arguments: logits' shape and dtype.

    What torch autograd leaves in logits.grad after ``F.cross_entropy(logits, ...).backward()``
    (for reduction="none", after ``.sum().backward()``: each row's own gradient). Work it out
    with the chain rule through log_softmax, then look for softmax(row) minus the target
    distribution. An ignored example's row is 0. When every target is ignored, torch's mean loss
    is NaN, yet its gradient is all zeros: return zeros too. Raise ValueError as cross_entropy
    does. No torch here: this is the gradient you would write for your own network.
    """
    raise NotImplementedError
