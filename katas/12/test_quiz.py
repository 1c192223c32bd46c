"""Kata 12 quiz, checked against torch without giving the answers away.

Each question is declared once below: its name in katas/12/quiz.py, the hint for a wrong answer,
and for a number its precision and how torch computes it. Run `pytest katas/12 -rP` to read the
explanation of every answer that passes: it is sealed in quiz_sealed.json and only the right
answer opens it.
"""

import pytest
import torch
from torch.optim.adam import adam as torch_adam

from harness.digits import load_digits, train_test_split
from harness.quiz import WHOLE, Choice, Number, Quiz

PIXELS, HIDDEN, CLASSES = 64, 64, 10
EPOCHS, BATCH = 20, 32


def parameter_count():
    first = torch.nn.Linear(PIXELS, HIDDEN)
    second = torch.nn.Linear(HIDDEN, CLASSES)
    counts = [sum(p.numel() for p in layer.parameters()) for layer in (first, second)]
    return {
        "answer": sum(counts), "first": counts[0], "second": counts[1],
        "pixels": PIXELS, "hidden": HIDDEN, "classes": CLASSES,
    }  # fmt: skip


def adam_steps():
    _, y_train, _, _ = train_test_split(*load_digits())
    batches = torch.arange(len(y_train)).split(BATCH)  # an epoch's batches, in order
    return {
        "answer": EPOCHS * len(batches), "images": len(y_train), "per_epoch": len(batches),
        "full": len(batches) - 1, "batch": BATCH, "last": len(batches[-1]), "epochs": EPOCHS,
    }  # fmt: skip


def first_adam_update(grad, lr=1e-2):
    """How far torch's Adam moves a weight of 0 on its first step with this gradient."""
    weight = torch.zeros(1, dtype=torch.float64)
    state = [torch.zeros(1, dtype=torch.float64) for _ in range(2)]
    torch_adam(
        [weight], [torch.tensor([grad], dtype=torch.float64)], state[:1], state[1:], [],
        [torch.tensor(0.0)], foreach=False, amsgrad=False, maximize=False, beta1=0.9,
        beta2=0.999, lr=lr, weight_decay=0.0, eps=1e-8,
    )  # fmt: skip
    return -weight.item()


def undivided_first_step():
    grad = 0.004  # a typical size for one weight's gradient of the batch's mean loss
    return {
        "scale": BATCH, "grad": grad,
        "right": first_adam_update(grad), "scaled": first_adam_update(BATCH * grad),
    }  # fmt: skip


def labels_shuffled_apart():
    _, y_train, _, _ = train_test_split(*load_digits())
    classes = len(torch.unique(torch.as_tensor(y_train)))
    return {"classes": classes, "chance": 1 / classes}


quiz = Quiz(
    __file__,
    [
        Number(
            "PARAMETER_COUNT",
            "each layer has a weight for every (output, input) pair and a bias for every "
            "output: W1 is (hidden, 64), W2 is (10, hidden)",
            WHOLE,
            parameter_count,
        ),
        Number(
            "ADAM_STEPS",
            "one adam_step per batch; an epoch has as many batches as 1438 / 32 rounded UP, "
            "the last batch holding what is left",
            WHOLE,
            adam_steps,
        ),
        Choice(
            "UNDIVIDED_FIRST_STEP",
            "write Adam's first step out: m = (1 - beta1) g and v = (1 - beta2) g² before bias "
            "correction; what happens to m̂ / sqrt(v̂) when g is multiplied by 32?",
            undivided_first_step,
        ),
        Choice(
            "LABELS_SHUFFLED_APART",
            "after two separate shuffles, does an image still carry its own label? What can a "
            "network learn from images with random labels?",
            labels_shuffled_apart,
        ),
    ],
)


@pytest.mark.parametrize("name", quiz.names)
def test_quiz(name):
    quiz.check(name)
