"""Tests for kata 07: sgd_step must move the parameters exactly as torch.optim.SGD does.

Torch is the oracle: every expected value below comes from torch's own SGD update, run in the
test on the same parameters and gradients. The tests call its functional form,
``torch.optim.sgd.sgd``, which is what ``torch.optim.SGD.step()`` runs on a CPU, and say which
arguments torch refuses with a table of SGD's checks; building the optimizer itself would import
torch._dynamo and cost seconds. tests/test_optim_oracle.py proves that both are torch.optim.SGD's.
"""

import itertools

import numpy as np
import pytest
import torch
from hypothesis import Phase, given, settings
from hypothesis import strategies as st
from torch.optim.sgd import sgd as torch_functional_sgd

from harness import as_numpy, check_close, check_true, fail, learner_cache, learner_module
from harness.compare import call_learner
from harness.optimizer_steps import (
    agrees,
    check_arrays_kept,
    check_params,
    during,
    random_run,
    run_all_calls,
    tolerances,
)

mod = learner_module(__file__, "sgd")


@learner_cache
def learner_sgd_step():
    """The learner's sgd_step, looked up once per run (it is called thousands of times)."""
    return mod.sgd_step


DEFAULTS = dict(momentum=0.0, dampening=0.0, weight_decay=0.0, nesterov=False, maximize=False)


# --- torch, the oracle ---------------------------------------------------------------------

# The checks torch.optim.SGD.__init__ makes: it raises ValueError when any row holds.
SGD_REFUSES = [
    ("lr < 0", lambda o: o["lr"] < 0.0),
    ("momentum < 0", lambda o: o["momentum"] < 0.0),
    ("weight_decay < 0", lambda o: o["weight_decay"] < 0.0),
    (
        "nesterov without momentum > 0 and dampening == 0",
        lambda o: o["nesterov"] and (o["momentum"] <= 0 or o["dampening"] != 0),
    ),
]


def torch_refuses(lr=0.1, **options) -> bool:
    """True when torch.optim.SGD raises ValueError for these hyperparameters."""
    arguments = {"lr": lr, **DEFAULTS, **options}
    return any(holds(arguments) for _, holds in SGD_REFUSES)


def torch_sgd(params0, grad_steps, lrs, options, buffers0=None):
    """Run torch's SGD from params0; after every step, (params, momentum buffers) as NumPy."""
    o = {**DEFAULTS, **options}
    tensors = [torch.tensor(np.array(p)) for p in params0]
    # Resume from buffers saved earlier, as a checkpoint would; None means "no buffer yet".
    buffers = [None if b is None else torch.tensor(np.array(b)) for b in buffers0 or []]
    buffers = buffers or [None] * len(tensors)
    history = []
    for lr, grads in zip(lrs, grad_steps, strict=True):
        torch_functional_sgd(
            tensors,
            [torch.tensor(np.array(g)) for g in grads],
            buffers,  # the functional call fills in a new buffer where one is None
            foreach=False,  # what SGD.step() picks for tensors on the CPU
            lr=lr,  # a learning-rate schedule may change lr between steps
            weight_decay=o["weight_decay"],
            momentum=o["momentum"],
            dampening=o["dampening"],
            nesterov=o["nesterov"],
            maximize=o["maximize"],
        )
        params = [as_numpy(t).copy() for t in tensors]
        kept = buffers if o["momentum"] != 0 else [None] * len(tensors)  # SGD keeps none then
        history.append((params, [None if b is None else as_numpy(b).copy() for b in kept]))
    return history


# --- hints: one per idea, picked by the options in play -------------------------------------

HINT_PLAIN = "plain SGD is W <- W - lr * dL/dW: step AGAINST the gradient, scaled by lr"
HINT_FIRST = (
    "on the first step (no buffer yet) the momentum buffer is a copy of the gradient itself: "
    "no dampening, no momentum factor"
)
HINT_LATER = (
    "after the first step: b = momentum * b + (1 - dampening) * g, using the buffers your "
    "previous call returned (and which are passed back in as momentum_buffers)"
)
HINT_DECAY = (
    "weight decay is added to the gradient first, g = grad + weight_decay * p, "
    "before the momentum buffer is updated, and the buffer is built from that g"
)
HINT_NESTEROV = (
    "Nesterov steps along g + momentum * b, with b the buffer AFTER this step's update, "
    "not along b alone"
)
HINT_MAXIMIZE = (
    "maximize negates the gradient before anything else (before weight decay and momentum): "
    "g = -grad, then g + weight_decay * p"
)


HINT_ORDER = (
    "with several options on, the order matters: g = -grad if maximize; g = g + weight_decay "
    "* p; b = a copy of g on the first step, later b = momentum * b + (1 - dampening) * g; "
    "then step along g + momentum * b (Nesterov) or b: p -= lr * step"
)


