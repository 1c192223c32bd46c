"""Quiz 04: can a linear layer output something larger than its input? Torch checks the answers."""

import numpy as np
import torch
import torch.nn.functional as F

from harness import Quiz, check_true, fail

quiz = Quiz(__file__)

# Shown once larger_output_example passes (run with -rP to read it), and in the README.
EXPLANATION = """\
Yes. The notes claimed "no, because the weights are initialised in (-1, 1)". That mixes up the
size of one weight with the size of the output:
  1. Each output is a SUM of in_features products, y_j = sum_i W[j, i] * x[i] + b[j]. Small
     weights do not make a small sum: 512 inputs of 1 and weights of 0.5 give y = 256 + b.
  2. The bias is added on top: an input of all zeros still gives the output b.
  3. With out_features > in_features there are more outputs than inputs, so the output vector
     can be longer (larger norm) even when every single entry is small.
  4. (-1, 1) only says where the weights START. Training moves them wherever the gradient
     pushes; nothing keeps a trained weight inside (-1, 1).
torch's default init is in fact narrower, U(-1/sqrt(in), 1/sqrt(in)): it is chosen so that the
sum in point 1 stays about the size of the input on average. That keeps signals at a sensible
scale at the start of training. It is a typical size, not a bound."""

EXPLANATION_Q2 = """\
513: the output is a sum of 512 products plus the bias, and each product W[0, i] * x[i] is at
most 1 (both +1, or both -1). So one output can be 513 times larger than the largest input or
weight. Parameters in [-1, 1] bound each TERM, not the sum."""

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
    print(EXPLANATION)


def test_largest_output():
    """Q2: in_features = 512, everything in [-1, 1]: the largest possible output."""
    # Each product W[0, i] * x[i] is largest with both at +1 (or both at -1), and so is the bias.
    n = 512
    best = F.linear(
        torch.ones(n, dtype=torch.float64),
        torch.ones(1, n, dtype=torch.float64),
        torch.ones(1, dtype=torch.float64),
    ).item()
    quiz.check_number(
        "LARGEST_OUTPUT",
        best,
        "the output is a sum of 512 products plus the bias: how large can each product be, "
        "and can all of them be that large at once?",
        EXPLANATION_Q2,
        rtol=1e-9,
    )
