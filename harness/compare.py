"""Comparisons with torch's answer that fail with a message a learner can act on.

Every failure names the function, the inputs, torch's answer, the learner's answer, the
largest error and one hint, and shows no traceback.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pytest

# Relative tolerance by dtype: room for a different but correct order of floating-point
# operations (about a hundred rounding errors in float32), never room for a wrong formula.
_RTOL = {np.dtype(np.float16): 1e-3, np.dtype(np.float32): 1e-5, np.dtype(np.float64): 1e-10}


def tolerance(dtype, scale: float = 1.0) -> tuple[float, float]:
    """(rtol, atol) for comparing arrays of ``dtype`` whose largest magnitude is about ``scale``."""
    rtol = _RTOL.get(np.dtype(dtype), 1e-10)
    return rtol, rtol * max(1.0, float(scale))


def fail(message: str) -> None:
    """Fail the current test with ``message`` only: no traceback."""
    __tracebackhide__ = True
    pytest.fail(message, pytrace=False)


def show(value, limit: int = 8) -> str:
    """A short, readable rendering of an input or an answer."""
    if isinstance(value, np.ndarray):
        body = np.array2string(value, threshold=limit, edgeitems=3, precision=6)
        if value.ndim == 0:
            return f"{body} ({value.dtype}, 0-d array)"
        return f"{body} ({value.dtype}, shape {value.shape})"
    if isinstance(value, np.generic):
        return f"{value!r}"
    text = repr(value)
    return text if len(text) <= 200 else text[:200] + " …"


def _call(function: str, inputs: Mapping[str, object]) -> str:
    return f"{function}({', '.join(inputs)})"


def _report(function, inputs, expected, got, problem, hint, extra=()) -> str:
    lines = [f"{_call(function, inputs)} {problem}"]
    lines += [f"  {name:<7}= {show(value)}" for name, value in inputs.items()]
    lines.append(f"  torch  = {show(expected)}")
    lines.append(f"  yours  = {show(got)}")
    lines += [f"  {line}" for line in extra]
    if hint:
        lines.append(f"  hint: {hint}")
    return "\n".join(lines)


def check_true(condition: bool, message: str, hint: str = "") -> None:
    """Fail with ``message`` (and a hint) unless ``condition`` holds."""
    __tracebackhide__ = True
    if not condition:
        fail(message + (f"\n  hint: {hint}" if hint else ""))


def check_shape(function, inputs, expected, got, hint: str = "") -> np.ndarray:
    """The learner's answer as an array, after checking it has torch's shape."""
    __tracebackhide__ = True
    expected = np.asarray(expected)
    if got is None:
        fail(
            _report(
                function,
                inputs,
                expected,
                got,
                "returned None.",
                hint or "did you forget the return statement?",
            )
        )
    try:
        got_array = np.asarray(got)
    except Exception:  # an object numpy cannot hold, such as a ragged list
        got_array = None
    if got_array is None:  # failing outside the except keeps the report free of a traceback
        fail(_report(function, inputs, expected, got, "did not return an array.", hint))
    if (
        got_array.dtype == object
        or not np.issubdtype(got_array.dtype, np.number)
        and got_array.dtype != np.bool_
    ):
        fail(_report(function, inputs, expected, got, "did not return numbers.", hint))
    if got_array.shape != expected.shape:
        fail(
            _report(
                function,
                inputs,
                expected,
                got,
                f"returned shape {got_array.shape}, but torch's answer has shape {expected.shape}.",
                hint,
            )
        )
    return got_array


def check_dtype(function, inputs, expected_dtype, got, hint: str = "") -> None:
    """Fail unless the learner's answer has ``expected_dtype`` (float32 must stay float32)."""
    __tracebackhide__ = True
    got_dtype = np.asarray(got).dtype
    if got_dtype != np.dtype(expected_dtype):
        default_hint = "keep the dtype: a float64 array or np.float64 mixed in promotes float32"
        fail(
            f"{_call(function, inputs)} returned dtype {got_dtype}, "
            f"expected {np.dtype(expected_dtype)}.\n"
            + "".join(f"  {name:<7}= {show(value)}\n" for name, value in inputs.items())
            + f"  hint: {hint or default_hint}"
        )


def check_close(
    function: str,
    inputs: Mapping[str, object],
    expected,
    got,
    hint: str = "",
    *,
    rtol: float | None = None,
    atol: float | None = None,
    dtype=None,
) -> None:
    """Fail unless ``got`` matches torch's ``expected`` in shape, (optionally) dtype and value.

    ``inputs`` maps argument names to the values the learner's function was called with, for
    the message. Tolerances default to ``tolerance`` of ``dtype`` (or of ``expected``'s dtype).
    Pass ``dtype`` to also require the answer to have that dtype.
    """
    __tracebackhide__ = True
    expected = np.asarray(expected)
    got_array = check_shape(function, inputs, expected, got, hint)
    if dtype is not None:
        check_dtype(function, inputs, dtype, got, hint)
    compare_dtype = dtype if dtype is not None else expected.dtype
    if not np.issubdtype(np.dtype(compare_dtype), np.floating):
        compare_dtype = np.float64
    scale = float(np.max(np.abs(expected))) if expected.size else 1.0
    default_rtol, default_atol = tolerance(compare_dtype, scale if np.isfinite(scale) else 1.0)
    rtol = default_rtol if rtol is None else rtol
    atol = default_atol if atol is None else atol

    want = expected.astype(np.float64)
    have = got_array.astype(np.float64)
    if not np.all(np.isfinite(have) | ~np.isfinite(want)):
        bad = np.argwhere(~np.isfinite(have) & np.isfinite(want))[0]
        fail(
            _report(
                function,
                inputs,
                expected,
                got,
                "returned a value that is not finite.",
                hint,
                [
                    f"first at index {tuple(int(i) for i in bad)}: torch {want[tuple(bad)]!r}, "
                    f"yours {have[tuple(bad)]!r}"
                ],
            )
        )
    with np.errstate(invalid="ignore"):
        error = np.where(want == have, 0.0, np.abs(want - have))
    allowed = atol + rtol * np.abs(want)
    too_far = error > allowed
    if np.any(too_far):
        worst = np.unravel_index(int(np.argmax(np.where(too_far, error, -1.0))), error.shape)
        where = f" at index {tuple(int(i) for i in worst)}" if error.ndim else ""
        fail(
            _report(
                function,
                inputs,
                expected,
                got,
                "does not match torch.",
                hint,
                [
                    f"largest error {error[worst]:.3g}{where}: torch {want[worst]:.10g}, "
                    f"yours {have[worst]:.10g} (allowed {atol:.1g} + {rtol:.1g}·|torch|)"
                ],
            )
        )