def hint_for(options, call):
    """The hint for a mismatch: the one idea in play, or the order when several interact."""
    o = {**DEFAULTS, **options}
    ideas = [name for name in ("momentum", "weight_decay", "maximize") if o[name]]
    if len(ideas) > 1:
        return HINT_ORDER
    if o["nesterov"]:
        return HINT_NESTEROV
    if o["maximize"]:
        return HINT_MAXIMIZE
    if o["weight_decay"]:
        return HINT_DECAY
    if o["momentum"]:
        return HINT_FIRST if call == 1 else HINT_LATER
    return HINT_PLAIN


# --- running the learner's sgd_step next to torch -------------------------------------------


RAISED_HINT = (
    "momentum_buffers is None on the first call (no buffers yet), a buffer stays None while "
    "momentum is 0, and params may hold a 0-d or an empty array. "
)


def buffers_problem(returned, n, options) -> str:
    """What is wrong with the momentum buffers sgd_step returned, or "" if nothing."""
    if not (isinstance(returned, (list, tuple)) and len(returned) == n):
        return (
            f"sgd_step returned {returned!r:.200}, not a list of {n} momentum buffers "
            f"(one per parameter).\n  hint: return the momentum buffers (a list, one entry per "
            f"parameter, None entries when momentum is 0): the caller passes them back in on "
            f"the next call"
        )
    if not options.get("momentum") and not all(b is None for b in returned):
        return (
            f"with momentum=0 sgd_step must return [None, None, ...] as its momentum "
            f"buffers (torch keeps no buffer then), got {returned!r:.200}.\n"
            f"  hint: only build a momentum buffer when momentum != 0"
        )
    return ""


def check_buffers_returned(returned, n, options, what):
    __tracebackhide__ = True
    problem = buffers_problem(returned, n, options)
    if problem:
        fail(f"{what}: {problem}")


def all_calls_agree(calls, history, n, options, dtype) -> bool:
    """Whether every check of check_trajectory's call-by-call run would pass on these calls."""
    if calls is None or len(calls) != len(history):
        return False
    for (kept, params, returned), (want_params, want_buffers) in zip(calls, history, strict=True):
        if not kept or buffers_problem(returned, n, options):
            return False
        compared = [
            (want, got)
            for want, got in zip(want_buffers, returned, strict=True)
            if want is not None
        ]
        buffers = [want for want, _ in compared], [got for _, got in compared]
        if not agrees(want_params, params, dtype) or not agrees(*buffers, dtype, same_dtype=False):
            return False
    return True


def check_trajectory(
    params0, grad_steps, lrs, options, *, buffers0=None, dtype=np.float64, hint=None
):
    """Call sgd_step once per entry of grad_steps, checking everything against torch each time."""
    __tracebackhide__ = True
    params0 = [np.array(p, dtype=dtype) for p in params0]
    grad_steps = [[np.array(g, dtype=dtype) for g in grads] for grads in grad_steps]
    # The learner's calls first: a stub that is not written yet costs torch nothing.
    calls = run_all_calls(learner_sgd_step(), params0, grad_steps, lrs, options, buffers0)
    history = torch_sgd(params0, grad_steps, lrs, options, buffers0)  # torch in the same dtype
    if all_calls_agree(calls, history, len(params0), options, dtype):
        return  # every check below would pass: they run, one call at a time, to explain a fault
    params = [p.copy() for p in params0]
    held = list(params)  # the arrays a model would hold: they must be the ones that change
    passed = []  # (call, index, the grad array passed in, a copy of it)
    buffers = buffers0
    n = len(grad_steps)
    shown = {"lr": None, **{k: v for k, v in options.items() if v != DEFAULTS[k]}}
    for call, (lr, step_grads) in enumerate(zip(lrs, grad_steps, strict=True), start=1):
        grads = [g.copy() for g in step_grads]
        before = [p.copy() for p in params]
        passed += [(call, i, g, g.copy()) for i, g in enumerate(grads)]
        shown["lr"] = lr
        what = f"call {call} of {n} with {', '.join(f'{k}={v}' for k, v in shown.items())}"
        idea = hint or hint_for(options, call)
        with during(what):
            returned = call_learner(
                "sgd_step", learner_sgd_step(),
                {"params": params, "grads": grads, "momentum_buffers": buffers},
                RAISED_HINT + idea,
                keywords={"lr": lr, **options},
                propagate=(ValueError,),  # a refusal: test_accepts_what_torch_accepts judges it
            )  # fmt: skip
        check_arrays_kept(what, "sgd_step", params, held, passed, KEPT_HINTS)
        check_buffers_returned(returned, len(params), options, what)
        step = (before, grads, held, returned)
        check_against_torch(what, history[call - 1], step, idea, dtype)
        buffers = returned


