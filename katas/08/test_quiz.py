"""Checks kata 08's quiz (katas/08/quiz.py) without giving the answers away.

Choice answers are compared through a salted hash; numbers are computed by torch right here.
A right answer prints its explanation: run `pytest katas/08 -rP` to read them.
"""

import numpy as np
import torch

from harness import Quiz, check_true

quiz = Quiz(__file__)

CHOICE_HINT = "re-read the question in kata 08's quiz.py and the kata's README, then try again"


# --- Question 1: why zero_grad ---------------------------------------------------------------

ZERO_GRAD_WHY_HASH = "5fe9a94bd9de29977706a588138ea80ec8d5ad4655a38e0efdba06d30764991a"
ZERO_GRAD_WHY_EXPLANATION = (
    "backward() does p.grad += dL/dp, never p.grad = dL/dp. That is what makes a parameter used "
    "twice in one graph get both contributions, and what lets you accumulate gradients over "
    "several small batches on purpose. The price: every step must clear .grad first, or step() "
    "follows the sum of all the gradients seen so far. zero_grad() touches .grad only: not the "
    "weights, not the graph (backward() already freed it), not the learning rate."
)


def test_why_zero_grad():
    quiz.check_choice("ZERO_GRAD_WHY", ZERO_GRAD_WHY_HASH, CHOICE_HINT, ZERO_GRAD_WHY_EXPLANATION)


# --- Question 2: two steps without zero_grad --------------------------------------------------

W_EXPLANATION = (
    "step 1: grad = 2w = 4, w = 2 - 0.1*4 = 1.6. Step 2: backward adds 2*1.6 = 3.2 to the 4 "
    "already there, so step() sees 7.2 and w = 1.6 - 0.72 = 0.88. With zero_grad it would see "
    "3.2 and land on 1.28: the stale gradient pushed w almost twice as far."
)


def test_two_steps_without_zero_grad():
    w = torch.tensor(2.0, dtype=torch.float64, requires_grad=True)
    opt = torch.optim.SGD([w], lr=0.1)
    for _ in range(2):
        loss = w**2
        loss.backward()
        opt.step()
    # rtol 1e-6, not float64's 1e-10, so that a value pasted from a float32 torch run counts.
    quiz.check_number(
        "W_AFTER_TWO_STEPS_WITHOUT_ZERO_GRAD",
        w.item(),
        "w0 = 2.0, lr = 0.1, two steps, no zero_grad: the second backward() ADDS 2*w to the "
        "gradient the first one left in w.grad",
        W_EXPLANATION,
        rtol=1e-6,
        atol=1e-6,
    )


# --- Question 3: what step() reads ------------------------------------------------------------

STEP_READS_HASH = "231b144a86a838c98bcf60baf5f233d13cbfff67fa70805d5fdf4bd8af1fa261"
STEP_READS_EXPLANATION = (
    "the optimizer was given the parameters, never the loss or the model. step() walks its "
    "parameters and updates each from p.grad (and its own state: momentum buffers, Adam's "
    "averages). It does not call backward(): if .grad is None, that parameter is skipped. "
    "So backward() must come before step(), and nothing may clear .grad in between."
)


def test_what_step_reads():
    quiz.check_choice("STEP_READS", STEP_READS_HASH, CHOICE_HINT, STEP_READS_EXPLANATION)


# --- Question 4: a step from a hand-made gradient ---------------------------------------------

P_EXPLANATION = (
    "p - lr * p.grad = [1 - 0.1*10, 2 - 0.1*(-10)] = [0, 3]. No loss and no backward() were "
    "needed: step() only reads .grad, wherever it came from."
)


def test_step_from_hand_made_gradient():
    value = quiz.answer("P_AFTER_HAND_MADE_GRAD")
    p = torch.tensor([1.0, 2.0], dtype=torch.float64, requires_grad=True)
    opt = torch.optim.SGD([p], lr=0.1)
    p.grad = torch.tensor([10.0, -10.0], dtype=torch.float64)
    opt.step()
    check_true(
        isinstance(value, (list, tuple))
        and len(value) == 2
        and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value),
        f"P_AFTER_HAND_MADE_GRAD = {value!r}: answer with a list of two numbers, e.g. [1.5, -2.0]",
    )
    # rtol 1e-6: a value pasted from a float32 torch run counts as right.
    got = np.asarray(value, dtype=np.float64)
    if not np.allclose(got, p.detach().numpy(), rtol=1e-6, atol=1e-6):
        quiz.wrong(
            "P_AFTER_HAND_MADE_GRAD",
            value,
            "p = [1.0, 2.0], p.grad = [10.0, -10.0], lr = 0.1: plain SGD is "
            "p <- p - lr * p.grad, element by element",
        )
    quiz.right("P_AFTER_HAND_MADE_GRAD", value, P_EXPLANATION)


# --- Question 5: torch.no_grad ----------------------------------------------------------------

NO_GRAD_FOR_HASH = "1840525f379e548133e808f5d3a420ddcd8cbfb61b68f2888f575bbd8bad7bf8"
NO_GRAD_FOR_EXPLANATION = (
    "inside no_grad, operations still compute their values but record no graph. Use it to "
    "evaluate (nothing will call backward(), so keeping the graph only costs memory) and to "
    "update parameters by hand (w -= lr * w.grad must not become a node that the next "
    "backward() differentiates through; torch refuses it on a leaf outside no_grad). It does "
    "not zero or freeze anything: for that there are zero_grad() and requires_grad_(False)."
)


def test_what_no_grad_is_for():
    quiz.check_choice("NO_GRAD_FOR", NO_GRAD_FOR_HASH, CHOICE_HINT, NO_GRAD_FOR_EXPLANATION)


# --- Question 6: requires_grad under no_grad --------------------------------------------------

REQUIRES_GRAD_EXPLANATION = (
    "no graph was recorded, so y is a plain tensor with no grad_fn: y.requires_grad is False "
    "even though w requires grad."
)


def test_requires_grad_under_no_grad():
    value = quiz.answer("REQUIRES_GRAD_UNDER_NO_GRAD")
    w = torch.tensor(3.0, requires_grad=True)
    with torch.no_grad():
        y = w * 2
    check_true(
        isinstance(value, bool),
        f"REQUIRES_GRAD_UNDER_NO_GRAD = {value!r}: answer True or False",
    )
    if value != y.requires_grad:
        quiz.wrong(
            "REQUIRES_GRAD_UNDER_NO_GRAD",
            value,
            "what does no_grad stop torch from recording, and what does requires_grad say about "
            "a result?",
        )
    quiz.right("REQUIRES_GRAD_UNDER_NO_GRAD", value, REQUIRES_GRAD_EXPLANATION)
