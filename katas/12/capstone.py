"""Kata 12: a digit classifier from your own parts.

The network: 64 pixels -> linear -> relu -> linear -> 10 logits, trained with cross-entropy and
Adam on the handwritten digits scikit-learn ships. Every piece is one you wrote in an earlier
kata; reach them through ``earlier_kata`` (below), never by importing their files, so that the
tests, ``--solutions`` and the grader all find the right ones.

Run the tests with:  pytest katas/12
"""

import numpy as np  # noqa: F401  (you will want it)

from harness.digits import train_test_split  # noqa: F401  (the fixed split, already written)
from harness.earlier import earlier_kata

linear = earlier_kata("04", "linear")  # init_linear, linear_forward, linear_backward
activations = earlier_kata("01", "activations")  # relu, relu_grad
softmax = earlier_kata("09", "softmax")  # cross_entropy, cross_entropy_grad
adam = earlier_kata("10", "adam")  # adam_step

PIXELS = 64
CLASSES = 10


def init_params(hidden, rng):
    """The network's parameters as the list [W1, b1, W2, b2], float64.

    W1 (hidden, PIXELS) and b1 (hidden,) for the first layer, W2 (CLASSES, hidden) and
    b2 (CLASSES,) for the second, each layer drawn with your init_linear and the rng given
    (the first layer first), as torch.nn.Linear draws them.
    """
    raise NotImplementedError


def forward(params, x):
    """The logits for a batch of images x (N, PIXELS): an (N, CLASSES) array.

    linear_forward with W1 and b1, then relu, then linear_forward with W2 and b2. No softmax:
    the loss takes the raw logits.
    """
    raise NotImplementedError


def loss_and_grads(params, x, y):
    """(loss, grads) for the batch (x, y): y holds the N labels, integers in [0, CLASSES).

    loss is cross_entropy of the logits and y (the batch's mean), as a float; grads is the list
    [dL/dW1, dL/db1, dL/dW2, dL/db2], each with its parameter's shape. Backward runs the forward
    pass in reverse: cross_entropy_grad, linear_backward, relu_grad, linear_backward.
    """
    raise NotImplementedError


def train_step(params, x, y, state, lr):
    """One training step on the batch (x, y): returns (the batch's loss, Adam's new state).

    The loss and gradients of the batch, then ONE adam_step on all four parameters, which
    updates them in place. state is None on the first step, afterwards the state the previous
    step returned.
    """
    raise NotImplementedError


def predict(params, x):
    """The predicted digit of each image in x (N, PIXELS): an integer array of shape (N,)."""
    raise NotImplementedError


def train(x, y, *, hidden=64, epochs=20, batch_size=32, lr=1e-2, seed=0):
    """Train the network on the digits: returns (params, history).

    x, y: every image (N, PIXELS) and label, as harness.digits.load_digits() gives them.
    Hold out the test images with train_test_split(x, y) and train on the rest only:
    rng = np.random.default_rng(seed) draws the initial parameters (init_params), then each
    epoch's order of the training images; each epoch goes through that order in mini-batches
    of batch_size (the last one may be smaller), one train_step each.

    history is {"train_loss": [...], "test_accuracy": [...]}, one float per epoch: the mean
    of the epoch's batch losses, and the share of the test images predict gets right after the
    epoch.
    """
    raise NotImplementedError


if __name__ == "__main__":  # python katas/12/capstone.py: train, and watch every epoch
    from harness.digits import load_digits

    _, history = train(*load_digits())
    for epoch, (loss, accuracy) in enumerate(zip(*history.values(), strict=True), start=1):
        print(f"epoch {epoch:2d}   train loss {loss:.4f}   test accuracy {accuracy:.4f}")
