"""Judging a learner's optimizer step (kata 07's ``sgd_step``, kata 10's ``adam_step``) the way a
training loop calls torch's ``optimizer.step()``: again and again, on the model's own arrays.

A step function updates ``params`` in place, leaves ``grads`` alone, and returns what its next
call needs (SGD's momentum buffers, Adam's state). A kata's tests compute torch's history with
torch's functional optimizer, and check what their step returns; this module holds what every
step function is judged by alike.

When grading in a sandbox, ``run_all_calls`` makes a test's calls in the learner's process in one
request. If everything agrees, the test passes at once; otherwise the kata's tests call the step
again, one call at a time, to say which call went wrong and how.
"""

from __future__ import annotations

from contextlib import contextmanager

import numpy as np
import pytest

from harness.compare import HARNESS_SIGNALS, check_close, fail, matches, tolerance
from harness.learner import with_learner_objects

SHAPES = [(3, 4), (5,), (), (0, 3)]  # a matrix, a vector, a 0-d scalar and an empty array


def random_run(seed, n_steps, shapes=SHAPES, scale=1.0, scale_params=True):
    """Parameters and one list of gradients per call, from a seeded generator."""
    rng = np.random.default_rng(seed)
    params0 = [rng.normal(size=s) * (scale if scale_params else 1.0) for s in shapes]
    grad_steps = [[rng.normal(size=s) * scale for s in shapes] for _ in range(n_steps)]
    return params0, grad_steps


@contextmanager
def during(what):
    """Prefix any failure inside the block with ``what`` (which call, which parameter)."""
    __tracebackhide__ = True
    try:
        yield
    except pytest.fail.Exception as failure:
        failure.msg = f"{what}: {failure.msg}"  # the same failure, with its context in front
        failure.args = (failure.msg,)
        raise


def tolerances(dtype, expected):
    """(rtol, atol) for one array of a run against torch's."""
    scale = float(np.max(np.abs(expected))) if np.size(expected) else 1.0
    if np.dtype(dtype) == np.float64:
        # Agreement with torch to 1e-12 in float64: thirty steps of a correct update differ
        # from torch's by a few rounding errors (~1e-16), no more.
        return 1e-12, 1e-12 * max(1.0, scale)
    return tolerance(dtype, scale)


def agrees(wanted, got, dtype, same_dtype=True) -> bool:
    """Whether every array is one that check_close would pass against torch's, with
    ``tolerances``; with ``same_dtype``, in torch's dtype too (check_close's ``dtype=``)."""
    for want, have in zip(wanted, got, strict=True):
        try:  # a 0-d answer may be a NumPy scalar: check_close takes it as an array
            if same_dtype and np.asarray(have).dtype != want.dtype:
                return False
        except Exception:  # what NumPy cannot hold: the call-by-call run says what is wrong
            return False
        rtol, atol = tolerances(dtype, want)
        if not matches(want, have, rtol=rtol, atol=atol):
            return False
    return True


@with_learner_objects
def run_all_calls(step, params0, grad_steps, lrs, options, returned):
    """Every call in a row, with what the checks need from each: whether the parameters were
    updated in place, and copies of the parameters and of what the call returned (passed to
    the next call). None when a call raises, or a gradient passed in was changed.

    When grading, this runs in the learner's process: one request instead of one per call.
    """
    params = [p.copy() for p in params0]
    returned = _copied(returned)  # a checkpoint the test passed in stays as it was, for torch
    held, passed, calls = list(params), [], []
    for lr, step_grads in zip(lrs, grad_steps, strict=True):
        grads = [g.copy() for g in step_grads]
        passed += [(g, g.copy()) for g in grads]
        try:
            returned = step(params, grads, returned, lr=lr, **options)
            copy = _copied(returned)
        except HARNESS_SIGNALS:
            raise  # not implemented yet, out of time: reported as they always are
        except Exception:
            return None  # the call-by-call run names the call and the error
        kept = all(p is h for p, h in zip(params, held, strict=True))
        calls.append((kept, [p.copy() for p in held], copy))
    unchanged = all(np.array_equal(g, copy, equal_nan=True) for g, copy in passed)
    return calls if unchanged else None


def _copied(value):
    """A copy of what a call returned, down to the arrays in its lists, tuples and dicts."""
    if isinstance(value, np.ndarray):
        return value.copy()
    if type(value) in (list, tuple):
        return type(value)(_copied(item) for item in value)
    if isinstance(value, dict):
        return {key: _copied(item) for key, item in value.items()}
    return value


def check_arrays_kept(what, name, params, held, passed, hints):
    """params[i] are still the model's arrays, and no gradient in ``passed`` was changed.

    ``passed`` holds (call, index, the grad array passed in, a copy of it); ``hints`` maps
    "replaced" and "grads" to what the learner should do instead.
    """
    __tracebackhide__ = True
    for i in range(len(params)):
        if params[i] is not held[i]:
            fail(
                f"{what}: {name} replaced params[{i}] with a new array instead of "
                f"updating it in place. A model holds on to its own arrays, so it never "
                f"sees the new one.\n  hint: change the values inside each array: "
                f"{hints['replaced']}; never params[i] = ... or p = p - ..."
            )
    for j, i, grad, copy in passed:
        if not np.array_equal(grad, copy, equal_nan=True):
            fail(
                f"{what}: {name} changed grads[{i}] (passed in call {j}). The gradients "
                f"belong to the caller: torch's step never edits p.grad.\n  hint: "
                f"{hints['grads']}"
            )


def check_params(what, name, expected_params, step, idea, dtype, update):
    """Each parameter after the call against torch's; ``step`` is (before, grads, held).

    ``update`` is the step's update written short ("lr * g"), for the in-place hint.
    """
    __tracebackhide__ = True
    before, grads, held = step
    for i, (want, got) in enumerate(zip(expected_params, held, strict=True)):
        rtol, atol = tolerances(dtype, want)
        moved = not np.allclose(want, before[i], rtol=rtol, atol=atol)
        if moved and np.array_equal(got, before[i]):
            fail(
                f"{what}: {name} left params[{i}] unchanged, torch changed it. Updating "
                f"a local name (p = p - {update}) does not change the caller's array.\n"
                f"  hint: update in place: p -= {update}, or p[...] = p - {update}"
            )
        with during(f"{what}, params[{i}] after the call"):
            inputs = {"params": before[i], "grads": grads[i]}
            check_close(name, inputs, want, got, idea, rtol=rtol, atol=atol)
