"""Checks the kata 07 quiz. Numbers come from torch.optim.SGD; letters are compared by hash."""

import hashlib
import numbers

import torch

from harness import fail, learner_module
from harness.learner import display_path

quiz = learner_module(__file__, "quiz")

SALT = "kata07/"


def answer(name):
    """The learner's answer to ``name``; fails, saying where to answer, while it is still None."""
    __tracebackhide__ = True
    value = getattr(quiz, name)
    if value is None or (isinstance(value, str) and not value.strip()):
        fail(f"{name} is not answered yet: fill it in in {display_path(quiz.path)}")
    return value


def check_number(name, value, expected, explanation):
    __tracebackhide__ = True
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        fail(f"{name} should be a number (like 1.5), got {value!r}")
    # A hand-typed answer: 4 decimals are enough, and every wrong rule misses by far more.
    if abs(float(value) - expected) > 5e-5:
        fail(
            f"{name} = {value!r} is not what torch.optim.SGD gives.\n"
            f"  hint: the step order is: g = grad + weight_decay * w; on the first step the "
            f"buffer b = g (no dampening), later b = momentum * b + (1 - dampening) * g; "
            f"then w = w - lr * b. Weight decay uses the CURRENT w."
        )
    print(f"{name}: right. {explanation}")


def check_choice(name, value, digest, explanation):
    __tracebackhide__ = True
    if not isinstance(value, str):
        fail(f'{name} should be one letter in quotes, like "a", got {value!r}')
    if hashlib.sha256((SALT + value.strip().lower()).encode()).hexdigest() != digest:
        fail(
            f"{name} = {value!r} is not right. Read the question in {display_path(quiz.path)} "
            f"again, and the README of kata 07."
        )
    print(f"{name}: right. {explanation}")


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
    check_number(
        "W_AFTER_ONE_STEP",
        answer("W_AFTER_ONE_STEP"),
        torch_w_after(1),
        "g = 0.5 + 0.1 * 2.0 = 0.7 (weight decay joins the gradient first). The first step has "
        "no buffer yet, so the buffer is g itself: dampening does not apply. "
        "w = 2.0 - 0.1 * 0.7 = 1.93.",
    )


def test_q2_w_after_two_steps():
    check_number(
        "W_AFTER_TWO_STEPS",
        answer("W_AFTER_TWO_STEPS"),
        torch_w_after(2),
        "g = 0.5 + 0.1 * 1.93 = 0.693 (weight decay on the NEW w). "
        "b = 0.9 * 0.7 + (1 - 0.5) * 0.693 = 0.9765. w = 1.93 - 0.1 * 0.9765 = 1.83235.",
    )


def test_q3_what_step_reads():
    check_choice(
        "STEP_READS",
        answer("STEP_READS"),
        # b: p.grad
        "21c504592c5a0e7118974ee06498627bec9c15d86030feaf2f1ce834e33ebdfd",
        "b. step() never sees the loss, the output or the batch: backward() has already turned "
        "them into p.grad for every parameter. step() reads p.grad (plus p itself for weight "
        "decay, and its own momentum buffers). That is why sgd_step takes params and grads, "
        "nothing else.",
    )


def test_q4_what_one_step_is():
    check_choice(
        "STEP_IS",
        answer("STEP_IS"),
        # c: one update of every parameter
        "7efd3a382f35d5fb32b7874b985eceff577b8a415a63c773ae139561dc889d39",
        "c. One step is ONE update, W <- W - lr * dL/dW, for every parameter at once. The "
        "loop around it (shown in torch's docs next to SGD) is the whole training loop, not "
        "part of the optimizer.",
    )


def test_q5_loop_order():
    check_choice(
        "LOOP_ORDER",
        answer("LOOP_ORDER"),
        # d: forward, loss, backward, step, zero_grad
        "e127f6c9bf094b9451e7280ea0da8a5322724ed40aa729f302fedab6f8be875b",
        "d. The forward pass gives the output, the loss compares it with the target, backward "
        "fills p.grad, step updates the parameters from p.grad, and zero_grad clears p.grad "
        "so the next backward does not add onto this batch's gradients (zero_grad at the top "
        "of the loop, before forward, is the same thing).",
    )
