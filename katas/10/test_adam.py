"""Tests for kata 10: adam_step must move the parameters exactly as torch.optim.Adam does.

Torch is the oracle: every expected value below comes from torch's own Adam update, run in the
test on the same parameters and gradients. The tests call the functional form,
``torch.optim.adam.adam``, which is what ``torch.optim.Adam.step()`` and
``torch.optim.AdamW.step()`` run on a CPU; building the optimizer objects would import
torch._dynamo and cost seconds. tests/test_optim_oracle.py proves the two agree.
"""

import itertools

import numpy as np
import pytest
import torch
from hypothesis import Phase, given, settings
from hypothesis import strategies as st
from torch.optim.adam import adam as torch_functional_adam

from harness import as_numpy, check_close, fail, learner_cache, learner_module
from harness.compare import call_learner
from harness.optimizer_steps import (
    SHAPES,
    agrees,
    check_arrays_kept,
    check_params,
    during,
    random_run,
    run_all_calls,
    tolerances,
)

mod = learner_module(__file__, "adam")


@learner_cache
def learner_adam_step():
    """The learner's adam_step, looked up once per run (it is called thousands of times)."""
    return mod.adam_step


DEFAULTS = dict(
    betas=(0.9, 0.999),
    eps=1e-8,
    weight_decay=0.0,
    amsgrad=False,
    maximize=False,
    decoupled_weight_decay=False,
)
MOMENTS = ("exp_avg", "exp_avg_sq", "max_exp_avg_sq")


# --- torch, the oracle ---------------------------------------------------------------------


def torch_state(params, state0, amsgrad):
    """torch's per-parameter state lists: zeros, or a state saved earlier (a checkpoint)."""
    if state0 is None:
        state0 = {"step": 0, **{k: [np.zeros_like(p) for p in params] for k in MOMENTS}}
    moments = {k: [torch.tensor(np.array(a)) for a in state0.get(k, [])] for k in MOMENTS}
    if amsgrad and not moments["max_exp_avg_sq"]:
        moments["max_exp_avg_sq"] = [torch.zeros_like(p) for p in params]
    if not amsgrad:
        moments["max_exp_avg_sq"] = []  # torch.optim.Adam passes none without amsgrad
    # torch.optim.Adam keeps each parameter's step as a float32 tensor.
    steps = [torch.tensor(float(state0["step"])) for _ in params]
    return moments, steps


def torch_adam(params0, grad_steps, lrs, options, state0=None):
    """Run torch's Adam from params0; after every step, (params, state) as NumPy copies."""
    o = {**DEFAULTS, **options}
    params = [torch.tensor(np.array(p)) for p in params0]
    moments, steps = torch_state(params, state0, o["amsgrad"])
    history = []
    for lr, grads in zip(lrs, grad_steps, strict=True):
        torch_functional_adam(
            params,
            [torch.tensor(np.array(g)) for g in grads],
            moments["exp_avg"],
            moments["exp_avg_sq"],
            moments["max_exp_avg_sq"],
            steps,
            foreach=False,  # what Adam.step() picks for tensors on the CPU
            decoupled_weight_decay=o["decoupled_weight_decay"],
            amsgrad=o["amsgrad"],
            beta1=o["betas"][0],
            beta2=o["betas"][1],
            lr=lr,
            weight_decay=o["weight_decay"],
            eps=o["eps"],
            maximize=o["maximize"],
        )
        state = {k: [as_numpy(t).copy() for t in v] for k, v in moments.items() if v}
        state["step"] = int(steps[0].item())
        history.append(([as_numpy(p).copy() for p in params], state))
    return history


# --- hints: one per idea, picked by the options in play -------------------------------------

