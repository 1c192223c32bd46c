"""The harness that runs and judges the katas.

Kata tests use three things from here:

- ``learner_module(__file__, "activations")``: the learner's module for this kata, loaded
  lazily so that a broken file becomes a short test failure instead of a collection error.
- ``check_close(...)`` and friends from ``harness.compare``: compare with torch's answer and
  fail with a message that teaches.
- ``torch_grad(...)`` from ``harness.oracle``: torch autograd's answer for an elementwise
  function.
"""

from harness.compare import (
    check_close,
    check_dtype,
    check_shape,
    check_true,
    fail,
    tolerance,
)
from harness.learner import learner_module
from harness.oracle import as_numpy, torch_grad

__all__ = [
    "as_numpy",
    "check_close",
    "check_dtype",
    "check_shape",
    "check_true",
    "fail",
    "learner_module",
    "tolerance",
    "torch_grad",
]
