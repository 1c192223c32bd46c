"""The optimizer katas' oracles are torch's optimizers themselves.

Kata tests judge a learner's optimizer step with torch's functional update (for Adam,
``torch.optim.adam.adam``) and a table of the arguments torch refuses, because constructing a
``torch.optim`` optimizer imports torch._dynamo, which costs seconds per test run. These checks
prove, over the full grid of options, that the functional call the tests make moves parameters
and state exactly as the optimizer's ``step()`` does, and that the tables refuse exactly what
the optimizers refuse.
"""

from __future__ import annotations

import importlib.util
import itertools
import subprocess
import sys

import numpy as np
import pytest
import torch

from harness import manifest
from harness.manifest import KATAS_DIR


def kata_test_module(kata_id: str, name: str):
    """A kata's test module, loaded from its file (the kata folders are not packages)."""
    path = KATAS_DIR / kata_id / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"optim_oracle_{kata_id}_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SGD = kata_test_module("07", "test_sgd")
ADAM = kata_test_module("10", "test_adam")


def snapshot(tensors):
    return [t.detach().numpy().copy() for t in tensors]


# --- kata 07: SGD -----------------------------------------------------------------------------


def sgd_step_run(options, params0, grad_steps, lrs, buffers0=None):
    """What torch.optim.SGD.step() leaves after every step: (params, momentum buffers)."""
    tensors = [torch.tensor(np.array(p), requires_grad=True) for p in params0]
    optimizer = torch.optim.SGD(tensors, lr=lrs[0], **options)
    for tensor, buffer in zip(tensors, buffers0 or [None] * len(tensors), strict=True):
        if buffer is not None:  # resumed from a checkpoint
            optimizer.state[tensor]["momentum_buffer"] = torch.tensor(np.array(buffer))
    history = []
    for lr, grads in zip(lrs, grad_steps, strict=True):
        optimizer.param_groups[0]["lr"] = lr
        for tensor, grad in zip(tensors, grads, strict=True):
            tensor.grad = torch.tensor(np.array(grad))
        optimizer.step()
        buffers = [optimizer.state[t].get("momentum_buffer") for t in tensors]
        buffers = [None if b is None else b.detach().numpy().copy() for b in buffers]
        history.append((snapshot(tensors), buffers))
    return history


def assert_same_arrays(expected, got, what):
    assert len(expected) == len(got), f"{what}: {len(expected)} arrays against {len(got)}"
    for a, b in zip(expected, got, strict=True):
        assert (a is None) == (b is None), f"{what}: a buffer is missing on one side"
        if a is not None:
            assert a.dtype == b.dtype and np.array_equal(a, b), f"{what} differ"


@pytest.mark.parametrize("dtype", [np.float64, np.float32], ids=["float64", "float32"])
@pytest.mark.parametrize("options", SGD.ACCEPTED, ids=SGD.label)
def test_functional_sgd_equals_sgd_step(options, dtype):
    """Bit for bit, over ten steps with a learning-rate schedule, in both dtypes."""
    params0, grad_steps = SGD.example(7, n_steps=10)
    params0 = [p.astype(dtype) for p in params0]
    grad_steps = [[g.astype(dtype) for g in grads] for grads in grad_steps]
    lrs = [0.1 * (1 + k % 3) for k in range(10)]
    functional = SGD.torch_sgd(params0, grad_steps, lrs, options)
    stepped = sgd_step_run(options, params0, grad_steps, lrs)
    for k, ((params_f, buffers_f), (params_s, buffers_s)) in enumerate(
        zip(functional, stepped, strict=True)
    ):
        at = f"torch.optim.SGD({SGD.label(options)}), step {k + 1}"
        assert_same_arrays(params_s, params_f, f"{at}: params")
        assert_same_arrays(buffers_s, buffers_f, f"{at}: momentum buffers")


def test_functional_sgd_resumes_a_checkpoint_as_sgd_does():
    options = dict(momentum=0.9, dampening=0.1, weight_decay=0.05)
    params0, grad_steps = SGD.example(9, n_steps=3)
    params2, buffers2 = SGD.torch_sgd(params0, grad_steps[:2], [0.1, 0.1], options)[-1]
    resumed = SGD.torch_sgd(params2, grad_steps[2:], [0.1], options, buffers2)
    stepped = sgd_step_run(options, params2, grad_steps[2:], [0.1], buffers2)
    assert_same_arrays(stepped[0][0], resumed[0][0], "resumed params")
    assert_same_arrays(stepped[0][1], resumed[0][1], "resumed buffers")


