"""Kata 07 quiz, checked against torch's SGD without giving the answers away.

Each question is declared once below: its name in katas/07/quiz.py, the hint for a wrong answer,
and for a number its precision and how torch computes it. Run `pytest katas/07 -rP` to read the
explanation of every answer that passes: it is sealed in quiz_sealed.json and only the right
answer opens it.
"""

import pytest
import torch
from torch.optim.sgd import sgd as torch_functional_sgd

from harness.quiz import Choice, Number, Quiz, decimals


class SGD:
    """torch's SGD on one float64 parameter, stepped with the functional form that
    torch.optim.SGD.step() runs (tests/test_optim_oracle.py proves they agree), without the
    seconds that building an optimizer costs."""

    def __init__(self, w0, **options):
        self.w = torch.tensor(w0, dtype=torch.float64)
        self.buffers = [None]  # optimizer.state[w]["momentum_buffer"], once there is one
        self.options = {"momentum": 0.0, "dampening": 0.0, "weight_decay": 0.0} | options

    def step(self, grad):
        o = {"nesterov": False, "maximize": False, **self.options}
        grads = [torch.tensor(grad, dtype=torch.float64)]
        torch_functional_sgd([self.w], grads, self.buffers, foreach=False, **o)
        return self.w.item()

    @property
    def buffer(self):
        return self.buffers[0].item()


def momentum_with_decay(steps):
    """Q1 and Q2: torch's w, and the direction g and buffer b of each step."""

    def facts():
        optimizer = SGD(2.0, lr=0.1, momentum=0.9, dampening=0.5, weight_decay=0.1)
        values = {"w0": optimizer.w.item()}
        for k in (1, 2):
            values[f"g{k}"] = 0.5 + 0.1 * optimizer.w.item()  # the direction, with the current w
            values[f"w{k}"] = optimizer.step(0.5)
            values[f"b{k}"] = optimizer.buffer
        return {**values, "answer": values[f"w{steps}"]}

    return facts


def maximize_with_decay():
    return {"w": SGD(2.0, lr=0.1, weight_decay=0.1, maximize=True).step(0.0)}


def nesterov_step():
    optimizer = SGD(1.0, lr=0.1, momentum=0.9, nesterov=True)
    answer = optimizer.step(0.5)
    plain = SGD(1.0, lr=0.1, momentum=0.9).step(0.5)
    return {"answer": answer, "buffer": optimizer.buffer, "plain": plain}


def forgotten_buffers():
    """Three steps with changing gradients: a new momentum optimizer every step, plain SGD, and
    one momentum optimizer kept across the steps."""
    grads = (0.5, -0.2, 0.3)
    ends = {}
    for name in ("fresh", "plain", "kept"):
        w = 1.0
        kept = SGD(w, lr=0.1, momentum=0.9)
        for grad in grads:
            if name == "fresh":
                w = SGD(w, lr=0.1, momentum=0.9).step(grad)
            elif name == "plain":
                w = SGD(w, lr=0.1).step(grad)
            else:
                w = kept.step(grad)
        ends[name] = w
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
