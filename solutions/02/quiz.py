"""Kata 02 quiz: answers, and the explanation each right answer prints.

An explanation is a template: the test fills each {field} with the facts torch computes. After
editing one, run `python -m harness.quiz seal 02`.
"""

DERIVATIVE_MEANS = "c"
NUDGE_CHANGE = 0.012
CENTRAL_ORDER = 2
FORWARD_ORDER = 1
CENTRAL_ERROR_RATIO_WHEN_H_HALVES = 4
TINY_H = "a"

EXPLANATIONS = {
    "DERIVATIVE_MEANS": (
        "f(4 + h) ≈ f(4) + f'(4) * h = f(4) + 3 * h for a small nudge h: the derivative is the "
        "local exchange rate between input and output, and says nothing about the value f(4) "
        "itself, nor about f far from 4. Backpropagation computes exactly these sensitivities "
        "of the loss."
    ),
    "NUDGE_CHANGE": (
        "f'(2) = {slope:g}, so the output moves by about {slope:g} * {nudge:.3f} = "
        "{answer:.6f}. The exact change, 2.001**3 - 2**3 = {exact:.9f}, differs from that by "
        "{gap:.1e}, in the "
        "{place}th decimal: the derivative is the best straight-line prediction, and what it "
        "misses shrinks like the square of the nudge."
    ),
    "CENTRAL_ORDER": (
        "In f(x + h) - f(x - h) the f''(x) h**2 / 2 terms cancel, leaving an error of "
        "h**2 f'''(x) / 6, so p = {answer}. Measured by torch on sin at x = 1: "
        "p = {measured:.3f}."
    ),
    "FORWARD_ORDER": (
        "(f(x + h) - f(x)) / h = f'(x) + h f''(x) / 2 + ..., an error proportional to h, so "
        "p = {answer}. Measured by torch on sin at x = 1: p = {measured:.3f}. Halving h only "
        "halves the error."
    ),
    "CENTRAL_ERROR_RATIO_WHEN_H_HALVES": (
        "Measured by torch: {measured:.4f}, about {answer}: the central difference's error is "
        "proportional to h**2, so half the step leaves a quarter of the error."
    ),
    "TINY_H": (
        "Rounding: float64 keeps about {digits:.0f} significant digits (eps = {eps:.1e}), so "
        "with a tiny h, f(x + h) and f(x - h) share almost all of them and their difference is "
        "mostly rounding noise, which dividing by 2h blows up. Measured by torch for sin at "
        "x = 1, the error is {error_5:.1e} at h = 1e-5, {error_10:.1e} at h = 1e-10 and "
        "{error_15:.1e} at h = 1e-15. The total error is about h**2 |f'''| / 6 + eps |f| / h, "
        "smallest near h = eps**(1/3) = {best_h:.0e}: that is why h defaults to 1e-5."
    ),
}
