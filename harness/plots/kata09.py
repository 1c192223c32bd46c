"""Kata 09: softmax at different temperatures, softmax(z / T), from the learner's ``softmax``.

A low temperature sharpens the distribution towards the largest logit (argmax); a high one
flattens it towards uniform. The logits stay the same, only their scale changes.
"""

from __future__ import annotations

import numpy as np

from harness.plots.code import Unusable
from harness.plots.picture import Lines, Picture, Series, floats

LOGITS = np.array([2.0, 1.0, 0.2, -0.5, -1.5])
SHOWN_TEMPERATURES = (0.25, 0.5, 1.0, 2.0, 5.0)
TEMPERATURES = np.logspace(-1, 1, 41)


def torch_softmax(z: np.ndarray) -> np.ndarray:
    import torch

    return torch.softmax(torch.tensor(z), dim=-1).numpy()


def _learner_softmax(code, module, scaled: np.ndarray) -> np.ndarray:
    return code.array("softmax", lambda: module.softmax(scaled.copy(), axis=-1), scaled.shape)


def by_class(code, module) -> Lines:
    panel = Lines("softmax(z / T) for each class", "class i (logit z_i)", "probability")
    classes = floats(range(len(LOGITS)))
    for color, temperature in enumerate(SHOWN_TEMPERATURES):
        scaled = LOGITS / temperature
        try:
            probabilities = _learner_softmax(code, module, scaled[None, :])[0]
            panel.series.append(
                Series(f"T = {temperature:g} (yours)", classes, floats(probabilities),
                       color=color, markers=True)
            )  # fmt: skip
        except Unusable as why:
            panel.series.append(Series(f"T = {temperature:g}: {why}", [], [], color=color))
        panel.series.append(Series("torch", classes, floats(torch_softmax(scaled)), torch=True))
    return panel


def by_temperature(code, module) -> Lines:
    """Every temperature at once: one row of logits per temperature, softmax along the rows."""
    panel = Lines("each class's probability against T", "temperature T", "probability",
                  xscale="log")  # fmt: skip
    scaled = LOGITS[None, :] / TEMPERATURES[:, None]
    try:
        probabilities = _learner_softmax(code, module, scaled)
    except Unusable as why:
        probabilities = None
        panel.series.append(Series(f"yours: {why}", [], []))
    wanted = torch_softmax(scaled)
    for i, z in enumerate(LOGITS):
        if probabilities is not None:
            panel.series.append(Series(f"class {i}, z = {z:g} (yours)", floats(TEMPERATURES),
                                       floats(probabilities[:, i]), color=i))  # fmt: skip
        panel.series.append(Series("torch", floats(TEMPERATURES), floats(wanted[:, i]),
                                   torch=True))  # fmt: skip
    return panel


def build(code) -> Picture:
    module = code.module("softmax")
    title = f"softmax temperature: the logits z = {LOGITS.tolist()} divided by T"
    return Picture("09", title, [by_class(code, module), by_temperature(code, module)])
