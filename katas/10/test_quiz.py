"""Kata 10 quiz, checked against torch's Adam without giving the answers away.

Each question is declared once below: its name in katas/10/quiz.py, the hint for a wrong answer,
and for a number its precision and how torch computes it. Run `pytest katas/10 -rP` to read the
explanation of every answer that passes: it is sealed in quiz_sealed.json and only the right
answer opens it. torch's update is run in its functional form, torch.optim.adam.adam, which is
what torch.optim.Adam.step() and torch.optim.AdamW.step() run on a CPU (tests/test_optim_oracle.py
proves it), without the seconds that building an optimizer costs.
"""

import pytest
import torch
from torch.optim.adam import adam as torch_functional_adam

from harness.quiz import Choice, Number, Quiz, decimals

F64 = torch.float64


def adam_run(w0, grads, *, lr, weight_decay=0.0, decoupled=False, betas=(0.9, 0.999), eps=1e-8):
    """torch's Adam (AdamW with decoupled=True) on one parameter; w and m, v after each step."""
    w = torch.tensor(w0, dtype=F64)
    m, v, step = torch.zeros_like(w), torch.zeros_like(w), torch.tensor(0.0)
    trail = []
    for grad in grads:
        torch_functional_adam(
            [w], [torch.tensor(grad, dtype=F64)], [m], [v], [], [step],
            foreach=False, decoupled_weight_decay=decoupled, amsgrad=False,
            beta1=betas[0], beta2=betas[1], lr=lr, weight_decay=weight_decay, eps=eps,
            maximize=False,
        )  # fmt: skip
        trail.append({"w": w.item(), "m": m.item(), "v": v.item()})
    return trail


def first_step():
    (after,) = adam_run(2.0, [0.4], lr=0.1)
    c1, c2 = 1 - 0.9, 1 - 0.999
    m_hat, v_hat = after["m"] / c1, after["v"] / c2
    return {
        **after,
        "answer": after["w"],
        "c1": c1,
        "c2": c2,
        "m_hat": m_hat,
        "v_hat": v_hat,
        "step": 2.0 - after["w"],
    }


def without_bias_correction():
    """torch's moments after one step, and the step they make uncorrected."""
    (after,) = adam_run(2.0, [0.4], lr=0.1)
    m, v = torch.tensor(after["m"], dtype=F64), torch.tensor(after["v"], dtype=F64)
    step = (0.1 * m / (v.sqrt() + 1e-8)).item()
    return {
        "answer": 2.0 - step,
        "m": after["m"],
        "sqrt_v": v.sqrt().item(),
        "step": step,
        "c1": 1 - 0.9,
        "sqrt_c2": (1 - 0.999) ** 0.5,
        "ratio": step / 0.1,
    }


def flat_loss(decoupled):
    def facts():
        (after,) = adam_run(3.0, [0.0], lr=0.01, weight_decay=0.05, decoupled=decoupled)
        factor = 1 - 0.01 * 0.05
        return {
            "answer": after["w"],
            "w0": 3.0,
            "g": 0.05 * 3.0,
            "factor": factor,
            "decay": 3.0 - 3.0 * factor,
            "step": 3.0 * factor - after["w"],
        }

    return facts


def decay_share(grad, decoupled):
    """How much weight decay moves w over ten steps of gradients alternating +grad, -grad."""
    grads, kwargs = [grad, -grad] * 5, dict(lr=0.01, decoupled=decoupled)
    with_decay = adam_run(3.0, grads, weight_decay=0.05, **kwargs)[-1]["w"]
    without = adam_run(3.0, grads, **kwargs)[-1]["w"]
    return without - with_decay


def why_decouple():
    small, large = 0.01, 100.0
    return {
        "small": small,
        "large": large,
        "adam_small": decay_share(small, False),
        "adam_large": decay_share(large, False),
        "adamw": decay_share(large, True),
    }


def twenty_steps():
    big = adam_run(0.0, [1000.0] * 20, lr=0.01)[-1]["w"]
    tiny = 1e-3
    return {"answer": big, "tiny": tiny, "tiny_end": adam_run(0.0, [tiny] * 20, lr=0.01)[-1]["w"]}


def loss_scaled():
    """Five steps of one run's gradients, as they are and multiplied by 1000."""
    grads = torch.linspace(0.5, -0.3, 5, dtype=F64).tolist()
    steps = {}
    for scale in (1, 1000):
        ws = [0.0] + [s["w"] for s in adam_run(0.0, [g * scale for g in grads], lr=0.01)]
        steps[f"step_{scale}"] = max(abs(b - a) for a, b in zip(ws, ws[1:], strict=False))
    return steps


quiz = Quiz(
    __file__,
    [
        Number(
            "W_AFTER_FIRST_STEP",
            "one step: m = (1 - beta1) * g, v = (1 - beta2) * g**2, then divide them by "
            "1 - beta1**1 and 1 - beta2**1 before p -= lr * m_hat / (sqrt(v_hat) + eps)",
            decimals(4),
            first_step,
        ),
        Number(
            "W_WITHOUT_BIAS_CORRECTION",
            "m = (1 - beta1) * g and v = (1 - beta2) * g**2 after one step; use them as they "
            "are: w - lr * m / (sqrt(v) + eps)",
            decimals(4),
            without_bias_correction,
        ),
        Number(
            "W_ADAM_L2_FLAT_LOSS",
            "Adam adds weight_decay * w to the gradient; then what is m_hat / sqrt(v_hat) on "
            "the first step, for any nonzero g?",
            decimals(4),
            flat_loss(decoupled=False),
        ),
        Number(
            "W_ADAMW_FLAT_LOSS",
            "AdamW multiplies w by 1 - lr * weight_decay, and the moments see the gradient "
            "alone, which is zero here",
            decimals(4),
            flat_loss(decoupled=True),
        ),
        Choice(
            "WHY_DECOUPLE",
            "follow Adam's L2 term through the update: what is it divided by, and how large is "
            "that for a weight whose gradients are large?",
            why_decouple,
        ),
        Number(
            "W_AFTER_TWENTY_STEPS",
            "with the same gradient at every step, what are m_hat and v_hat after the bias "
            "correction, and so how far does each step move w?",
            decimals(3),
            twenty_steps,
        ),
        Choice(
            "LOSS_SCALED",
            "scale g by 1000 in m = beta1 * m + (1 - beta1) * g and in v: how does m / sqrt(v) "
            "change?",
            loss_scaled,
        ),
    ],
)


@pytest.mark.parametrize("name", quiz.names)
def test_quiz(name):
    quiz.check(name)
