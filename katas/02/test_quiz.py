"""Kata 02 quiz: numbers are computed by torch here; choices are compared through a salted hash.

Run `pytest katas/02 -rP` to read the explanation of every answer that passes.
"""

import math

import torch

from harness import Quiz

quiz = Quiz(__file__)


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


def measured_order(estimate, h=0.01):
    """p in error ~ h**p, measured from the errors at h and h / 2."""
    return math.log2(error(estimate, h) / error(estimate, h / 2))


# Explanation: the derivative is the local exchange rate between input and output:
# f(x + e) ≈ f(x) + f'(x) * e for small e. It says nothing about the value f(x) itself.
DERIVATIVE_MEANS_SHA256 = "708aae602a958cb6a65c4520801f381256f6bfddf6e5a14a51fbc5f2504a4361"


def test_derivative_means():
    quiz.check_choice(
        "DERIVATIVE_MEANS",
        DERIVATIVE_MEANS_SHA256,
        "a derivative is about how the output RESPONDS to a change of the input, not about "
        "the output's value",
        "f(x + e) ≈ f(x) + f'(x) * e: the derivative measures how sensitive the output is to "
        "its input. Backpropagation computes exactly these sensitivities of the loss.",
    )


def test_nudge_change():
    e = 0.001
    predicted = derivative(lambda t: t**3, 2.0) * e
    quiz.check_number(
        "NUDGE_CHANGE",
        predicted,
        "the change is about f'(2) times the size of the nudge; f(x) = x**3 has f'(x) = 3x**2",
        f"f'(2) = 12, so the output moves by about 12 * 0.001 = {predicted:.3g}. "
        f"(The exact change, 2.001**3 - 8 = {2.001**3 - 8:.6f}, differs only in the 5th "
        "decimal: the derivative is the best straight-line prediction.)",
        atol=1e-4,
    )


def test_central_order():
    order = measured_order(central)
    quiz.check_number(
        "CENTRAL_ORDER",
        order,
        "Taylor-expand f(x + h) and f(x - h): which terms cancel in their difference?",
        f"2: in f(x + h) - f(x - h) the f''(x) h**2 / 2 terms cancel, leaving an error of "
        f"h**2 f'''(x) / 6. Measured by torch on sin at x = 1: p = {order:.3f}.",
        atol=0.1,
    )


def test_forward_order():
    order = measured_order(forward)
    quiz.check_number(
        "FORWARD_ORDER",
        order,
        "Taylor-expand f(x + h): what is the first term the forward difference gets wrong?",
        f"1: (f(x + h) - f(x)) / h = f'(x) + h f''(x) / 2 + ..., an error proportional to h. "
        f"Measured by torch on sin at x = 1: p = {order:.3f}. Halving h only halves it.",
        atol=0.1,
    )


def test_central_error_ratio_when_h_halves():
    ratio = error(central, 0.01) / error(central, 0.005)
    quiz.check_number(
        "CENTRAL_ERROR_RATIO_WHEN_H_HALVES",
        ratio,
        "measure it: compute numerical_derivative(np.sin, 1.0, h) - np.cos(1.0) for h = 0.01 "
        "and h = 0.005, and divide",
        f"{ratio:.4f}, about 4 = 2**2: the error is proportional to h**2, so half the step "
        "gives a quarter of the error. A forward difference would only give 2.",
        atol=0.05,
    )


# Explanation: the total error is about h**2 |f'''| / 6 (truncation, shrinks with h) plus
# eps |f| / h (rounding: float64 keeps ~16 digits, eps ≈ 1e-16, and f(x + h) - f(x - h) cancels
# almost all of them). The sum is smallest near h ≈ eps**(1/3) ≈ 1e-5, hence the default h.
TINY_H_SHA256 = "4ad2886a360daad04e828c90da2f97778073987ec9922757a4c452cab68db095"


def test_tiny_h():
    quiz.check_choice(
        "TINY_H",
        TINY_H_SHA256,
        "try it: numerical_derivative(np.sin, 1.0, h) - np.cos(1.0) for h = 1e-5, 1e-10, 1e-15",
        "Rounding: float64 keeps about 16 significant digits, so f(x + h) and f(x - h) with "
        "h = 1e-15 share almost all of them and their difference is mostly rounding noise, "
        "which dividing by 2h blows up. The error is about h**2 |f'''| / 6 + 1e-16 |f| / h, "
        "smallest near h ≈ 1e-5: that is why h defaults to 1e-5.",
    )
