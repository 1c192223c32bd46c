"""Quiz 03 checks: numbers come from torch autograd, choices are compared through a salted hash.

Run `pytest katas/03/test_quiz.py -rP` to read the explanation of every answer that passes.
"""

import pytest
import torch

from harness import Quiz

quiz = Quiz(__file__)

# A learner types rounded numbers: 3 significant digits are within 0.5% of the truth, so 1%
# accepts them, while the notes' guesses (0.8 for 0.997, 0.4 for 0.536) are far outside.
QUIZ_RTOL = 1e-2


def seed_chain():
    """Torch's h_1, h_2 and dh_2/dx for x = 10 -> 0.3x + 0.3 -> tanh -> 0.3h + 0.3 -> tanh."""
    x = torch.tensor(10.0, dtype=torch.float64, requires_grad=True)
    h1 = torch.tanh(0.3 * x + 0.3)
    h2 = torch.tanh(0.3 * h1 + 0.3)
    h2.backward()
    return {"H_1": h1.item(), "H_2": h2.item(), "DH2_DX": x.grad.item()}


# name: (hint when wrong, explanation shown once it passes)
NUMBERS = {
    # the first tanh's output h_1 = tanh(3.3)
    "H_1": (
        "compute tanh(0.3 * 10 + 0.3) with math.tanh; the notes' 0.8 is a rounded guess",
        "h_1 = tanh(3.3) ≈ 0.9973, not 0.8: 3.3 is far out on tanh's flat tail, where tanh is "
        "almost exactly 1. The notes' 0.8 was a guess.",
    ),
    # the second tanh's output h_2
    "H_2": (
        "a_2 = 0.3 * h_1 + 0.3 with the true h_1, then tanh; the notes' 0.4 is a guess",
        "a_2 = 0.3 * 0.9973 + 0.3 ≈ 0.599 (the notes say 0.54) and h_2 = tanh(0.599) ≈ 0.536 "
        "(the notes say 0.4).",
    ),
    # dh_2/dx at x = 10
    "DH2_DX": (
        "multiply tanh'(a_2) * 0.3 * tanh'(a_1) * 0.3, with tanh'(a) = 1 - tanh(a)**2 "
        "evaluated at the pre-activations a_1 = 3.3 and a_2, not at the outputs",
        "dh_2/dx = tanh'(a_2) * 0.3 * tanh'(a_1) * 0.3 ≈ 0.712 * 0.3 * 0.00543 * 0.3 ≈ 3.5e-4. "
        "The second layer and both weights only cost a factor of about 0.064; tanh'(3.3) ≈ 0.0054 "
        "costs the rest.",
    ),
}


@pytest.mark.parametrize("name", list(NUMBERS))
def test_numbers_of_the_seed_chain(name):
    hint, explanation = NUMBERS[name]
    quiz.check_number(name, seed_chain()[name], hint, explanation, rtol=QUIZ_RTOL)


# name: (harness.quiz.digest of the right letter, hint when wrong, explanation once it passes)
CHOICES = {
    # why is dh_2/dx so small?
    "WHY_SO_SMALL": (
        "8b30f9b4be0d67c15cd561f815c8f3c9cd172e0d0fc4255a43e54a0572b17a8e",
        "write out the factors tanh'(a_1), w_1, tanh'(a_2), w_2 one by one: which one is tiny?",
        "Saturation. a_1 = 3.3 lies on tanh's flat tail: tanh'(3.3) = 1 - tanh(3.3)**2 ≈ 0.0054. "
        "The weights only give 0.3 * 0.3 = 0.09, and tanh'(a_2) ≈ 0.71 costs a little more; the "
        "saturated unit is what kills the gradient. A large x is not the problem by itself: "
        "with relu the same chain has dh_2/dx = 0.09. And tanh' is not 'about 0.8': it is 1 at "
        "0 and falls towards 0 as |a| grows.",
    ),
    # which activation's gradient dies fastest with depth, and why?
    "FASTEST_TO_VANISH": (
        "a504b6bb5416d1d4e478a0ca7e69f0a91b30c268c358e73ee618e3d4e31161ca",
        "run `python katas/03/vanishing.py` and compare the columns; what is the largest value "
        "each activation's derivative can take?",
        "Sigmoid. sigmoid'(a) = s * (1 - s) is at most 0.25 (at a = 0), so every layer multiplies "
        "the gradient by at most 0.25 * |w_k|: 12 layers of w = 1 leave about 1e-8. tanh' is "
        "at most 1 (also at a = 0) but below 1 elsewhere, so tanh's gradient shrinks more "
        "slowly (about 5e-3 after 12 layers here). relu' is exactly 1 for a > 0, so through "
        "active units the gradient survives unchanged.",
    ),
    # what is dh_n/dx when one relu pre-activation is negative?
    "RELU_NEGATIVE_PREACTIVATION": (
        "55fe5ba0d213a8489fdcda9b31911ca68358841a4d117818f1db0ac1b47433fd",
        "what is relu'(a) for a < 0, and what does one zero factor do to a product?",
        "Exactly 0. relu zeroes negative PRE-ACTIVATIONS a_k = w_k*h_{k-1} + b_k (it never "
        "touches the weights: the notes' 'removes negative weights' is wrong). Its derivative "
        "there is 0, so one factor of the product is 0 and no gradient reaches x through that "
        "unit. This is relu's price: a unit whose pre-activation is negative for every input "
        "is dead and stops learning.",
    ),
}


@pytest.mark.parametrize("name", list(CHOICES))
def test_choices(name):
    stored_digest, hint, explanation = CHOICES[name]
    quiz.check_choice(name, stored_digest, hint, explanation)
