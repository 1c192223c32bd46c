"""Kata 12: the capstone's learning curves, confusion matrix and misclassified digits.

The learner's ``train`` runs with its defaults; torch trains the same network (its own init)
with the same optimizer, batches and epochs, for curves to compare with. The confusion
matrix and the misclassified digits are the learner's trained network judged by torch on the
held-out images.
"""

from __future__ import annotations

import numpy as np

from harness import digits, limits
from harness.plots.code import Unusable
from harness.plots.picture import Images, Lines, Picture, Series, floats

EPOCHS, BATCH_SIZE, LEARNING_RATE, HIDDEN = 20, 32, 1e-2, 64  # train's defaults
SHOWN_MISTAKES = 16


def torch_history(x_train, y_train, x_test, y_test) -> dict[str, list[float]]:
    """The same network, loss, optimizer and batch sizes in torch, from torch's own init."""
    import torch
    from torch import nn

    torch.random.default_generator.manual_seed(0)
    model = nn.Sequential(nn.Linear(64, HIDDEN), nn.ReLU(), nn.Linear(HIDDEN, 10)).double()
    optimizer = torch.optim.Adam(model.parameters(), lr=LEARNING_RATE)
    rng = np.random.default_rng(0)
    x, y = torch.tensor(x_train), torch.tensor(y_train)
    history = {"train_loss": [], "test_accuracy": []}
    for _ in range(EPOCHS):
        order = torch.tensor(rng.permutation(len(y_train)))
        total = 0.0
        for start in range(0, len(order), BATCH_SIZE):
            batch = order[start : start + BATCH_SIZE]
            optimizer.zero_grad()
            loss = nn.functional.cross_entropy(model(x[batch]), y[batch])
            loss.backward()
            optimizer.step()
            total += loss.item() * len(batch)
        history["train_loss"].append(total / len(order))
        with torch.no_grad():
            predicted = model(torch.tensor(x_test)).argmax(dim=1).numpy()
        history["test_accuracy"].append(float(np.mean(predicted == y_test)))
    return history


def torch_predictions(params, x_test) -> np.ndarray:
    """torch's verdict on the learner's trained parameters: the most likely digit per image."""
    import torch

    W1, b1, W2, b2 = (torch.tensor(np.asarray(p, dtype=np.float64)) for p in params)
    hidden = torch.relu(torch.tensor(x_test) @ W1.T + b1)
    return (hidden @ W2.T + b2).argmax(dim=1).numpy()


def curves(history: dict | str, reference: dict) -> list[Lines]:
    panels = [
        Lines("mean training loss per epoch", "epoch", "cross-entropy", yscale="log"),
        Lines("accuracy on the held-out images", "epoch", "accuracy"),
    ]
    for panel, key in zip(panels, ("train_loss", "test_accuracy"), strict=True):
        if isinstance(history, str):
            panel.series.append(Series(f"yours: {history}", [], []))
        else:
            values = floats(history[key])
            panel.series.append(Series("yours", floats(range(1, len(values) + 1)), values))
        epochs = floats(range(1, EPOCHS + 1))
        panel.series.append(Series("torch (its own init)", epochs, reference[key], torch=True))
    return panels


def judged(params, x_test, y_test) -> list[Images]:
    """The confusion matrix and a grid of misclassified digits, as torch sees the network."""
    predicted = torch_predictions(params, x_test)
    matrix = np.zeros((digits.CLASSES, digits.CLASSES))
    np.add.at(matrix, (y_test, predicted), 1)
    accuracy = float(np.mean(predicted == y_test))
    confusion = Images(f"confusion matrix, test accuracy {accuracy:.3f}", matrix=True)
    confusion.images.append([floats(row) for row in matrix])
    wrong = np.flatnonzero(predicted != y_test)[:SHOWN_MISTAKES]
    grid = Images(f"misclassified: {np.count_nonzero(predicted != y_test)} of {len(y_test)}")
    for i in wrong:
        grid.images.append([floats(row) for row in x_test[i].reshape(8, 8)])
        grid.captions.append(f"{y_test[i]}→{predicted[i]}")
    return [confusion, grid]


def build(code) -> Picture:
    module = code.module("capstone")
    x, y = digits.load_digits()
    x_train, y_train, x_test, y_test = digits.train_test_split(x, y)
    reference = torch_history(x_train, y_train, x_test, y_test)
    panels: list = []
    try:
        seconds = limits.SECONDS_PER_TRAINING_PICTURE
        params, history = code.call("train", lambda: module.train(x, y), seconds=seconds)
        panels += curves({key: list(history[key]) for key in reference}, reference)
        panels += judged(params, x_test, y_test)
    except Unusable as why:
        panels = curves(str(why), reference)
    except (TypeError, ValueError, KeyError, IndexError) as why:  # an answer of the wrong kind
        code.note(f"train's answer could not be drawn: {why!r}; it returns (params, history)")
        panels = curves("unusable answer", reference)
    return Picture("12", "the capstone: your digit classifier, trained", panels)