HINT_MOMENTS = (
    "the moments start at zero and carry over between calls in the state you return: "
    "exp_avg m = beta1 * m + (1 - beta1) * g and exp_avg_sq v = beta2 * v + (1 - beta2) * g**2, "
    "stored as they are (not bias-corrected)"
)
HINT_BIAS = (
    "bias correction: with t the number of steps so far INCLUDING this one (t = 1 on the first "
    "call), m_hat = m / (1 - beta1**t) and v_hat = v / (1 - beta2**t); one t for the whole call"
)
HINT_EPS = (
    "eps is added after the square root, to the bias-corrected sqrt(v_hat) = sqrt(v) / "
    "sqrt(1 - beta2**t): p -= lr * m_hat / (sqrt(v_hat) + eps), not sqrt(v_hat + eps), and not "
    "eps added to sqrt(v) before the correction"
)
HINT_UPDATE = (
    "the update, with t the step count including this one: m_hat = m / (1 - beta1**t), "
    "v_hat = v / (1 - beta2**t), then p -= lr * m_hat / (sqrt(v_hat) + eps), with eps outside "
    "the square root and after the bias correction"
)
HINT_L2 = (
    "Adam's weight_decay (decoupled_weight_decay=False) is L2: g = grad + weight_decay * p, "
    "added to the gradient before the moments, so the adaptive denominator divides it too"
)
HINT_ADAMW = (
    "AdamW (decoupled_weight_decay=True) shrinks the parameter itself, p *= 1 - lr * "
    "weight_decay, before this step's update; the gradient the moments see has no decay term"
)
HINT_AMSGRAD = (
    "amsgrad keeps max_exp_avg_sq, the elementwise maximum of every exp_avg_sq so far (this "
    "step's included), and divides by its square root instead of v's; exp_avg_sq itself is "
    "updated as usual"
)
HINT_MAXIMIZE = (
    "maximize negates the gradient first, before weight decay and the moments: g = -grad, "
    "then g + weight_decay * p"
)
HINT_ORDER = (
    "with several options on, the order matters: g = -grad if maximize; then weight decay "
    "(AdamW: p *= 1 - lr * weight_decay; Adam: g = g + weight_decay * p); then the moments m "
    "and v from g; with amsgrad the maximum of v; then p -= lr * m_hat / (sqrt(v_hat) + eps)"
)


def hint_for(options):
    """The hint for a mismatch: the one idea in play, or the order when several interact."""
    o = {**DEFAULTS, **options}
    ideas = [k for k in ("weight_decay", "amsgrad", "maximize") if o[k]]
    if len(ideas) > 1:
        return HINT_ORDER
    if o["weight_decay"]:
        return HINT_ADAMW if o["decoupled_weight_decay"] else HINT_L2
    if o["amsgrad"]:
        return HINT_AMSGRAD
    if o["maximize"]:
        return HINT_MAXIMIZE
    return HINT_UPDATE


# --- running the learner's adam_step next to torch ------------------------------------------


RAISED_HINT = (
    "state is None on the first call (start every moment at zero then), later it is the dict "
    "your previous call returned; params may hold a 0-d or an empty array. "
)
DTYPE_HINT = (
    "build the moments with np.zeros_like(p), which keeps p's dtype: np.zeros(p.shape) is "
    "float64, and torch keeps a float32 parameter's state in float32"
)


def run_and_check(params0, grad_steps, lrs, options, *, state0=None, dtype=np.float64, hint=None):
    """Call adam_step once per entry of grad_steps, checking everything against torch each time."""
    __tracebackhide__ = True
    params0 = [np.array(p, dtype=dtype) for p in params0]
    grad_steps = [[np.array(g, dtype=dtype) for g in grads] for grads in grad_steps]
    # The learner's calls first: a stub that is not written yet costs torch nothing.
    calls = run_all_calls(learner_adam_step(), params0, grad_steps, lrs, options, state0)
    history = torch_adam(params0, grad_steps, lrs, options, state0)  # torch in the same dtype
    if all_calls_agree(calls, history, len(params0), options, dtype):
        return  # every check below would pass: they run, one call at a time, to explain a fault
    params = [p.copy() for p in params0]
    held = list(params)  # the arrays a model would hold: they must be the ones that change
    passed = []  # (call, index, the grad array passed in, a copy of it)
    state, n = state0, len(grad_steps)
    shown = {k: v for k, v in options.items() if v != DEFAULTS[k]}
    for call, (lr, step_grads) in enumerate(zip(lrs, grad_steps, strict=True), start=1):
        grads = [g.copy() for g in step_grads]
        before = [p.copy() for p in params]
        passed += [(call, i, g, g.copy()) for i, g in enumerate(grads)]
        settings_ = ", ".join(f"{k}={v}" for k, v in {"lr": lr, **shown}.items())
        what = f"call {call} of {n} with {settings_}"
        with during(what):
            state = call_learner(
                "adam_step", learner_adam_step(),
                {"params": params, "grads": grads, "state": state},
                RAISED_HINT + (hint or hint_for(options)),
                keywords={"lr": lr, **options},
                propagate=(ValueError,),  # a refusal: test_accepts_what_torch_accepts judges it
            )  # fmt: skip
        # This call's gradients now; every call's again at the end, in case a kept reference
        # to one is changed later (checking them all after every call would cost seconds).
        check_arrays_kept(
            what, "adam_step", params, held, passed[-len(grads) :] if grads else [], KEPT_HINTS
        )
        check_state_returned(what, state, len(params), options)
        step = (before, grads, held, state)
        check_against_torch(what, history[call - 1], step, hint or hint_for(options), dtype)
    check_arrays_kept(f"after call {n} of {n}", "adam_step", params, held, passed, KEPT_HINTS)


