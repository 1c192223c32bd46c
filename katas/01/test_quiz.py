"""Kata 01 quiz, checked against torch without giving the answers away.

Each question is declared once below: its name in katas/01/quiz.py, the hint for a wrong answer,
and for a number its precision and how torch computes it. Run `pytest katas/01 -rP` to read the
explanation of every answer that passes: it is sealed in quiz_sealed.json and only the right
answer opens it.
"""

import math

import numpy as np
import pytest
import torch

from harness import torch_grad
from harness.quiz import WHOLE, Choice, Number, Quiz, decimals


def grid():
    return np.linspace(-10, 10, 20001)  # includes 0 exactly


def tanh_grad_max():
    return {"answer": torch_grad(torch.tanh, grid()).max()}


def sigmoid_grad_at_2():
    return {"answer": torch_grad(torch.sigmoid, np.array([2.0]))[0]}


def six_factors():
    def product(n):
        return torch.prod(torch.full((n,), 0.7, dtype=torch.float64)).item()

    return {"answer": product(6), "twenty": product(20)}


def sigmoid_units_to_one_millionth():
    best = torch_grad(torch.sigmoid, np.zeros(1))[0]  # sigmoid'(0), the largest factor
    units = 0
    while best**units >= 1e-6:
        units += 1
    return {
        "answer": units,
        "best": best,
        "before": units - 1,
        "low": best**units,
        "high": best ** (units - 1),
        "ratio": math.log(1e-6) / math.log(best),
    }


def relu_example():
    """Q6's unit, relu(-3x + 1), at a few inputs on either side of x = 1/3."""
    x = torch.tensor([-1.0, 0.0, 1.0], dtype=torch.float64)
    out = torch.relu(-3.0 * x + 1.0).tolist()
    return {"at_minus_1": out[0], "at_0": out[1], "at_1": out[2]}


def sigmoid_grad_max():
    return {"sigmoid_max": torch_grad(torch.sigmoid, grid()).max()}


quiz = Quiz(
    __file__,
    [
        Number(
            "TANH_GRAD_MAX",
            "tanh'(x) = 1 - tanh(x)**2; where is tanh(x)**2 smallest?",
            decimals(3),
            tanh_grad_max,
        ),
        Choice(
            "TANH_GRAD_RANGE",
            "plot tanh_grad from your activations.py on np.linspace(-10, 10, 1001): "
            "can it be negative? can it be 0? how big does it get?",
        ),
        Number(
            "SIGMOID_GRAD_AT_2",
            "sigmoid'(x) = s * (1 - s) with s = sigmoid(2); your sigmoid_grad computes it",
            decimals(4),
            sigmoid_grad_at_2,
        ),
        Number(
            "SIX_FACTORS",
            "multiply 0.7 by itself six times (0.7**6), then round to 3 decimals",
            decimals(3),
            six_factors,
        ),
        Number(
            "SIGMOID_UNITS_TO_ONE_MILLIONTH",
            "keep multiplying by sigmoid'(0), the largest sigmoid derivative, until the product "
            "is below 1e-6, and count the factors",
            WHOLE,
            sigmoid_units_to_one_millionth,
        ),
        Choice(
            "RELU_ZEROES",
            "relu is applied to what the unit computed, z = w*x + b, not to its parameters or "
            "its input: for which x is z <= 0?",
            relu_example,
        ),
        Choice(
            "RELU_HELPS",
            "the chain rule multiplies local derivatives: what is relu_grad for a positive input?",
            sigmoid_grad_max,
        ),
        Choice(
            "RELU_PRICE",
            "what is relu_grad for a negative input, and what happens to a unit for which every "
            "input is negative?",
        ),
    ],
)


@pytest.mark.parametrize("name", quiz.names)
def test_quiz(name):
    quiz.check(name)