def sgd_refuses(args) -> bool:
    try:
        torch.optim.SGD([torch.zeros(1, requires_grad=True)], **args)
    except ValueError:
        return True
    return False


def test_sgd_refusal_table_is_what_sgd_refuses_over_the_grid():
    """Every argument the table's rules look at, below, at and above each rule's edge."""
    grid = itertools.product(
        [-1e-8, 0.0, 0.1],  # lr
        [-0.5, 0.0, 0.9, 1.5],  # momentum
        [-0.5, 0.0, 0.5, 1.0],  # dampening
        [-1e-4, 0.0, 0.1],  # weight_decay
        [False, True],  # nesterov
        [False, True],  # maximize
    )
    names = ("lr", "momentum", "dampening", "weight_decay", "nesterov", "maximize")
    for values in grid:
        args = dict(zip(names, values, strict=True))
        assert SGD.torch_refuses(**args) == sgd_refuses(args), f"torch.optim.SGD({args})"


# --- kata 10: Adam and AdamW ------------------------------------------------------------------


def optimizer_classes(options):
    """The optimizers that make this step: Adam, and AdamW too when the decay is decoupled."""
    o = {**ADAM.DEFAULTS, **options}
    common = dict(
        betas=o["betas"],
        eps=o["eps"],
        weight_decay=o["weight_decay"],
        amsgrad=o["amsgrad"],
        maximize=o["maximize"],
    )
    adam = lambda ps, lr: torch.optim.Adam(  # noqa: E731
        ps, lr=lr, decoupled_weight_decay=o["decoupled_weight_decay"], **common
    )
    if not o["decoupled_weight_decay"]:
        return {"Adam": adam}
    return {"Adam": adam, "AdamW": lambda ps, lr: torch.optim.AdamW(ps, lr=lr, **common)}


def optimizer_run(make, params0, grad_steps, lrs):
    """What optimizer.step() leaves after every step: (params, state) as NumPy copies."""
    tensors = [torch.tensor(np.array(p), requires_grad=True) for p in params0]
    optimizer = make(tensors, lrs[0])
    history = []
    for lr, grads in zip(lrs, grad_steps, strict=True):
        optimizer.param_groups[0]["lr"] = lr
        for tensor, grad in zip(tensors, grads, strict=True):
            tensor.grad = torch.tensor(np.array(grad))
        optimizer.step()
        states = [optimizer.state[t] for t in tensors]
        state = {
            key: [states[i][key].detach().numpy().copy() for i in range(len(tensors))]
            for key in ADAM.MOMENTS
            if key in states[0]
        }
        steps = {s["step"].item() for s in states}
        assert len(steps) == 1, f"torch counted different steps per parameter: {steps}"
        state["step"] = int(steps.pop())
        history.append(([t.detach().numpy().copy() for t in tensors], state))
    return history


def assert_same_history(functional, stepped, where):
    for k, ((params_f, state_f), (params_s, state_s)) in enumerate(
        zip(functional, stepped, strict=True)
    ):
        at = f"{where}, step {k + 1}"
        assert sorted(state_f) == sorted(state_s), f"{at}: state keys differ"
        assert state_f["step"] == state_s["step"], f"{at}: step counts differ"
        for a, b in zip(params_f, params_s, strict=True):
            assert a.dtype == b.dtype and np.array_equal(a, b), f"{at}: params differ"
        for key in ADAM.MOMENTS:
            for a, b in zip(state_f.get(key, []), state_s.get(key, []), strict=True):
                assert a.dtype == b.dtype and np.array_equal(a, b), f"{at}: {key} differs"


ADAM_GRID = [
    {**options, **extra}
    for options in ADAM.GRID
    for extra in ({}, dict(betas=(0.5, 0.6), eps=1e-3), dict(betas=(0.0, 0.0), eps=0.0))
]


@pytest.mark.parametrize("dtype", [np.float64, np.float32], ids=["float64", "float32"])
@pytest.mark.parametrize("options", ADAM_GRID, ids=ADAM.label)
def test_functional_adam_equals_adam_and_adamw_step(options, dtype):
    """Bit for bit, over thirty steps with a learning-rate schedule, in both dtypes."""
    params0, grad_steps = ADAM.example(7, n_steps=30)
    params0 = [p.astype(dtype) for p in params0]
    grad_steps = [[g.astype(dtype) for g in grads] for grads in grad_steps]
    lrs = [0.05 * (1 + k % 3) for k in range(30)]
    functional = ADAM.torch_adam(params0, grad_steps, lrs, options)
    for name, make in optimizer_classes(options).items():
        stepped = optimizer_run(make, params0, grad_steps, lrs)
        assert_same_history(functional, stepped, f"torch.optim.{name}({ADAM.label(options)})")