def all_calls_agree(calls, history, n, options, dtype) -> bool:
    """Whether every check of run_and_check's step-by-step run would pass on these calls."""
    if calls is None or len(calls) != len(history):
        return False
    for (kept, params, state), (want_params, want_state) in zip(calls, history, strict=True):
        if not kept or state_problem(state, n, options):
            return False
        try:
            if state["step"] != want_state["step"]:
                return False
        except Exception:  # a step that cannot be compared: the slow run says so
            return False
        moments = [key for key in MOMENTS if key in want_state]
        if not agrees(want_params, params, dtype) or not all(
            agrees(want_state[key], state[key], dtype) for key in moments
        ):
            return False
    return True


KEPT_HINTS = {
    "replaced": "p -= ..., or p[...] = ...",
    "grads": "build new arrays (g = -grad, g = grad + weight_decay * p), never g *= -1 or "
    "g += ... on the array you were given",
}


def check_state_returned(what, state, n, options):
    """The state is a dict with the step count and one array per parameter for each moment."""
    __tracebackhide__ = True
    problem = state_problem(state, n, options)
    if problem:
        fail(
            f"{what}: adam_step {problem}.\n  hint: return the state for the next call, "
            f"a dict: {{'step': steps so far, 'exp_avg': [one array per parameter], "
            f"'exp_avg_sq': [...]}}, and with amsgrad 'max_exp_avg_sq': [...]"
        )


def state_problem(state, n, options) -> str:
    """What is wrong with the state adam_step returned, or "" if it has the right form."""
    moments = MOMENTS if options.get("amsgrad") else MOMENTS[:2]
    if not isinstance(state, dict):
        return f"returned {state!r:.200}, not the state dict"
    if missing := [k for k in ("step", *moments) if k not in state]:
        return f"returned a state without {', '.join(missing)} (it has {sorted(state)})"
    if bad := [k for k in moments if not (type(state[k]) in (list, tuple) and len(state[k]) == n)]:
        return f"returned a state whose {bad[0]} is not a list of {n} arrays"
    return ""


def check_against_torch(what, expected, step, idea, dtype):
    """Each parameter after the call, and each moment in the state, against torch's."""
    __tracebackhide__ = True
    (want_params, want_state), (before, grads, held, state) = expected, step
    if state["step"] != want_state["step"]:
        fail(
            f"{what}: adam_step returned state['step'] = {state['step']!r}; torch's step count "
            f"is {want_state['step']} after this call.\n  hint: add one to the step count per "
            f"call (not per parameter), starting from 0 when state is None"
        )
    if agrees(want_params, held, dtype) and all(
        agrees(want_state[key], state[key], dtype) for key in MOMENTS if key in want_state
    ):
        return  # the detailed checks below only find what to say about a mismatch
    check_params(what, "adam_step", want_params, (before, grads, held), idea, dtype, "...")
    for key in MOMENTS:
        for i, want in enumerate(want_state.get(key, [])):
            rtol, atol = tolerances(dtype, want)
            with during(f"{what}, state['{key}'][{i}] returned"):
                check_close(
                    "adam_step", {"params": before[i], "grads": grads[i]}, want, state[key][i],
                    f"state['{key}'] is torch's optimizer.state[p]['{key}']: "
                    + (HINT_AMSGRAD if key == "max_exp_avg_sq" else HINT_MOMENTS),
                    rtol=rtol, atol=atol, dtype=dtype, dtype_hint=DTYPE_HINT,
                )  # fmt: skip


