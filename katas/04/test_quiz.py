"""Kata 04 quiz, checked against torch without giving the answers away.

Q1 asks for an example, and torch judges it. Q2 is declared once below: its name in
katas/04/quiz.py, the hint for a wrong answer, its precision and how torch computes it. Run
`pytest katas/04 -rP` to read the explanation of every answer that passes: Q2's is sealed in
quiz_sealed.json and only the right answer opens it.
"""

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from harness import check_true, fail
from harness.quiz import WHOLE, Number, Quiz


def largest_output():
    """Each product W[0, i] * x[i] is largest with both at +1 (or both at -1), and so is b."""
    n = 512
    ones = torch.ones(n, dtype=torch.float64)
    best = F.linear(ones, ones.reshape(1, n), torch.ones(1, dtype=torch.float64))
    return {"answer": best.item()}


def many_small_weights():
    """The example Q1's explanation gives: 100 inputs of 1 and weights of 0.3, no bias."""
    n = 100
    x = torch.ones(n, dtype=torch.float64)
    return F.linear(x, torch.full((1, n), 0.3, dtype=torch.float64)).item()


quiz = Quiz(
    __file__,
    [
        Number(
            "LARGEST_OUTPUT",
            "the output is a sum of 512 products plus the bias: how large can each product be, "
            "and can all of them be that large at once?",
            WHOLE,
            largest_output,
        ),
    ],
)


@pytest.mark.parametrize("name", quiz.names)
def test_quiz(name):
    quiz.check(name)


# Shown once larger_output_example passes (run with -rP to read it). The question itself says
# the answer is yes; this explains why, on an example of its own.
EXPLANATION = """\
Yes. The notes claimed "no, because the weights are initialised in (-1, 1)". That mixes up the
size of one weight with the size of the output:
  1. Each output is a SUM of in_features products, y_j = sum_i W[j, i] * x[i] + b[j]. Small
     weights do not make a small sum: 100 inputs of 1 and weights of 0.3 give y = {y:.4g} + b.
  2. The bias is added on top: an input of all zeros still gives the output b.
  3. With out_features > in_features there are more outputs than inputs, so the output vector
     can be longer (larger norm) even when every single entry is small.
  4. (-1, 1) only says where the weights START. Training moves them wherever the gradient
     pushes; nothing keeps a trained weight inside (-1, 1).
torch's default init is in fact narrower, U(-1/sqrt(in), 1/sqrt(in)): it is chosen so that the
sum in point 1 stays about the size of the input on average. That keeps signals at a sensible
scale at the start of training. It is a typical size, not a bound."""

QUIZ_FILE = quiz.file


def _as_array(name, value):
    try:
        array = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        array = None
    if array is None:  # failing outside the except keeps numpy's error out of the report
        fail(
            f"larger_output_example() in {QUIZ_FILE} returned {name} = {value!r}, which is not an "
            f"array of numbers.\n  hint: build it with np.array([...]) or np.ones(...)"
        )
    check_true(
        bool(np.all(np.isfinite(array))),
        f"larger_output_example() in {QUIZ_FILE} returned a {name} that is not finite.",
        "use ordinary finite numbers: inf and nan prove nothing",
    )
    return array


def _check_layer_shapes(where: str, x, W, b) -> None:
    """x, W and b fit one linear layer: W is (out, in), x is (..., in), b is (out,) or None."""
    check_true(
        W.ndim == 2 and W.size > 0,
        f"{where}: W has shape {W.shape}, but a linear layer's W has shape "
        f"(out_features, in_features) with both at least 1.",
        "a layer with 3 inputs and 2 outputs has W of shape (2, 3)",
    )
    check_true(
        x.ndim >= 1 and x.shape[-1] == W.shape[1],
        f"{where}: x has shape {x.shape}, but W of shape {W.shape} takes inputs of shape "
        f"(..., {W.shape[1]}).",
        "x's last axis holds the in_features inputs: its length is W.shape[1]",
    )
    check_true(
        b is None or b.shape == (W.shape[0],),
        f"{where}: b has shape {None if b is None else b.shape}, but W of shape {W.shape} "
        f"needs b of shape ({W.shape[0]},) or None.",
        "one bias per output: b has out_features = W.shape[0] entries",
    )


def test_larger_output_example():
    """Q1: can a linear layer output something larger than its input? Show it with an example."""
    result = quiz.module.larger_output_example()
    check_true(
        isinstance(result, (tuple, list)) and len(result) == 3,
        f"larger_output_example() in {QUIZ_FILE} returned {result!r}: it must return (x, W, b).",
        "return x, W, b  (b may be None)",
    )
    x, W, b = result
    x, W = _as_array("x", x), _as_array("W", W)
    b = None if b is None else _as_array("b", b)
    where = f"larger_output_example() in {QUIZ_FILE}"
    _check_layer_shapes(where, x, W, b)
    check_true(
        bool(np.all(np.abs(W) < 1)) and (b is None or bool(np.all(np.abs(b) < 1))),
        f"{where}: some weight or bias is outside (-1, 1); the largest |value| is "
        f"{max(np.abs(W).max(), 0 if b is None or b.size == 0 else np.abs(b).max()):.6g}.",
        "play fair with the claim: keep every entry of W and b strictly between -1 and 1 and "
        "find another way to make the output large",
    )
    y = F.linear(torch.tensor(x), torch.tensor(W), None if b is None else torch.tensor(b))
    y = y.numpy()
    larger_max = np.abs(y).max() > (np.abs(x).max() if x.size else 0.0)
    larger_norm = np.linalg.norm(y) > np.linalg.norm(x)
    check_true(
        bool(larger_max or larger_norm),
        f"{where}: torch's F.linear gives an output that is not larger than the input.\n"
        f"  x      = {x}\n  torch  = y = {y}\n"
        f"  largest |x| = {np.abs(x).max() if x.size else 0:.6g}, largest |y| = "
        f"{np.abs(y).max() if y.size else 0:.6g}; norm of x = {np.linalg.norm(x):.6g}, "
        f"norm of y = {np.linalg.norm(y):.6g}",
        "each output adds up in_features products (plus the bias): what happens when many "
        "of them have the same sign?",
    )
    print(EXPLANATION.format(y=many_small_weights()))
