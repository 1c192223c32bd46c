"""The harness that runs and judges the katas.

Kata tests use three things from here:

- ``learner_module(__file__, "activations")``: the learner's module for this kata, loaded
  lazily so that a broken file becomes a short test failure instead of a collection error.
- ``check_close(...)`` and friends from ``harness.compare``: compare with torch's answer and
  fail with a message that teaches.
- ``torch_grad(...)`` from ``harness.oracle``: torch autograd's answer for an elementwise
  function.

The names are imported on first use, so that tools which only read the manifest (such as
``grader.py hint``) do not pay for importing torch.
"""

import importlib

_EXPORTS = {
    "Quiz": "harness.quiz",
    "as_numpy": "harness.oracle",
    "check_close": "harness.compare",
    "check_dtype": "harness.compare",
    "check_shape": "harness.compare",
    "check_true": "harness.compare",
    "fail": "harness.compare",
    "learner_cache": "harness.learner",
    "learner_module": "harness.learner",
    "load_torch_optimizers": "harness.oracle",
    "tolerance": "harness.compare",
    "torch_grad": "harness.oracle",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'harness' has no attribute {name!r}")