def example(seed, n_steps, shapes=SHAPES, scale=1.0):
    """Parameters and gradients from a seeded generator (only the gradients are scaled)."""
    return random_run(seed, n_steps, shapes, scale, scale_params=False)


# --- the full grid of options, over thirty steps --------------------------------------------

GRID = [
    dict(weight_decay=wd, amsgrad=a, maximize=m, decoupled_weight_decay=d)
    for wd, a, m, d in itertools.product([0.0, 0.1], [False, True], [False, True], [False, True])
]


def label(options):
    on = [f"{k}={v}" for k, v in options.items() if k == "lr" or v != DEFAULTS[k]]
    return ",".join(on) or "plain"


@pytest.mark.parametrize("dtype", [np.float64, np.float32], ids=["float64", "float32"])
@pytest.mark.parametrize("options", GRID, ids=label)
def test_matches_torch_over_thirty_steps(options, dtype):
    params0, grad_steps = example(7, n_steps=30)
    run_and_check(params0, grad_steps, [0.05] * 30, options, dtype=dtype)


# --- one idea at a time, so a failure says which idea -----------------------------------------


def test_bias_correction_counts_this_step():
    """From the first step on: t = 1 on the first call, then 2, 3."""
    params0, grad_steps = example(1, n_steps=3)
    run_and_check(params0, grad_steps, [0.1] * 3, {}, hint=HINT_BIAS)


def test_moments_carry_over_between_calls():
    params0, grad_steps = example(2, n_steps=6)
    run_and_check(params0, grad_steps, [0.1] * 6, dict(betas=(0.8, 0.9)), hint=HINT_MOMENTS)


def test_eps_is_added_after_the_square_root():
    """A large eps against small gradients, so where eps goes shows in float64 and float32."""
    params0, grad_steps = example(3, n_steps=3, scale=1e-2)
    options = dict(betas=(0.5, 0.6), eps=1e-2)
    for dtype in (np.float64, np.float32):
        run_and_check(params0, grad_steps, [0.1] * 3, options, dtype=dtype, hint=HINT_EPS)


def test_adam_weight_decay_is_l2_in_the_gradient():
    params0, grad_steps = example(4, n_steps=4)
    run_and_check(params0, grad_steps, [0.1] * 4, dict(weight_decay=0.5), hint=HINT_L2)


def test_adamw_decays_the_parameter_itself():
    params0, grad_steps = example(5, n_steps=4)
    options = dict(weight_decay=0.5, decoupled_weight_decay=True)
    run_and_check(params0, grad_steps, [0.3] * 4, options, hint=HINT_ADAMW)


def test_amsgrad_divides_by_the_largest_second_moment():
    """Gradients that shrink, so that exp_avg_sq falls below its maximum."""
    params0, grad_steps = example(6, n_steps=6)
    grad_steps = [[g * 0.3**k for g in grads] for k, grads in enumerate(grad_steps)]
    options = dict(amsgrad=True, betas=(0.5, 0.6))
    run_and_check(params0, grad_steps, [0.1] * 6, options, hint=HINT_AMSGRAD)


def test_maximize_climbs_the_gradient():
    params0, grad_steps = example(8, n_steps=3)
    options = dict(maximize=True, weight_decay=0.5)
    run_and_check(params0, grad_steps, [0.1] * 3, options, hint=HINT_MAXIMIZE)


@pytest.mark.parametrize("decoupled", [False, True], ids=["adam", "adamw"])
def test_learning_rate_schedule(decoupled):
    """The lr may change between calls (a schedule); the moments do not include lr."""
    params0, grad_steps = example(9, n_steps=4)
    options = dict(weight_decay=0.2, decoupled_weight_decay=decoupled)
    run_and_check(params0, grad_steps, [0.1, 0.02, 0.3, 0.0], options)


def test_resumes_from_a_torch_checkpoint():
    """A state saved from torch's optimizer continues the run exactly as torch would."""
    params0, grad_steps = example(10, n_steps=4)
    options = dict(amsgrad=True, weight_decay=0.1)
    params2, state2 = torch_adam(params0, grad_steps[:2], [0.1, 0.1], options)[-1]
    run_and_check(params2, grad_steps[2:], [0.1, 0.1], options, state0=state2)