KEPT_HINTS = {
    "replaced": "p -= lr * g, or p[...] = p - lr * g",
    "grads": "build new arrays (g = grad + weight_decay * p, not g += ...), and start a "
    "momentum buffer from a COPY of the gradient, since you update it later",
}


def check_against_torch(what, expected, step, idea, dtype):
    """Each parameter after the call, and each momentum buffer returned, against torch's."""
    __tracebackhide__ = True
    (expected_params, expected_buffers), (before, grads, held, returned) = expected, step
    check_params(what, "sgd_step", expected_params, (before, grads, held), idea, dtype, "lr * g")
    for i, want in enumerate(expected_buffers):
        if want is None:
            continue
        rtol, atol = tolerances(dtype, want)
        with during(f"{what}, momentum_buffers[{i}] returned"):
            check_close(
                "sgd_step", {"params": before[i], "grads": grads[i]}, want, returned[i],
                "the buffer you return is torch's optimizer.state[p]['momentum_buffer']: " + idea,
                rtol=rtol, atol=atol,
            )  # fmt: skip


example = random_run  # parameters and gradients from a seeded generator


# --- the full grid of options ---------------------------------------------------------------

GRID = [
    dict(momentum=m, dampening=d, weight_decay=wd, nesterov=n, maximize=mx)
    for m, d, wd, n, mx in itertools.product(
        [0.0, 0.9], [0.0, 0.5], [0.0, 0.1], [False, True], [False, True]
    )
]
ACCEPTED = [o for o in GRID if not torch_refuses(**o)]
REFUSED = [o for o in GRID if torch_refuses(**o)]


def label(options):
    on = [f"{k}={v}" for k, v in options.items() if v != {"lr": 0.1, **DEFAULTS}[k]]
    return ",".join(on) or "plain"


@pytest.mark.parametrize("dtype", [np.float64, np.float32], ids=["float64", "float32"])
@pytest.mark.parametrize("options", ACCEPTED, ids=label)
def test_matches_torch_over_several_steps(options, dtype):
    params0, grad_steps = example(7, n_steps=4)
    check_trajectory(params0, grad_steps, [0.1] * 4, options, dtype=dtype)


# --- one idea at a time, so a failure says which idea -----------------------------------------


def test_plain_step_is_w_minus_lr_times_grad():
    params0, grad_steps = example(1, n_steps=2)
    check_trajectory(params0, grad_steps, [0.5, 0.5], {}, hint=HINT_PLAIN)


def test_first_momentum_step_has_no_dampening():
    params0, grad_steps = example(2, n_steps=1)
    check_trajectory(params0, grad_steps, [0.1], dict(momentum=0.9, dampening=0.5), hint=HINT_FIRST)


def test_momentum_buffers_carry_over_between_calls():
    params0, grad_steps = example(3, n_steps=5)
    options = dict(momentum=0.8, dampening=0.25)
    check_trajectory(params0, grad_steps, [0.1] * 5, options, hint=HINT_LATER)


def test_weight_decay_goes_into_the_gradient_before_momentum():
    params0, grad_steps = example(4, n_steps=3)
    options = dict(momentum=0.9, weight_decay=0.3)
    check_trajectory(params0, grad_steps, [0.1] * 3, options, hint=HINT_DECAY)


def test_nesterov():
    params0, grad_steps = example(5, n_steps=3)
    options = dict(momentum=0.9, nesterov=True)
    check_trajectory(params0, grad_steps, [0.1] * 3, options, hint=HINT_NESTEROV)


def test_maximize_climbs_the_gradient():
    params0, grad_steps = example(6, n_steps=3)
    options = dict(momentum=0.5, weight_decay=0.2, maximize=True)
    check_trajectory(params0, grad_steps, [0.1] * 3, options, hint=HINT_MAXIMIZE)


@pytest.mark.parametrize("nesterov", [False, True], ids=["momentum", "nesterov"])
def test_learning_rate_schedule(nesterov):
    """The lr may change between calls (a schedule); the buffers do not include lr."""
    params0, grad_steps = example(8, n_steps=4)
    options = dict(momentum=0.9, dampening=0.0 if nesterov else 0.3, nesterov=nesterov)
    check_trajectory(params0, grad_steps, [0.1, 0.05, 0.3, 0.0], options)


def test_resumes_from_torch_momentum_buffers():
    """Buffers saved from torch (a checkpoint) continue the run exactly as torch would."""
    params0, grad_steps = example(9, n_steps=3)
    options = dict(momentum=0.9, dampening=0.1, weight_decay=0.05)
    params2, buffers2 = torch_sgd(params0, grad_steps[:2], [0.1, 0.1], options)[-1]
    check_trajectory(params2, grad_steps[2:], [0.1], options, buffers0=buffers2)


