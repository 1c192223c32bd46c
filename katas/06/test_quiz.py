"""Kata 06 quiz: checked without giving the answers away.

Choice answers are compared through a salted hash; number answers against torch, run here.
When an answer is right, its explanation is printed (see them with: pytest katas/06 -rP).
"""

import hashlib

import pytest
import torch

from harness import check_true, fail, learner_module
from harness.learner import display_path

quiz = learner_module(__file__, "quiz")

# name -> (sha256 of "kata06:<name>:<answer>", hint when wrong, explanation when right)
CHOICES = {
    "BACKWARD_COMPUTES": (
        "d405a2c27acc8c86575e45328dfd9cdb0398ee5ea10ce437f4b8d9e39f1993e9",
        "backward() does not change any weight (that is optimizer.step()), and it fills .grad "
        "only for some tensors: which ones did you ask torch to track?",
        "loss.backward() runs the chain rule backwards through the graph that built loss and "
        "computes d loss / d t for every LEAF tensor t created with requires_grad=True (in a "
        "model: the parameters). It adds the result into t.grad. It returns None, and it "
        "changes no weight: updating them is the optimizer's job, W <- W - lr * W.grad.",
    ),
    "WHICH_GET_GRAD": (
        "b274cad403ee2583ed71a3a99923a9042c0e54d6525325a20df2c168e64ca67b",
        "two conditions: the tensor must require grad, and it must be a leaf (created by you, "
        "not computed from other tensors). Which tensors here meet both?",
        "Only the four parameters: they are leaves with requires_grad=True. x is a leaf but "
        "does not require grad (torch.randn(...) has requires_grad=False), so autograd does not "
        "even compute d loss / d x. hidden, out and loss are not leaves: autograd computes "
        "their gradients on the way, uses them, and frees them; call hidden.retain_grad() "
        "before backward() to keep one. The seed notes say backward computes 'dloss/dx for "
        "all the parameters x which have requires_grad': right for parameters, but the rule "
        "is about leaves.",
    ),
    "WHY_ACCUMULATE": (
        "69f4cceb0078f28ac4c0f8b95f573210d3621fe5dd60f2f55d74bb24d0d4d6b0",
        "think of a weight used twice in one expression, f(w) = g(w) + h(w): what does the "
        "chain rule do with the two paths?",
        "When a tensor reaches the loss along several paths, its gradient is the SUM over the "
        "paths, so autograd adds each contribution into .grad. The same adding works across "
        "backward calls: run backward on several small batches and .grad holds the gradient "
        "of their summed loss (gradient accumulation). The price: before every new step you "
        "must zero the gradients (optimizer.zero_grad()), or the old ones leak into the new "
        "step. It is not momentum: momentum lives in the optimizer, with its own buffer.",
    ),
}


def where(name: str) -> str:
    return f"{name} in {display_path(quiz.path)}"


def answer(name: str):
    value = getattr(quiz, name)
    if value is None or (isinstance(value, str) and not value.strip()):
        fail(f"{where(name)} is not answered yet: read the question above it and fill it in")
    return value


@pytest.mark.parametrize("name", list(CHOICES))
def test_choice(name):
    digest, hint, explanation = CHOICES[name]
    value = answer(name)
    check_true(
        isinstance(value, str),
        f'{where(name)} is {value!r}; answer with one letter in quotes, e.g. "a"',
    )
    letter = value.strip().lower()
    check_true(
        letter in ("a", "b", "c", "d"),
        f"{where(name)} is {value!r}; answer with one letter, a to d",
    )
    got = hashlib.sha256(f"kata06:{name}:{letter}".encode()).hexdigest()
    check_true(got == digest, f"{where(name)} = {value!r} is not right", hint)
    print(f"{name} = {letter!r}: {explanation}")


def torch_worked_example() -> list[float]:
    """The quiz's example, run by torch: w.grad after each of two backward calls."""
    w = torch.tensor(3.0, requires_grad=True)
    x = torch.tensor(2.0)
    grads = []
    for _ in range(2):
        loss = (w * x - 1) ** 2
        loss.backward()
        grads.append(w.grad.item())
    return grads


NUMBERS = {
    "W_GRAD_AFTER_ONE_BACKWARD": (
        0,
        "the chain rule: d/dw (w*x - 1)**2 = 2 * (w*x - 1) * x, then put in w = 3 and x = 2",
        "d loss / d w = 2 * (w*x - 1) * x = 2 * (3*2 - 1) * 2 = {first:g}, and .grad started "
        "as None, so after one backward w.grad holds {first:g}.",
    ),
    "W_GRAD_AFTER_TWO_BACKWARDS": (
        1,
        "the second backward computes the same gradient again, and backward never empties "
        ".grad first: what is in w.grad afterwards?",
        "backward ADDS into .grad: the second call computes {first:g} again (w has not changed) "
        "and w.grad becomes {first:g} + {first:g} = {second:g}, twice the gradient. That is "
        "why a training loop calls optimizer.zero_grad() every step; without it, each step "
        "would use the sum of every gradient so far.",
    ),
}


@pytest.mark.parametrize("name", list(NUMBERS))
def test_number(name):
    index, hint, explanation = NUMBERS[name]
    value = answer(name)
    check_true(
        isinstance(value, (int, float)) and not isinstance(value, bool),
        f"{where(name)} is {value!r}; answer with a number, e.g. 1.5",
    )
    first, second = torch_worked_example()
    expected = (first, second)[index]
    check_true(
        abs(value - expected) <= 1e-6 * max(1.0, abs(expected)),
        f"{where(name)} = {value!r} is not what torch leaves in w.grad",
        hint,
    )
    print(f"{name} = {value!r}: " + explanation.format(first=first, second=second))
