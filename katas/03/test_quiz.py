"""Kata 03 quiz, checked against torch without giving the answers away.

Each question is declared once below: its name in katas/03/quiz.py, the hint for a wrong answer,
and for a number its precision and how torch computes it. Run `pytest katas/03 -rP` to read the
explanation of every answer that passes: it is sealed in quiz_sealed.json and only the right
answer opens it.
"""

import pytest
import torch

from harness.quiz import Choice, Number, Quiz, significant


def seed_chain():
    """Torch's numbers for x = 10 -> 0.3x + 0.3 -> tanh -> 0.3h + 0.3 -> tanh."""
    x = torch.tensor(10.0, dtype=torch.float64, requires_grad=True)
    a1 = 0.3 * x + 0.3
    h1 = torch.tanh(a1)
    a2 = 0.3 * h1 + 0.3
    h2 = torch.tanh(a2)
    for node in (a1, a2):
        node.retain_grad()
    h2.backward()
    return {
        "a1": a1.item(),
        "a2": a2.item(),
        "H_1": h1.item(),
        "H_2": h2.item(),
        "DH2_DX": x.grad.item(),
        "tanh_grad_a1": 1 - h1.item() ** 2,
        "tanh_grad_a2": a2.grad.item(),  # dh_2/da_2 = tanh'(a_2)
        "weights": 0.3 * 0.3,
        "healthy": 0.3 * 0.3 * a2.grad.item(),
    }


def seed_number(name):
    def facts():
        chain = seed_chain()
        return {**chain, "answer": chain[name]}

    return facts


# The chain Q5 states, which is also depth_table's in vanishing.py (tests/test_quizzes.py checks
# that the three agree).
LESSON_CHAIN = {"depth": 12, "x": 0.5, "w": 1.0, "b": 0.1}


def deep_chain_gradients():
    """|dh_depth/dx| for the chain of vanishing.py's demo, with sigmoid and with tanh."""
    depth, x, w, b = (LESSON_CHAIN[k] for k in ("depth", "x", "w", "b"))
    result = {"depth": depth, "x": x}
    for activation in (torch.sigmoid, torch.tanh):
        leaf = torch.tensor(x, dtype=torch.float64, requires_grad=True)
        h = leaf
        for _ in range(depth):
            h = activation(w * h + b)
        h.backward()
        result[activation.__name__] = abs(leaf.grad.item())
    return result


def relu_chain_with_a_negative_preactivation():
    """Q6's chain: x = 2.0, (w, b) = (1.5, 0.1), (-0.5, 0.2), (2.0, 0.3), relu after each."""
    x = torch.tensor(2.0, dtype=torch.float64, requires_grad=True)
    a1 = 1.5 * x + 0.1
    h1 = torch.relu(a1)
    a2 = -0.5 * h1 + 0.2  # the negative pre-activation
    h3 = torch.relu(2.0 * torch.relu(a2) + 0.3)
    h3.backward()
    # abs: torch's zero may be -0.0
    return {"answer": abs(x.grad.item()), "a1": a1.item(), "h1": h1.item(), "a2": a2.item()}


quiz = Quiz(
    __file__,
    [
        Number(
            "H_1",
            "compute tanh(0.3 * 10 + 0.3) with math.tanh; the notes' 0.8 is a rounded guess",
            significant(5),
            seed_number("H_1"),
        ),
        Number(
            "H_2",
            "a_2 = 0.3 * h_1 + 0.3 with the true h_1, then tanh; the notes' 0.4 is a guess",
            significant(5),
            seed_number("H_2"),
        ),
        Number(
            "DH2_DX",
            "multiply tanh'(a_2) * 0.3 * tanh'(a_1) * 0.3, with tanh'(a) = 1 - tanh(a)**2 "
            "evaluated at the pre-activations a_1 = 3.3 and a_2, not at the outputs",
            significant(4),
            seed_number("DH2_DX"),
        ),
        Choice(
            "WHY_SO_SMALL",
            "write out the factors tanh'(a_1), w_1, tanh'(a_2), w_2 one by one: which one is tiny?",
            seed_chain,
        ),
        Choice(
            "FASTEST_TO_VANISH",
            "run `python katas/03/vanishing.py` and compare the columns; what is the largest value "
            "each activation's derivative can take?",
            deep_chain_gradients,
        ),
        Choice(
            "RELU_NEGATIVE_PREACTIVATION",
            "what is relu'(a) for a < 0, and what does one zero factor do to a product?",
            relu_chain_with_a_negative_preactivation,
        ),
    ],
)


@pytest.mark.parametrize("name", quiz.names)
def test_quiz(name):
    quiz.check(name)
