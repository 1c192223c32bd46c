"""Kata 12: a digit classifier from your own parts (reference solution).

The network is x -> linear -> relu -> linear -> logits, trained with cross-entropy and Adam,
every piece taken from an earlier kata through harness.earlier_kata.
"""

import numpy as np

from harness.digits import train_test_split
from harness.earlier import earlier_kata

linear = earlier_kata("04", "linear")
activations = earlier_kata("01", "activations")
softmax = earlier_kata("09", "softmax")
adam = earlier_kata("10", "adam")

PIXELS = 64
CLASSES = 10


def init_params(hidden, rng):
    """[W1, b1, W2, b2]: the two layers, drawn with init_linear from the same rng in turn."""
    W1, b1 = linear.init_linear(PIXELS, hidden, rng)
    W2, b2 = linear.init_linear(hidden, CLASSES, rng)
    return [W1, b1, W2, b2]


def forward(params, x):
    """The logits, (N, 10): linear, relu, linear."""
    W1, b1, W2, b2 = params
    h = activations.relu(linear.linear_forward(x, W1, b1))
    return linear.linear_forward(h, W2, b2)


def loss_and_grads(params, x, y):
    """(mean cross-entropy of the batch, [dL/dW1, dL/db1, dL/dW2, dL/db2])."""
    W1, b1, W2, b2 = params
    a = linear.linear_forward(x, W1, b1)
    h = activations.relu(a)
    logits = linear.linear_forward(h, W2, b2)
    loss = softmax.cross_entropy(logits, y)
    grad_logits = softmax.cross_entropy_grad(logits, y)  # already divided by the batch size
    grad_h, grad_W2, grad_b2 = linear.linear_backward(h, W2, grad_logits)
    grad_a = grad_h * activations.relu_grad(a)
    _, grad_W1, grad_b1 = linear.linear_backward(x, W1, grad_a)
    return float(loss), [grad_W1, grad_b1, grad_W2, grad_b2]


def train_step(params, x, y, state, lr):
    """One Adam step on the batch (x, y), in place: returns (the batch's loss, the new state)."""
    loss, grads = loss_and_grads(params, x, y)
    state = adam.adam_step(params, grads, state, lr=lr)
    return loss, state


def predict(params, x):
    """The most likely digit for each image: int labels of shape (N,)."""
    return np.argmax(forward(params, x), axis=1)


def train(x, y, *, hidden=64, epochs=20, batch_size=32, lr=1e-2, seed=0):
    """Train on the training part of the fixed split; returns (params, history)."""
    x_train, y_train, x_test, y_test = train_test_split(x, y)
    rng = np.random.default_rng(seed)
    params = init_params(hidden, rng)
    state = None
    history = {"train_loss": [], "test_accuracy": []}
    for _ in range(epochs):
        order = rng.permutation(len(y_train))  # one order for images and labels alike
        losses, sizes = [], []
        for start in range(0, len(order), batch_size):
            batch = order[start : start + batch_size]
            loss, state = train_step(params, x_train[batch], y_train[batch], state, lr)
            losses.append(loss)
            sizes.append(len(batch))
        history["train_loss"].append(float(np.average(losses, weights=sizes)))
        accuracy = np.mean(predict(params, x_test) == y_test)
        history["test_accuracy"].append(float(accuracy))
    return params, history


if __name__ == "__main__":  # python katas/12/capstone.py: train, and watch every epoch
    from harness.digits import load_digits

    _, history = train(*load_digits())
    for epoch, (loss, accuracy) in enumerate(zip(*history.values(), strict=True), start=1):
        print(f"epoch {epoch:2d}   train loss {loss:.4f}   test accuracy {accuracy:.4f}")
