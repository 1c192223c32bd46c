"""Kata 08 quiz, checked against torch without giving the answers away.

Each question is declared once below: its name in katas/08/quiz.py, the hint for a wrong answer,
and for a number its precision and how torch computes it. Run `pytest katas/08 -rP` to read the
explanation of every answer that passes: it is sealed in quiz_sealed.json and only the right
answer opens it.
"""

import pytest
import torch

from harness import load_torch_optimizers
from harness.quiz import Choice, Number, Quiz, TrueOrFalse, decimals

load_torch_optimizers()  # torch computes the answers with real optimizers


def two_steps(zero_grad):
    """w and its grads through two steps of the quiz's loop, with or without zero_grad."""
    w = torch.tensor(2.0, requires_grad=True)
    opt = torch.optim.SGD([w], lr=0.1)
    trace = [w.item()]
    for _ in range(2):
        if zero_grad:
            opt.zero_grad()
        (w**2).backward()
        trace += [w.grad.item()]
        opt.step()
        trace += [w.item()]
    return trace  # w0, grad seen by step 1, w1, grad seen by step 2, w2


def without_zero_grad():
    w0, g1, w1, g2, w2 = two_steps(zero_grad=False)
    _, _, _, fresh2, clean = two_steps(zero_grad=True)
    return {
        "answer": w2,
        "g1": g1,
        "w1": w1,
        "g2": g2,
        "fresh2": fresh2,
        "move2": w1 - w2,
        "clean": clean,
        "clean_move2": w1 - clean,
        "step_ratio": (w1 - w2) / (w1 - clean),
        "total_ratio": (w0 - w2) / (w0 - clean),
    }


def step_after_zeroing():
    """Two momentum steps on loss = w**2, then one more step with w.grad zeroed by hand."""
    w = torch.tensor(1.0, dtype=torch.float64, requires_grad=True)
    opt = torch.optim.SGD([w], lr=0.1, momentum=0.9)
    for _ in range(2):
        opt.zero_grad()
        (w**2).backward()
        opt.step()
    buffer, before = opt.state[w]["momentum_buffer"].item(), w.item()
    w.grad.zero_()
    opt.step()
    return {"buffer": buffer, "before": before, "after": w.item(), "moved": before - w.item()}


def hand_made_gradient():
    p = torch.tensor([1.0, 2.0], requires_grad=True)
    opt = torch.optim.SGD([p], lr=0.1)
    p.grad = torch.tensor([10.0, -10.0])
    opt.step()
    values = p.tolist()
    shown = [round(v, 6) + 0.0 for v in values]  # + 0.0 turns a rounded -0.0 into 0.0
    return {"answer": values, "p0": shown[0], "p1": shown[1], "float32_p0": values[0]}


def requires_grad_under_no_grad():
    w = torch.tensor(3.0, requires_grad=True)
    with torch.no_grad():
        y = w * 2
    return {"answer": y.requires_grad}


quiz = Quiz(
    __file__,
    [
        Choice(
            "ZERO_GRAD_WHY",
            "run two backward() calls on the same parameter without zero_grad() and print .grad "
            "after each: what does the second call do with the first one's gradient?",
        ),
        Number(
            "W_AFTER_TWO_STEPS_WITHOUT_ZERO_GRAD",
            "w0 = 2.0, lr = 0.1, two steps, no zero_grad: the second backward() ADDS 2*w to the "
            "gradient the first one left in w.grad",
            decimals(3),
            without_zero_grad,
        ),
        Choice(
            "STEP_READS",
            "what was the optimizer given when it was built, and what does it keep from one "
            "step to the next?",
            step_after_zeroing,
        ),
        Number(
            "P_AFTER_HAND_MADE_GRAD",
            "p = [1.0, 2.0], p.grad = [10.0, -10.0], lr = 0.1: plain SGD is "
            "p <- p - lr * p.grad, element by element",
            decimals(3),
            hand_made_gradient,
        ),
        Choice(
            "NO_GRAD_FOR",
            "inside `with torch.no_grad():`, what does torch stop doing while it computes "
            "values? When would you not need that?",
        ),
        TrueOrFalse(
            "REQUIRES_GRAD_UNDER_NO_GRAD",
            "what does no_grad stop torch from recording, and what does requires_grad say about "
            "a result?",
            requires_grad_under_no_grad,
        ),
    ],
)


@pytest.mark.parametrize("name", quiz.names)
def test_quiz(name):
    quiz.check(name)