def test_functional_adam_resumes_a_checkpoint_as_adam_does():
    """The checkpoint test hands torch's saved state back to the functional call."""
    options = dict(amsgrad=True, weight_decay=0.1)
    params0, grad_steps = ADAM.example(10, n_steps=4)
    lrs = [0.1] * 4
    params2, state2 = ADAM.torch_adam(params0, grad_steps[:2], lrs[:2], options)[-1]
    resumed = ADAM.torch_adam(params2, grad_steps[2:], lrs[2:], options, state2)
    whole = optimizer_run(optimizer_classes(options)["Adam"], params0, grad_steps, lrs)
    assert_same_history(resumed, whole[2:], "a run resumed after two steps")


def adam_refuses(cls, args) -> bool:
    args = dict(args)
    try:
        cls([torch.zeros(1, requires_grad=True)], lr=args.pop("lr", 1e-3), **args)
    except ValueError:
        return True
    return False


@pytest.mark.parametrize(("args", "refused"), ADAM.ARGUMENT_TABLE, ids=str)
def test_adam_argument_table_is_what_adam_and_adamw_refuse(args, refused):
    assert adam_refuses(torch.optim.Adam, args) == refused, f"torch.optim.Adam({args})"
    args = {k: v for k, v in args.items() if k != "decoupled_weight_decay"}
    assert adam_refuses(torch.optim.AdamW, args) == refused, f"torch.optim.AdamW({args})"


def test_the_refusal_rule_the_hint_states_is_torchs_over_a_grid():
    """lr < 0, eps < 0, a beta outside [0, 1), weight_decay < 0, and nothing else."""
    values = [-1e-12, 0.0, 0.5, 1.0, 1.5]
    for lr, eps, beta1, beta2, wd in itertools.product(values, repeat=5):
        args = dict(lr=lr, eps=eps, betas=(beta1, beta2), weight_decay=wd)
        rule = lr < 0 or eps < 0 or not (0 <= beta1 < 1 and 0 <= beta2 < 1) or wd < 0
        for cls in (torch.optim.Adam, torch.optim.AdamW):
            assert adam_refuses(cls, args) == rule, f"{cls.__name__}({args})"
    assert "for nothing else" in ADAM.REFUSE_HINT


def test_the_katas_oracles_do_not_import_dynamo():
    """The functional calls the tests make stay clear of torch._dynamo (the reason to use them)."""
    code = (
        "import sys; from tests.test_optim_oracle import kata_test_module as k\n"
        "m = k('07', 'test_sgd')\n"
        "p, g = m.example(1, n_steps=2)\n"
        "m.torch_sgd(p, g, [0.1, 0.1], dict(momentum=0.9, nesterov=True, weight_decay=0.1))\n"
        "m.torch_refuses(lr=-1.0)\n"
        "m = k('10', 'test_adam')\n"
        "p, g = m.example(1, n_steps=2)\n"
        "m.torch_adam(p, g, [0.1, 0.1], dict(amsgrad=True, weight_decay=0.1))\n"
        "assert 'torch._dynamo' not in sys.modules, 'torch._dynamo was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=KATAS_DIR.parent)


# Runs one kata's tests, as `pytest katas/NN` does, then prints each test during which torch
# imported torch._dynamo (which building any torch.optim optimizer does, once per process).
DYNAMO_WATCH = """
import sys, pytest

class Watch:
    paid_in = []

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_call(self, item):
        before = "torch._dynamo" in sys.modules
        try:
            return (yield)
        finally:
            if not before and "torch._dynamo" in sys.modules:
                Watch.paid_in.append(item.nodeid)

code = pytest.main([sys.argv[1], "--solutions", "-q", "-p", "no:cacheprovider"], [Watch()])
if Watch.paid_in:
    print("IMPORTED DURING", *Watch.paid_in)
sys.exit(code)
"""


@pytest.mark.parametrize("kata", [kata.id for kata in manifest.load()])
def test_no_kata_test_pays_for_torchs_compiler_inside_its_time_limit(kata):
    """A kata that builds real optimizers calls oracle.load_torch_optimizers as its tests load."""
    ran = subprocess.run(
        [sys.executable, "-c", DYNAMO_WATCH, f"katas/{kata}"],
        cwd=KATAS_DIR.parent,
        capture_output=True,
        text=True,
    )
    assert ran.returncode == 0, ran.stdout[-2000:] + ran.stderr[-2000:]
    assert "IMPORTED DURING" not in ran.stdout, ran.stdout[-2000:]
