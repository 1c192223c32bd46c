"""Kata 06 quiz: checked without giving the answers away.

Choice answers are compared through a salted hash; number answers against torch, run here.
When an answer is right, its explanation is printed (see them with: pytest katas/06 -rP).
"""

import pytest
import torch

from harness import Quiz

quiz = Quiz(__file__)

# name -> (harness.quiz.digest of the right letter, hint when wrong, explanation when right)
CHOICES = {
    "BACKWARD_COMPUTES": (
        "b41e131cc2a15f442ef3057bed06be45fdbad475aba6b0300b1901045f87a2bb",
        "backward() does not change any weight (that is optimizer.step()), and it fills .grad "
        "only for some tensors: which ones did you ask torch to track?",
        "loss.backward() runs the chain rule backwards through the graph that built loss and "
        "computes d loss / d t for every LEAF tensor t created with requires_grad=True (in a "
        "model: the parameters). It adds the result into t.grad. It returns None, and it "
        "changes no weight: updating them is the optimizer's job, W <- W - lr * W.grad.",
    ),
    "WHICH_GET_GRAD": (
        "84d5e008d1fdbc69710258a4f9cf94d5f8216876c46ea149903a2249f422b312",
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
        "da1df47bc93cd9911e25bac14b201e1c529c376b3f0d1120868a37c9191892a7",
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


@pytest.mark.parametrize("name", list(CHOICES))
def test_choice(name):
    stored_digest, hint, explanation = CHOICES[name]
    quiz.check_choice(name, stored_digest, hint, explanation)


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
    first, second = torch_worked_example()
    quiz.check_number(
        name,
        (first, second)[index],
        hint,
        explanation.format(first=first, second=second),
        rtol=1e-6,
        atol=1e-6,
    )
