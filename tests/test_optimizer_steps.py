"""harness/optimizer_steps.py: the quick run of a test's calls (one request when grading) must
leave the test's own data alone, and pass exactly what the call-by-call checks would pass.

Whether a wrong step function still fails is the catalogue's job (tests/test_catalogue.py):
every mistake for katas 07 and 10 is judged through this module.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from harness import learner, manifest
from harness.compare import matches
from harness.optimizer_steps import agrees, run_all_calls, tolerances

IN_PLACE_BUFFERS = Path(__file__).parent / "alternatives" / "07" / "torch_style_inplace_buffers.py"


def momentum_step(params, grads, buffers, *, lr):
    """A correct SGD step with momentum 0.9 that keeps its buffers in place, as torch does."""
    buffers = buffers if buffers is not None else [np.zeros_like(p) for p in params]
    for p, g, b in zip(params, grads, buffers, strict=True):
        b *= 0.9
        b += g
        p -= lr * b
    return buffers


def checkpoint_run():
    params0 = [np.ones((2, 3)), np.ones(4)]
    grad_steps = [[np.full((2, 3), 0.5), np.full(4, -0.5)] for _ in range(3)]
    buffers0 = [np.full((2, 3), 0.25), np.full(4, 0.75)]
    return params0, grad_steps, buffers0


def test_a_checkpoint_passed_in_is_left_as_it_was():
    """torch's side of the test starts from the same checkpoint after the quick run."""
    params0, grad_steps, buffers0 = checkpoint_run()
    saved = [b.copy() for b in buffers0], [p.copy() for p in params0]
    calls = run_all_calls(momentum_step, params0, grad_steps, [0.1] * 3, {}, buffers0)
    assert calls is not None and all(kept for kept, _, _ in calls)
    for now, before in zip([*buffers0, *params0], [*saved[0], *saved[1]], strict=True):
        assert np.array_equal(now, before)


@pytest.mark.posix_only("the grading sandbox forks and sets POSIX resource limits")
def test_a_checkpoint_passed_in_is_left_as_it_was_when_grading(monkeypatch, tmp_path):
    """The same through the sandbox, where changed arguments are copied back to the test, with
    a correct sgd_step that keeps its buffers in place, as torch does."""
    from harness.sandbox import Sandbox

    (tmp_path / "07").mkdir()
    shutil.copy(IN_PLACE_BUFFERS, tmp_path / "07" / "sgd.py")
    sandbox = Sandbox(call_timeout=10)
    monkeypatch.setattr(learner, "_sandbox", sandbox)
    monkeypatch.setattr(learner, "_source_root", tmp_path)
    try:
        step = sandbox.module_attribute(manifest.KATAS_DIR / "07", "sgd", "sgd_step")
        params0, grad_steps, buffers0 = checkpoint_run()
        saved = [b.copy() for b in buffers0]
        calls = run_all_calls(step, params0, grad_steps, [0.1] * 3, {"momentum": 0.9}, buffers0)
        assert calls is not None and len(calls) == 3
        assert all(np.array_equal(now, before) for now, before in zip(buffers0, saved, strict=True))
    finally:
        sandbox.stop()


def test_a_gradient_changed_by_a_call_sends_the_test_to_the_checks_that_explain():
    def scales_the_gradient(params, grads, buffers, *, lr):
        for p, g in zip(params, grads, strict=True):
            g *= -1  # the caller's gradient, changed
            p += lr * g
        return buffers

    params0, grad_steps, _ = checkpoint_run()
    assert run_all_calls(scales_the_gradient, params0, grad_steps, [0.1] * 3, {}, None) is None


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_agrees_passes_what_check_close_passes(dtype):
    """A 0-d answer as a NumPy scalar, and an error inside the tolerance, pass both."""
    want = [np.array(1.5, dtype=dtype), np.linspace(-1, 1, 5).astype(dtype)]
    rtol, atol = tolerances(dtype, want[1])
    got = [want[0][()], want[1] + np.asarray(atol / 2, dtype=dtype)]
    assert all(matches(w, g, rtol=rtol, atol=atol) for w, g in zip(want, got, strict=True))
    assert agrees(want, got, dtype)


def test_agrees_refuses_what_check_close_refuses():
    want = [np.linspace(-1, 1, 5)]
    assert not agrees(want, [want[0] + 1e-6], np.float64)  # beyond 1e-12
    assert not agrees(want, [want[0].astype(np.float32)], np.float64)  # torch's dtype asked
    assert not agrees(want, [want[0][:4]], np.float64)  # the wrong shape
    assert not agrees(want, [[object()] * 5], np.float64)  # nothing NumPy can hold as numbers
