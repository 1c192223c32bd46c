"""Kata 02 quiz, checked against torch without giving the answers away.

Each question is declared once below: its name in katas/02/quiz.py, the hint for a wrong answer,
and for a number its precision and how torch computes it. Run `pytest katas/02 -rP` to read the
explanation of every answer that passes: it is sealed in quiz_sealed.json and only the right
answer opens it.
"""

import math

import pytest
import torch

from harness.quiz import WHOLE, Choice, Number, Quiz, decimals


def derivative(f, x):
    """f'(x) by torch autograd, in float64."""
    t = torch.tensor(x, dtype=torch.float64, requires_grad=True)
    f(t).backward()
    return t.grad.item()


def error(estimate, h, f=torch.sin, x=1.0):
    """How far a finite-difference estimate with step h is from autograd's f'(x)."""
    x = torch.tensor(x, dtype=torch.float64)
    return abs(estimate(f, x, h).item() - derivative(f, x.item()))


def central(f, x, h):
    return (f(x + h) - f(x - h)) / (2 * h)


def forward(f, x, h):
    return (f(x + h) - f(x)) / h


def order(estimate, h=0.01):
    """p in error ~ h**p, measured from the errors at h and h / 2, and rounded."""
    measured = math.log2(error(estimate, h) / error(estimate, h / 2))
    return {"answer": round(measured), "measured": measured}


def nudge_change():
    slope = derivative(lambda t: t**3, 2.0)
    x = torch.tensor([2.0, 2.001], dtype=torch.float64)
    exact = (x[1] ** 3 - x[0] ** 3).item()
    nudge = (x[1] - x[0]).item()
    answer = slope * nudge
    gap = abs(exact - answer)
    place = -math.floor(math.log10(gap))
    return {
        "answer": answer,
        "slope": slope,
        "nudge": nudge,
        "exact": exact,
        "gap": gap,
        "place": place,
    }


def central_error_ratio():
    ratio = error(central, 0.01) / error(central, 0.005)
    return {"answer": round(ratio), "measured": ratio}


def tiny_h():
    eps = torch.finfo(torch.float64).eps
    return {
        "digits": -math.log10(eps),
        "eps": eps,
        "best_h": eps ** (1 / 3),
        "error_5": error(central, 1e-5),
        "error_10": error(central, 1e-10),
        "error_15": error(central, 1e-15),
    }


quiz = Quiz(
    __file__,
    [
        Choice(
            "DERIVATIVE_MEANS",
            "a derivative is about how the output RESPONDS to a change of the input, not about "
            "the output's value",
        ),
        Number(
            "NUDGE_CHANGE",
            "the change is about f'(2) times the size of the nudge; f(x) = x**3 has f'(x) = 3x**2",
            decimals(6),
            nudge_change,
        ),
        Number(
            "CENTRAL_ORDER",
            "Taylor-expand f(x + h) and f(x - h): which terms cancel in their difference?",
            WHOLE,
            lambda: order(central),
        ),
        Number(
            "FORWARD_ORDER",
            "Taylor-expand f(x + h): what is the first term the forward difference gets wrong?",
            WHOLE,
            lambda: order(forward),
        ),
        Number(
            "CENTRAL_ERROR_RATIO_WHEN_H_HALVES",
            "measure it: compute numerical_derivative(np.sin, 1.0, h) - np.cos(1.0) for h = 0.01 "
            "and h = 0.005, and divide",
            WHOLE,
            central_error_ratio,
        ),
        Choice(
            "TINY_H",
            "try it: numerical_derivative(np.sin, 1.0, h) - np.cos(1.0) for h = 1e-5, 1e-10, 1e-15",
            tiny_h,
        ),
    ],
)


@pytest.mark.parametrize("name", quiz.names)
def test_quiz(name):
    quiz.check(name)
