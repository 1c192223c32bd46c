"""Kata 05 quiz, checked against torch without giving the answers away.

Each question is declared once below: its name in katas/05/quiz.py, the hint for a wrong answer,
and for a number its precision and how torch computes it. Run `pytest katas/05 -rP` to read the
explanation of every answer that passes: it is sealed in quiz_sealed.json and only the right
answer opens it.
"""

import pytest
import torch

from harness.quiz import WHOLE, Choice, Number, Quiz, decimals


def value_used_three_times():
    """z = x * x + x at x = 3, with each use of x as its own leaf so that torch shows its share."""
    left, right, added = (torch.tensor(3.0, dtype=torch.float64, requires_grad=True) for _ in "abc")
    (left * right + added).backward()
    x = torch.tensor(3.0, dtype=torch.float64, requires_grad=True)
    (x * x + x).backward()
    slope = x.grad.item()
    shares = {"mul_left": left.grad, "mul_right": right.grad, "add": added.grad}
    return {"answer": slope, "slope": slope, **{k: v.item() for k, v in shares.items()}}


def cube_shares():
    """Q3: f = x * x * x at x = 2, each use of x as its own leaf so that torch shows its share."""
    uses = [torch.tensor(2.0, dtype=torch.float64, requires_grad=True) for _ in range(3)]
    (uses[0] * uses[1] * uses[2]).backward()
    x = torch.tensor(2.0, dtype=torch.float64, requires_grad=True)
    (x * x * x).backward()
    nudged = torch.tensor([2.0, 2.001], dtype=torch.float64) ** 3
    measured = ((nudged[1] - nudged[0]) / 0.001).item()
    shares = {f"share{i}": use.grad.item() for i, use in enumerate(uses, 1)}
    return {**shares, "slope": x.grad.item(), "measured": measured}


def reverse_order_example():
    """Q4: x.grad in the right order, and when y passes y.grad on before z has added to it."""
    x = torch.tensor(1.0, dtype=torch.float64, requires_grad=True)
    y = x * 2
    z = y * y
    f = z + y
    (full,) = torch.autograd.grad(f, y, retain_graph=True)
    (right,) = torch.autograd.grad(f, x, retain_graph=True)
    # Too early, y.grad holds only f's direct share, and that is all x would get.
    (early,) = torch.autograd.grad(z.detach() + y, y, retain_graph=True)
    (wrong,) = torch.autograd.grad(z.detach() + y, x)
    return {
        "full": full.item(),
        "right": right.item(),
        "early": early.item(),
        "wrong": wrong.item(),
        "lost": full.item() - early.item(),
    }


def neuron():
    w, x, b = (torch.tensor(v, dtype=torch.float64, requires_grad=True) for v in (0.5, 2.0, 0.1))
    z = w * x + b
    (z**2).backward()
    return {"answer": w.grad.item(), "z": z.item(), "dl_dx": x.grad.item()}


quiz = Quiz(
    __file__,
    [
        Number(
            "X_GRAD",
            "x reaches z three times: twice through y = x * x and once directly. Add the "
            "three shares (the multiplication gives each side the OTHER factor)",
            WHOLE,
            value_used_three_times,
        ),
        Choice(
            "GRAD_MEANS",
            "backward() starts from f.grad = 1 = d(f)/d(f) and moves towards the leaves: what is "
            "the numerator, and what the denominator, at every node?",
        ),
        Choice(
            "WHY_SHARES_ADD",
            "measure it: compute (2.001**3 - 2.0**3) / 0.001 and compare it with the shares",
            cube_shares,
        ),
        Choice(
            "WHY_REVERSE_ORDER",
            "what does y._backward() read, and who else writes to it?",
            reverse_order_example,
        ),
        Number(
            "DL_DW",
            "dL/dw = dL/dz * dz/dw, and dz/dw for z = w * x + b is not the notes' dz/dx",
            decimals(2),
            neuron,
        ),
    ],
)


@pytest.mark.parametrize("name", quiz.names)
def test_quiz(name):
    quiz.check(name)