# No shrinking: the inputs are already small, and shrinking a failure would cost seconds.
@settings(max_examples=15, phases=[Phase.explicit, Phase.generate], report_multiple_bugs=False)
@given(
    seed=st.integers(0, 2**32 - 1),
    n_steps=st.integers(1, 5),
    lr=st.floats(0.0, 1.0),
    beta1=st.sampled_from([0.0, 0.5, 0.9]),
    beta2=st.sampled_from([0.0, 0.9, 0.999]),
    eps=st.sampled_from([0.0, 1e-8, 1e-3]),
    options=st.sampled_from(GRID),
    scale=st.sampled_from([1e-3, 1.0, 1e3]),
)
def test_random_runs_match_torch(seed, n_steps, lr, beta1, beta2, eps, options, scale):
    params0, grad_steps = example(seed, n_steps, shapes=[(2, 3), ()], scale=scale)
    options = dict(options, betas=(beta1, beta2), eps=eps)
    run_and_check(params0, grad_steps, [lr] * n_steps, options)


# --- invalid hyperparameters: refuse exactly what torch refuses -------------------------------

# Each row: the arguments, and whether torch.optim.Adam and AdamW refuse them.
# tests/test_optim_oracle.py proves every row against the optimizers themselves.
ARGUMENT_TABLE = [
    (dict(lr=-0.1), True),
    (dict(lr=-1e-12), True),
    (dict(eps=-1e-8), True),
    (dict(betas=(-0.1, 0.999)), True),
    (dict(betas=(1.0, 0.999)), True),
    (dict(betas=(0.9, 1.0)), True),
    (dict(betas=(0.9, -1e-3)), True),
    (dict(betas=(0.9, 1.5)), True),
    (dict(weight_decay=-1e-4), True),
    (dict(weight_decay=-0.1, decoupled_weight_decay=True), True),
    (dict(lr=0.0), False),
    (dict(eps=0.0), False),
    (dict(betas=(0.0, 0.0)), False),
    (dict(betas=(0.999999, 0.999999)), False),
    (dict(weight_decay=0.0, decoupled_weight_decay=True), False),
    (dict(lr=5.0, weight_decay=1.0, decoupled_weight_decay=True), False),
]
REFUSED = [args for args, refused in ARGUMENT_TABLE if refused]
ACCEPTED = [args for args, refused in ARGUMENT_TABLE if not refused]
REFUSE_HINT = (
    "raise ValueError for lr < 0, eps < 0, either beta outside [0, 1), or weight_decay < 0, "
    "and for nothing else"
)


def call_text(args):
    return ", ".join(f"{k}={v}" for k, v in {"lr": 1e-3, **args}.items())


@pytest.mark.parametrize("args", REFUSED, ids=label)
def test_refuses_what_torch_refuses(args):
    params0, grad_steps = example(11, n_steps=1, shapes=[(2, 2)])
    params = [p.copy() for p in params0]
    grads = [g.copy() for g in grad_steps[0]]
    try:
        learner_adam_step()(params, grads, None, **args)
    except ValueError:
        pass
    else:
        fail(
            f"adam_step(params, grads, {call_text(args)}) returned normally; torch.optim.Adam "
            f"refuses these arguments with a ValueError.\n  hint: {REFUSE_HINT}"
        )
    if not np.array_equal(params[0], params0[0]):
        fail(
            f"adam_step(params, grads, {call_text(args)}) raised ValueError, but only after "
            f"changing params.\n  hint: check the arguments first, before the loop over the "
            f"parameters"
        )


@pytest.mark.parametrize("args", ACCEPTED, ids=label)
def test_accepts_what_torch_accepts(args):
    args = dict(args)
    lr = args.pop("lr", 1e-3)
    params0, grad_steps = example(12, n_steps=3, shapes=[(2, 2), (3,)])
    try:
        run_and_check(params0, grad_steps, [lr] * 3, args)
    except ValueError as error:
        fail(
            f"adam_step(params, grads, {call_text(dict(lr=lr, **args))}) raised "
            f"ValueError({error}), but torch.optim.Adam accepts these arguments.\n"
            f"  hint: {REFUSE_HINT}; lr = 0, eps = 0 and beta = 0 are allowed"
        )
