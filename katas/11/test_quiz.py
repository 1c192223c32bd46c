"""Kata 11 quiz, checked against torch.nn.init and torch.nn.functional without giving the answers
away.

Each question is declared once below: its name in katas/11/quiz.py, the hint for a wrong answer,
and for a number its precision and how torch computes it. Run `pytest katas/11 -rP` to read the
explanation of every answer that passes: it is sealed in quiz_sealed.json and only the right
answer opens it.
"""

import math

import pytest
import torch
import torch.nn.functional as F

from harness.quiz import WHOLE, Choice, Number, Quiz, decimals, significant

F64 = torch.float64


def xavier_tanh_bound():
    weight = torch.empty(100, 300, dtype=F64)
    fan_in, fan_out = torch.nn.init._calculate_fan_in_and_fan_out(weight)
    gain = torch.nn.init.calculate_gain("tanh")
    with torch.random.fork_rng():
        torch.manual_seed(0)
        torch.nn.init.xavier_uniform_(weight, gain=gain)
    bound = gain * math.sqrt(6.0 / (fan_in + fan_out))
    largest = weight.abs().max().item()
    assert largest <= bound, "torch's draw lies outside the bound the explanation states"
    return {"answer": bound, "gain": gain, "fan_in": fan_in, "fan_out": fan_out, "largest": largest}


def kaiming_leaky_std():
    weight = torch.empty(64, 512, dtype=F64)
    fan_in, _ = torch.nn.init._calculate_fan_in_and_fan_out(weight)
    gain = torch.nn.init.calculate_gain("leaky_relu", 0.2)
    with torch.random.fork_rng():
        torch.manual_seed(0)
        torch.nn.init.kaiming_normal_(weight, a=0.2, nonlinearity="leaky_relu")
    std = gain / math.sqrt(fan_in)
    return {"answer": std, "gain": gain, "fan_in": fan_in, "measured": weight.std().item()}


def running_var_after_one_batch():
    x = torch.tensor([[1.0], [2.0], [3.0], [4.0]], dtype=F64)
    mean, var = torch.zeros(1, dtype=F64), torch.ones(1, dtype=F64)
    momentum = 0.1
    F.batch_norm(x, mean, var, training=True, momentum=momentum)
    return {
        "momentum": momentum,
        "keep": 1 - momentum,
        "answer": var.item(),
        "biased": x.var(unbiased=False).item(),
        "unbiased": x.var(unbiased=True).item(),
    }


def bias_grad_before_batchnorm():
    generator = torch.Generator().manual_seed(0)
    x = torch.randn(16, 5, dtype=F64, generator=generator)
    W = torch.randn(3, 5, dtype=F64, generator=generator)
    b = torch.randn(3, dtype=F64, generator=generator, requires_grad=True)
    y = F.batch_norm(x @ W.T + b, None, None, training=True)
    target = torch.randn(16, 3, dtype=F64, generator=generator)
    ((y - target) ** 2 * torch.arange(1.0, 4.0, dtype=F64)).sum().backward()
    largest = b.grad.abs().max().item()
    return {"answer": largest, "largest": largest}


def batch_of_one():
    generator = torch.Generator().manual_seed(0)
    batch = torch.randn(100, 8, dtype=F64, generator=generator)
    alone = F.layer_norm(batch[:1], (8,))
    together = F.layer_norm(batch, (8,))[:1]
    try:
        F.batch_norm(batch[:1], None, None, training=True)
        error = "no error"
    except ValueError as refused:
        error = f"ValueError: {refused}"
    return {"layer": (alone - together).abs().max().item(), "error": error}


quiz = Quiz(
    __file__,
    [
        Number(
            "XAVIER_TANH_BOUND",
            "bound = gain * sqrt(6 / (fan_in + fan_out)); nn.Linear(in, out) has fan_in = in, "
            "and calculate_gain('tanh') is not 1",
            decimals(4),
            xavier_tanh_bound,
        ),
        Number(
            "KAIMING_LEAKY_STD",
            "std = gain / sqrt(fan_in); a weight of shape (out, in) has fan_in = in, and "
            "leaky_relu's gain is sqrt(2 / (1 + a**2))",
            significant(3),
            kaiming_leaky_std,
        ),
        Number(
            "RUNNING_VAR_AFTER_ONE_BATCH",
            "running_var = (1 - momentum) * running_var + momentum * the batch's variance, and "
            "BatchNorm1d keeps the UNBIASED variance here (divided by N - 1)",
            decimals(4),
            running_var_after_one_batch,
        ),
        Number(
            "BIAS_GRAD_BEFORE_BATCHNORM",
            "what does batch norm do to a constant added to a whole channel, the same for every "
            "example of the batch?",
            WHOLE,
            bias_grad_before_batchnorm,
        ),
        Choice(
            "BATCH_OF_ONE",
            "where does each layer take its mean and variance from in training mode: the batch, "
            "or the example itself?",
            batch_of_one,
        ),
    ],
)


@pytest.mark.parametrize("name", quiz.names)
def test_quiz(name):
    quiz.check(name)
