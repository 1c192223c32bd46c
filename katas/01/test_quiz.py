"""Kata 01 quiz: numbers are computed by torch here; choices are compared through a salted hash.

Run `pytest katas/01 -rP` to read the explanation of every answer that passes.
"""

import math

import numpy as np
import torch

from harness import Quiz, torch_grad

quiz = Quiz(__file__)


def grid():
    return np.linspace(-10, 10, 20001)  # includes 0 exactly


def test_tanh_grad_max():
    largest = torch_grad(torch.tanh, grid()).max()
    quiz.check_number(
        "TANH_GRAD_MAX",
        largest,
        "tanh'(x) = 1 - tanh(x)**2; where is tanh(x)**2 smallest?",
        "tanh'(x) = 1 - tanh(x)**2 is largest where tanh(x) = 0, at x = 0, and there it is 1. "
        "Every other factor a tanh unit contributes to the chain rule is smaller than 1.",
        atol=1e-3,
    )


# Explanation: tanh'(x) = 1 - tanh(x)**2 and tanh(x) lies strictly inside (-1, 1), so the
# derivative is strictly positive (it only tends to 0 as |x| grows) and at most 1, reached at 0.
# (a) forgets it cannot be negative, (c) is sigmoid's range, (d) forgets the maximum.
TANH_GRAD_RANGE_SHA256 = "e84009dd48af974a349def7d70d46c428e6c8a94ea4a8bb015e2faaad39f55db"


def test_tanh_grad_range():
    quiz.check_choice(
        "TANH_GRAD_RANGE",
        TANH_GRAD_RANGE_SHA256,
        "plot tanh_grad from your activations.py on np.linspace(-10, 10, 1001): "
        "can it be negative? can it be 0? how big does it get?",
        "tanh'(x) = 1 - tanh(x)**2 lies in (0, 1]: never negative, never exactly 0, "
        "and 1 only at x = 0. Multiplying many such factors can only shrink a gradient.",
    )


def test_sigmoid_grad_max():
    largest = torch_grad(torch.sigmoid, grid()).max()
    quiz.check_number(
        "SIGMOID_GRAD_MAX",
        largest,
        "sigmoid'(x) = s * (1 - s) with s = sigmoid(x) in (0, 1); which s makes s * (1 - s) "
        "largest?",
        "s * (1 - s) is largest at s = 1/2, that is at x = 0, where it is 1/4. So every "
        "sigmoid unit shrinks the gradient passing back through it at least fourfold.",
        atol=1e-3,
    )


def test_five_factors():
    product = torch.prod(torch.full((5,), 0.8, dtype=torch.float64)).item()
    quiz.check_number(
        "FIVE_FACTORS",
        product,
        "multiply 0.8 by itself five times (0.8**5), and keep three decimals",
        "0.8**5 = 0.32768: five units that each keep 80% of the gradient keep only a third "
        "of it together. Twenty of them keep about 1%. That shrinking is the vanishing gradient.",
        atol=6e-4,  # three decimals, as the question asks
    )


def test_sigmoid_units_to_one_millionth():
    best = torch_grad(torch.sigmoid, np.zeros(1)).max()  # sigmoid'(0), the largest factor
    factor, units = torch.tensor(1.0, dtype=torch.float64), 0
    while factor >= 1e-6:
        factor, units = factor * best, units + 1
    quiz.check_number(
        "SIGMOID_UNITS_TO_ONE_MILLIONTH",
        units,
        "keep multiplying by the largest sigmoid derivative (Q3) until the product is below "
        "1e-6, and count the factors",
        f"0.25**{units} = {best**units:.3g} < 1e-6 < 0.25**{units - 1} = "
        f"{best ** (units - 1):.3g}: "
        f"even in sigmoid's best case, {units} layers cut the gradient a millionfold "
        f"(log(1e-6) / log(0.25) = {math.log(1e-6) / math.log(0.25):.2f}).",
        atol=0,
    )


# Explanation: ReLU acts on the pre-activation z = w*x + b, the number a unit computes before
# its activation; it outputs max(0, z). The weights w are left untouched: a negative weight
# times a negative input gives a positive z that ReLU keeps. The seed notes this course grew
# from say ReLU "removes negative weights": that is wrong.
RELU_ZEROES_SHA256 = "528b4b5c19e17cb5b734cb84a269e1330750c5607be6af37779e91e705ae2d5e"


def test_relu_zeroes():
    quiz.check_choice(
        "RELU_ZEROES",
        RELU_ZEROES_SHA256,
        "relu is applied to what the layer computed, not to the layer's parameters",
        "ReLU zeroes negative PRE-ACTIVATIONS z = w*x + b. It never touches the weights: "
        "w = -2 with x = -1 gives z = 2, which ReLU keeps. (Notes claiming ReLU 'removes "
        "negative weights' are wrong.)",
    )


# Explanation: the chain rule multiplies the local derivatives. For an active ReLU unit
# (z > 0) the local derivative is exactly 1, so the product does not shrink, unlike
# tanh (< 1 except at 0) or sigmoid (at most 0.25). ReLU's output is not bounded, and it
# does nothing to weights.
RELU_HELPS_SHA256 = "2f7618ccb9cfe58d8134d1ffc9620e6eac8c3c922774fbf56ab0bb2a5e256360"


def test_relu_helps():
    quiz.check_choice(
        "RELU_HELPS",
        RELU_HELPS_SHA256,
        "the chain rule multiplies local derivatives: what is relu_grad for a positive input?",
        "relu'(z) = 1 for every z > 0, so an active unit passes the gradient back unchanged; "
        "tanh' is below 1 and sigmoid' at most 0.25, so their products shrink with depth.",
    )


# Explanation: where z <= 0, ReLU's derivative is 0, so no gradient reaches the weights of
# that unit for that input. If z is negative for EVERY input (say after a large update pushed
# the bias very negative), the unit's weights never change again: it is dead. Leaky ReLU keeps
# a small slope for z < 0 precisely to avoid this.
RELU_PRICE_SHA256 = "fe7d98723b41293503b41c1a7a4b14118dec9ca85815d4d6d3cad53a21b525f3"


def test_relu_price():
    quiz.check_choice(
        "RELU_PRICE",
        RELU_PRICE_SHA256,
        "what is relu_grad for a negative input, and what happens to a unit for which every "
        "input is negative?",
        "Dead units: where z <= 0 ReLU's derivative is 0, so a unit whose pre-activation is "
        "negative for every input never gets a gradient and stops learning. Leaky ReLU's "
        "small negative_slope keeps a trickle of gradient flowing.",
    )
