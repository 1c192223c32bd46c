"""Kata 09 quiz, checked against torch without giving the answers away.

Each question is declared once below: its name in katas/09/quiz.py, the hint for a wrong answer,
and for a number its precision and how torch computes it. Run `pytest katas/09 -rP` to read the
explanation of every answer that passes: it is sealed in quiz_sealed.json and only the right
answer opens it.
"""

import pytest
import torch
import torch.nn.functional as F

from harness.quiz import Choice, Number, Quiz, decimals

F64 = torch.float64


def right_logit_gradient():
    """Q1 and Q2: autograd through F.cross_entropy for the question's batch of two."""
    logits = torch.tensor([[2.0, 1.0, 0.1], [0.5, 0.5, 0.5]], dtype=F64, requires_grad=True)
    F.cross_entropy(logits, torch.tensor([0, 2])).backward()
    p = torch.softmax(logits[0].detach(), dim=0).tolist()
    one = logits[0].detach().clone().requires_grad_()
    F.cross_entropy(one, torch.tensor(0)).backward()
    g = one.grad.tolist()
    return {
        "answer": logits.grad[0, 0].item(),
        "row_sum": round(logits.grad[0].sum().item(), 12) + 0.0,  # no "-0"
        **{f"p{i}": v for i, v in enumerate(p)},
        **{f"g{i}": v for i, v in enumerate(g)},
    }


def shifted_softmax():
    shifted = torch.softmax(torch.tensor([1000.0, 999.0], dtype=F64), dim=0).tolist()
    naive = torch.exp(torch.tensor(1000.0, dtype=F64)).item()
    return {"shifted0": shifted[0], "shifted1": shifted[1], "naive": naive}


def equal_logits_loss():
    logits = torch.zeros(4, 10, dtype=F64)
    return {"answer": F.cross_entropy(logits, torch.tensor([0, 3, 7, 9])).item()}


def two_class_softmax():
    z = torch.tensor([0.3, 1.7], dtype=F64)
    return {
        "z0": z[0].item(),
        "z1": z[1].item(),
        "softmax1": torch.softmax(z, dim=0)[1].item(),
        "sigmoid": torch.sigmoid(z[1] - z[0]).item(),
    }


quiz = Quiz(
    __file__,
    [
        Number(
            "GRAD_OF_THE_RIGHT_LOGIT",
            "the gradient of example 0's loss is softmax(its logits) minus its one-hot target; "
            "what does the mean over N = 2 examples do to it?",
            decimals(4),
            right_logit_gradient,
        ),
        Choice(
            "WHY_SOFTMAX_MINUS_ONE_HOT",
            "write -log softmax(z)[t] as -z[t] + log(sum_k exp(z[k])) and differentiate each "
            "term with respect to z[j]",
            right_logit_gradient,
        ),
        Choice(
            "WHY_SUBTRACT_THE_MAX",
            "compare softmax([1000, 999]) with softmax([1, 0]): what does the shift change, and "
            "what does it avoid?",
            shifted_softmax,
        ),
        Number(
            "LOSS_AT_EQUAL_LOGITS",
            "equal logits give every class the same probability; what is -log of it? (the "
            "natural log)",
            decimals(4),
            equal_logits_loss,
        ),
        Choice(
            "TWO_CLASS_SOFTMAX",
            "divide the numerator and the denominator of exp(z1) / (exp(z0) + exp(z1)) by exp(z1)",
            two_class_softmax,
        ),
    ],
)


@pytest.mark.parametrize("name", quiz.names)
def test_quiz(name):
    quiz.check(name)
