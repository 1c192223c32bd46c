"""Kata 07 quiz, checked against torch.optim.SGD without giving the answers away.

Each question is declared once below: its name in katas/07/quiz.py, the hint for a wrong answer,
and for a number its precision and how torch computes it. Run `pytest katas/07 -rP` to read the
explanation of every answer that passes: it is sealed in quiz_sealed.json and only the right
answer opens it.
"""

import pytest
import torch

from harness.quiz import Choice, Number, Quiz, decimals


def scalar(value):
    return torch.tensor(value, dtype=torch.float64, requires_grad=True)


def step(optimizer, w, grad):
    optimizer.zero_grad()
    w.grad = torch.tensor(grad, dtype=torch.float64)
    optimizer.step()


def momentum_with_decay(steps):
    """Q1 and Q2: torch's w, and the direction g and buffer b of each step."""

    def facts():
        w = scalar(2.0)
        optimizer = torch.optim.SGD([w], lr=0.1, momentum=0.9, dampening=0.5, weight_decay=0.1)
        values = {"w0": w.item()}
        for k in (1, 2):
            values[f"g{k}"] = 0.5 + 0.1 * w.item()  # the direction, with the current w's decay
            step(optimizer, w, 0.5)
            values[f"b{k}"] = optimizer.state[w]["momentum_buffer"].item()
            values[f"w{k}"] = w.item()
        return {**values, "answer": values[f"w{steps}"]}

    return facts


def maximize_with_decay():
    w = scalar(2.0)
    step(torch.optim.SGD([w], lr=0.1, weight_decay=0.1, maximize=True), w, 0.0)
    return {"w": w.item()}


def nesterov_step():
    w = scalar(1.0)
    optimizer = torch.optim.SGD([w], lr=0.1, momentum=0.9, nesterov=True)
    step(optimizer, w, 0.5)
    plain = scalar(1.0)
    step(torch.optim.SGD([plain], lr=0.1, momentum=0.9), plain, 0.5)
    return {
        "answer": w.item(),
        "buffer": optimizer.state[w]["momentum_buffer"].item(),
        "plain": plain.item(),
    }


def forgotten_buffers():
    """Three steps with changing gradients: a new momentum optimizer every step, plain SGD, and
    one momentum optimizer kept across the steps."""
    grads = (0.5, -0.2, 0.3)
    ends = {}
    for name in ("fresh", "plain", "kept"):
        w = scalar(1.0)
        kept = torch.optim.SGD([w], lr=0.1, momentum=0.9)
        for grad in grads:
            if name == "fresh":
                step(torch.optim.SGD([w], lr=0.1, momentum=0.9), w, grad)
            else:
                step(kept if name == "kept" else torch.optim.SGD([w], lr=0.1), w, grad)
        ends[name] = w.item()
    return {**ends, "grads": ", ".join(f"{g:g}" for g in grads)}


quiz = Quiz(
    __file__,
    [
        Number(
            "W_AFTER_ONE_STEP",
            "the direction is g = grad + weight_decay * w; on the first step there is no buffer "
            "yet, so the buffer is g itself; then w = w - lr * buffer",
            decimals(4),
            momentum_with_decay(1),
        ),
        Number(
            "W_AFTER_TWO_STEPS",
            "second step: g = grad + weight_decay * w with the NEW w; then "
            "b = momentum * b + (1 - dampening) * g, and w = w - lr * b",
            decimals(4),
            momentum_with_decay(2),
        ),
        Choice(
            "MAXIMIZE_WITH_DECAY",
            "follow the order of the kata's README: what does maximize negate, and what is added "
            "after it?",
            maximize_with_decay,
        ),
        Number(
            "W_AFTER_NESTEROV_STEP",
            "first step: the buffer b is the gradient itself; with Nesterov the step direction is "
            "g + momentum * b, not b",
            decimals(4),
            nesterov_step,
        ),
        Choice(
            "FORGOTTEN_BUFFERS",
            "what does sgd_step do on a call with no buffer, and what is the step then?",
            forgotten_buffers,
        ),
    ],
)


@pytest.mark.parametrize("name", quiz.names)
def test_quiz(name):
    quiz.check(name)
