"""Kata 06 quiz, checked against torch without giving the answers away.

Each question is declared once below: its name in katas/06/quiz.py, the hint for a wrong answer,
and for a number its precision and how torch computes it. Run `pytest katas/06 -rP` to read the
explanation of every answer that passes: it is sealed in quiz_sealed.json and only the right
answer opens it.
"""

import pytest
import torch

from harness.quiz import WHOLE, Choice, Number, Quiz


def worked_example(answer_index):
    """The quiz's example, run by torch: w.grad after each of two backward calls."""

    def facts():
        w = torch.tensor(3.0, requires_grad=True)
        x = torch.tensor(2.0)
        grads = []
        for _ in range(2):
            loss = (w * x - 1) ** 2
            loss.backward()
            grads.append(w.grad.item())
        return {"answer": grads[answer_index], "first": grads[0], "second": grads[1]}

    return facts


def tiny_model_backward():
    """Q1's model: what backward() returns, and what it leaves in w, b and their .grad."""
    w = torch.tensor(1.5, requires_grad=True)
    b = torch.tensor(0.5, requires_grad=True)
    result = ((w * 4.0 + b) ** 2).backward()
    return {"returned": result, "w": w.item(), "w_grad": w.grad.item(), "b_grad": b.grad.item()}


def one_backward_writes_grad_once():
    """How often w's .grad is written when w reaches the loss along three paths."""
    w = torch.tensor(0.5, dtype=torch.float64, requires_grad=True)
    writes = []
    w.register_post_accumulate_grad_hook(lambda p: writes.append(p.grad.item()))
    (w * 2 + w * 3 + w.exp()).backward()
    calls = "once" if len(writes) == 1 else f"{len(writes)} times"
    return {"w": w.item(), "calls": calls, "grad": writes[-1]}


quiz = Quiz(
    __file__,
    [
        Choice(
            "BACKWARD_COMPUTES",
            "backward() does not change any weight (that is optimizer.step()), and it fills .grad "
            "only for some tensors: which ones did you ask torch to track?",
            tiny_model_backward,
        ),
        Choice(
            "WHICH_GET_GRAD",
            "two conditions: the tensor must require grad, and it must be a leaf (created by you, "
            "not computed from other tensors). Which tensors here meet both?",
        ),
        Number(
            "W_GRAD_AFTER_ONE_BACKWARD",
            "the chain rule: d/dw (w*x - 1)**2 = 2 * (w*x - 1) * x, then put in w = 3 and x = 2",
            WHOLE,
            worked_example(0),
        ),
        Number(
            "W_GRAD_AFTER_TWO_BACKWARDS",
            "the second backward computes the same gradient again, and backward never empties "
            ".grad first: what is in w.grad afterwards?",
            WHOLE,
            worked_example(1),
        ),
        Choice(
            "WHY_ACCUMULATE",
            "what does a second backward() call, on a new loss, do with the .grad the first one "
            "left? When would you want that?",
            one_backward_writes_grad_once,
        ),
    ],
)


@pytest.mark.parametrize("name", quiz.names)
def test_quiz(name):
    quiz.check(name)