def test_a_list_of_none_buffers_means_first_step():
    params0, grad_steps = example(10, n_steps=2)
    options = dict(momentum=0.9, dampening=0.5)
    check_trajectory(params0, grad_steps, [0.1, 0.1], options, buffers0=[None] * len(params0))


# No shrinking: the inputs are already small, and shrinking a failure would cost seconds.
@settings(max_examples=15, phases=[Phase.explicit, Phase.generate], report_multiple_bugs=False)
@given(
    seed=st.integers(0, 2**32 - 1),
    n_steps=st.integers(1, 4),
    lr=st.floats(0.0, 1.0),
    momentum=st.sampled_from([0.0, 0.5, 0.9, 0.99]),
    dampening=st.sampled_from([0.0, 0.1, 0.5, 1.0]),
    weight_decay=st.sampled_from([0.0, 1e-4, 0.1, 1.0]),
    nesterov=st.booleans(),
    maximize=st.booleans(),
    scale=st.sampled_from([1e-3, 1.0, 1e3]),
)
def test_random_runs_match_torch(
    seed, n_steps, lr, momentum, dampening, weight_decay, nesterov, maximize, scale
):
    options = dict(momentum=momentum, dampening=dampening, weight_decay=weight_decay)
    options.update(nesterov=nesterov and not torch_refuses(nesterov=True, **options))
    options.update(maximize=maximize)
    params0, grad_steps = example(seed, n_steps, shapes=[(2, 3), ()], scale=scale)
    check_trajectory(params0, grad_steps, [lr] * n_steps, options)


# --- invalid hyperparameters: refuse exactly what torch refuses -------------------------------

INVALID = [
    dict(lr=-0.1),
    dict(lr=-1e-8, momentum=0.9),
    dict(lr=0.1, momentum=-0.9),
    dict(lr=0.1, weight_decay=-1e-4),
    dict(lr=0.1, momentum=-0.5, nesterov=True),
] + [dict(lr=0.1, **o) for o in REFUSED]  # the grid's nesterov combinations torch refuses


@pytest.mark.parametrize("args", INVALID, ids=label)
def test_refuses_what_torch_refuses(args):
    call = ", ".join(f"{k}={v}" for k, v in args.items())
    assert torch_refuses(**args), f"torch.optim.SGD({call}) should refuse these arguments"
    params0, grad_steps = example(11, n_steps=1, shapes=[(2, 2)])
    params = [p.copy() for p in params0]
    grads = [g.copy() for g in grad_steps[0]]
    try:
        learner_sgd_step()(params, grads, None, **args)
    except ValueError:
        pass
    else:
        fail(
            f"sgd_step(params, grads, {call}) returned normally; torch.optim.SGD refuses these "
            f"arguments with a ValueError.\n"
            f"  hint: raise ValueError for lr < 0, momentum < 0, weight_decay < 0, and for "
            f"nesterov=True unless momentum > 0 and dampening == 0"
        )
    check_true(
        np.array_equal(params[0], params0[0]),
        f"sgd_step(params, grads, {call}) raised ValueError, but only after changing params.",
        "check the arguments first, before the loop over the parameters",
    )


ODD_BUT_ACCEPTED = [
    dict(lr=0.0),
    dict(lr=0.1, momentum=0.0, dampening=0.5),
    dict(lr=0.1, momentum=0.9, dampening=1.0),
    dict(lr=0.1, momentum=0.9, dampening=-0.5),
    dict(lr=0.1, momentum=1.5),
    dict(lr=0.1, momentum=0.9, nesterov=True, maximize=True),
]


@pytest.mark.parametrize("args", ODD_BUT_ACCEPTED, ids=label)
def test_accepts_what_torch_accepts(args):
    args = dict(args)
    call = ", ".join(f"{k}={v}" for k, v in args.items())
    assert not torch_refuses(**args), f"torch.optim.SGD({call}) should accept these arguments"
    lr = args.pop("lr")
    params0, grad_steps = example(12, n_steps=3, shapes=[(2, 2), (3,)])
    try:
        check_trajectory(params0, grad_steps, [lr] * 3, args)
    except ValueError as error:
        fail(
            f"sgd_step(params, grads, {call}) raised ValueError({error}), but torch.optim.SGD "
            f"accepts these arguments.\n"
            f"  hint: refuse only lr < 0, momentum < 0, weight_decay < 0, and nesterov without "
            f"momentum > 0 or with dampening != 0; lr = 0 and odd dampening values are allowed"
        )
