"""Checks the kata 07 quiz. Numbers come from torch.optim.SGD; letters are compared by hash."""

import torch

from harness import Quiz

quiz = Quiz(__file__)

# A hand-typed answer: 4 decimals are enough, and every wrong rule misses by far more.
NUMBER_ATOL = 5e-5
NUMBER_HINT = (
    "the step order is: g = grad + weight_decay * w; on the first step the buffer b = g "
    "(no dampening), later b = momentum * b + (1 - dampening) * g; then w = w - lr * b. "
    "Weight decay uses the CURRENT w."
)
CHOICE_HINT = "read the question in kata 07's quiz.py again, and the README of kata 07"


def torch_w_after(steps):
    """w after ``steps`` steps of the quiz's optimizer, each with w.grad = 0.5."""
    w = torch.tensor(2.0, dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=0.1, momentum=0.9, dampening=0.5, weight_decay=0.1)
    for _ in range(steps):
        optimizer.zero_grad()
        w.grad = torch.tensor(0.5, dtype=torch.float64)
        optimizer.step()
    return w.item()


def test_q1_w_after_one_step():
    quiz.check_number(
        "W_AFTER_ONE_STEP",
        torch_w_after(1),
        NUMBER_HINT,
        "g = 0.5 + 0.1 * 2.0 = 0.7 (weight decay joins the gradient first). The first step has "
        "no buffer yet, so the buffer is g itself: dampening does not apply. "
        "w = 2.0 - 0.1 * 0.7 = 1.93.",
        atol=NUMBER_ATOL,
    )


def test_q2_w_after_two_steps():
    quiz.check_number(
        "W_AFTER_TWO_STEPS",
        torch_w_after(2),
        NUMBER_HINT,
        "g = 0.5 + 0.1 * 1.93 = 0.693 (weight decay on the NEW w). "
        "b = 0.9 * 0.7 + (1 - 0.5) * 0.693 = 0.9765. w = 1.93 - 0.1 * 0.9765 = 1.83235.",
        atol=NUMBER_ATOL,
    )


def test_q3_what_step_reads():
    quiz.check_choice(
        "STEP_READS",
        "97b55be9b3e1d86e1fe3eb09187c9421dcb79458d8222b1d5b3e6ef155616a85",
        CHOICE_HINT,
        "step() never sees the loss, the output or the batch: backward() has already turned "
        "them into p.grad for every parameter. step() reads p.grad (plus p itself for weight "
        "decay, and its own momentum buffers). That is why sgd_step takes params and grads, "
        "nothing else.",
    )


def test_q4_what_one_step_is():
    quiz.check_choice(
        "STEP_IS",
        "19dcc2933600dc84669dee28550eecc50f31de80d4e0c2834f9926cfc4cc57c7",
        CHOICE_HINT,
        "One step is ONE update, W <- W - lr * dL/dW, for every parameter at once. The "
        "loop around it (shown in torch's docs next to SGD) is the whole training loop, not "
        "part of the optimizer.",
    )


def test_q5_loop_order():
    quiz.check_choice(
        "LOOP_ORDER",
        "f3ae71df5ee4aff421d7fd18d92894345a605268980a03783183ec5ca688a25f",
        CHOICE_HINT,
        "The forward pass gives the output, the loss compares it with the target, backward "
        "fills p.grad, step updates the parameters from p.grad, and zero_grad clears p.grad "
        "so the next backward does not add onto this batch's gradients (zero_grad at the top "
        "of the loop, before forward, is the same thing).",
    )
