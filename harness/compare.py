"""Comparisons with torch's answer that fail with a message a learner can act on.

Every failure names the function, the inputs, torch's answer, the learner's answer, the
largest error and one hint, and shows no traceback.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pytest

from harness import learner
from harness.sandbox import SandboxFailure

# Relative tolerance by dtype: room for a different but correct order of floating-point
# operations (about a hundred rounding errors in float32), never room for a wrong formula.
_RTOL = {np.dtype(np.float16): 1e-3, np.dtype(np.float32): 1e-5, np.dtype(np.float64): 1e-10}


def tolerance(dtype, scale: float = 1.0) -> tuple[float, float]:
    """(rtol, atol) for comparing arrays of ``dtype`` whose largest magnitude is about ``scale``."""
    rtol = _RTOL.get(np.dtype(dtype), 1e-10)
    return rtol, rtol * max(1.0, float(scale))


def fail(message: str, function=None, hint: str = "", *, kind=None, where=None) -> None:
    """Fail the current test with ``message`` only: no traceback.

    The failure also carries ``function`` and ``hint`` as data (the plugin puts them on the
    report), so a class report can group diagnoses without reading them out of the message.
    ``kind`` (``harness.outcomes``) overrides the plain ``failed``: a quiz question not answered
    yet is ``not_implemented``, in the learner file ``where``.
    """
    __tracebackhide__ = True
    failure = pytest.fail.Exception(message, pytrace=False)
    failure.function = str(function) if function else None
    failure.hint = hint or None
    failure.kind = kind
    failure.where = where
    raise failure


SHOWN_ELEMENTS = 8  # an array with more elements is shortened to its first and last few
EDGE_ITEMS = 3  # elements kept at each end of a shortened axis
NEARBY = 2  # elements shown on each side of the largest error when it falls out of sight


def show(value, limit: int = SHOWN_ELEMENTS) -> str:
    """A short, readable rendering of an input or an answer."""
    if isinstance(value, np.ndarray):
        body = np.array2string(value, threshold=limit, edgeitems=EDGE_ITEMS, precision=6)
        if value.ndim == 0:
            return f"{body} ({value.dtype}, 0-d array)"
        return f"{body} ({value.dtype}, shape {value.shape})"
    if isinstance(value, np.generic):
        return f"{value!r}"
    if isinstance(value, (list, tuple)) and value and all(isinstance(v, np.ndarray) for v in value):
        shapes = ", ".join(str(v.shape) for v in value)
        dtypes = ", ".join(sorted({str(v.dtype) for v in value}))
        return f"{type(value).__name__} of {len(value)} arrays of shapes {shapes} ({dtypes})"
    text = repr(value)
    return text if len(text) <= 200 else text[:200] + " …"


class Subject(str):
    """What a check is about, as a phrase to show as it is ("f.grad after f.backward()").

    A plain string is a function's name, shown as a call with the names of its inputs.
    """


def _call(function: str, inputs: Mapping[str, object]) -> str:
    if isinstance(function, Subject):
        return str(function)
    return f"{function}({', '.join(inputs)})"


def _labelled(pairs) -> list[str]:
    """``  name = value`` lines, the ``=`` signs aligned under the longest name."""
    pairs = list(pairs)
    width = max([5, *(len(name) for name, _ in pairs)])
    return [f"  {name:<{width}} = {text}" for name, text in pairs]


def _report(function, inputs, expected, got, problem, hint, extra=()) -> str:
    lines = [f"{_call(function, inputs)} {problem}"]
    pairs = [(name, show(value)) for name, value in inputs.items()]
    lines += _labelled([*pairs, ("torch", show(expected)), ("yours", show(got))])
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
        hint = hint or "did you forget the return statement?"
        fail(_report(function, inputs, expected, got, "returned None.", hint), function, hint)
    try:
        got_array = np.asarray(got)
    except Exception:  # an object numpy cannot hold, such as a ragged list
        got_array = None
    if got_array is None:  # failing outside the except keeps the report free of a traceback
        fail(
            _report(function, inputs, expected, got, "did not return an array.", hint),
            function,
            hint,
        )
    if (
        got_array.dtype == object
        or not np.issubdtype(got_array.dtype, np.number)
        and got_array.dtype != np.bool_
    ):
        fail(
            _report(function, inputs, expected, got, "did not return numbers.", hint),
            function,
            hint,
        )
    if got_array.shape != expected.shape:
        fail(
            _report(
                function,
                inputs,
                expected,
                got,
                f"returned shape {got_array.shape}, but torch's answer has shape {expected.shape}.",
                hint,
            ),
            function,
            hint,
        )
    return got_array


DTYPE_HINT = (
    "keep the dtype: a float64 array or np.float64 mixed in promotes float32 to float64; "
    "torch's answer has the dtype of the inputs"
)


def check_dtype(function, inputs, expected_dtype, got, hint: str = "", expected=None) -> None:
    """Fail unless the learner's answer has ``expected_dtype`` (float32 must stay float32).

    ``hint`` replaces the default hint, which is about dtypes; pass torch's answer as
    ``expected`` to show it next to the learner's.
    """
    __tracebackhide__ = True
    expected_dtype = np.dtype(expected_dtype)
    got_dtype = np.asarray(got).dtype
    if got_dtype != expected_dtype:
        problem = f"returned dtype {got_dtype}, expected {expected_dtype}."
        if expected is None:
            lines = [f"{_call(function, inputs)} {problem}"]
            lines += _labelled((name, show(value)) for name, value in inputs.items())
            fail("\n".join([*lines, f"  hint: {hint or DTYPE_HINT}"]), function, hint or DTYPE_HINT)
        shown = np.asarray(expected).astype(expected_dtype)
        fail(
            _report(function, inputs, shown, got, problem, hint or DTYPE_HINT),
            function,
            hint or DTYPE_HINT,
        )


def _tolerances(expected: np.ndarray, rtol, atol, dtype) -> tuple[float, object]:
    """(rtol, atol) given, or the defaults for ``dtype`` (or expected's) at expected's scale."""
    compare_dtype = dtype if dtype is not None else expected.dtype
    if not np.issubdtype(np.dtype(compare_dtype), np.floating):
        compare_dtype = np.float64
    scale = float(np.max(np.abs(expected))) if expected.size else 1.0
    default_rtol, default_atol = tolerance(compare_dtype, scale if np.isfinite(scale) else 1.0)
    return (default_rtol if rtol is None else rtol), (default_atol if atol is None else atol)


def _errors(want: np.ndarray, have: np.ndarray, rtol, atol) -> tuple[np.ndarray, np.ndarray]:
    """(|error|, where it is too large) of ``have`` against ``want``, both float64."""
    with np.errstate(invalid="ignore"):
        error = np.where(want == have, 0.0, np.abs(want - have))
    return error, error > atol + rtol * np.abs(want)


def matches(expected, got, *, rtol=None, atol=None, dtype=None) -> bool:
    """Whether ``got`` would pass ``check_close`` against ``expected`` (no message, no failure)."""
    try:
        expected = np.asarray(expected)
        have = np.asarray(got, dtype=np.float64)
    except (TypeError, ValueError):
        return False
    if have.shape != expected.shape:
        return False
    rtol, atol = _tolerances(expected, rtol, atol, dtype)
    want = expected.astype(np.float64)
    if not np.all(np.isfinite(have) | ~np.isfinite(want)):
        return False
    return not np.any(_errors(want, have, rtol, atol)[1])


def _inputs_at(inputs: Mapping[str, object], shape: tuple, index: tuple) -> str:
    """``, x = 0.0`` for every input array with the answer's shape, at ``index``."""
    found = [
        f"{name} = {value[index].item()!r}"
        for name, value in inputs.items()
        if isinstance(value, np.ndarray) and value.shape == shape and value.ndim
    ]
    return f" (where {', '.join(found)})" if found else ""


def _out_of_sight(shape: tuple, index: tuple) -> bool:
    """Whether ``show`` leaves element ``index`` out (shortened axes keep only their ends)."""
    if int(np.prod(shape)) <= SHOWN_ELEMENTS:
        return False
    return any(EDGE_ITEMS <= i < n - EDGE_ITEMS for i, n in zip(index, shape, strict=True))


def _around(inputs: Mapping[str, object], want, have, shown, got, index: tuple) -> list[str]:
    """The elements next to ``index`` (along the last axis) in each input of the answer's shape,
    torch's answer and yours, when the shortened arrays hide it or print alike."""
    if not index or not (_out_of_sight(want.shape, index) or show(shown) == show(got)):
        return []
    start = max(index[-1] - NEARBY, 0)
    window = (*index[:-1], slice(start, index[-1] + NEARBY + 1))
    last = min(index[-1] + NEARBY, want.shape[-1] - 1)
    arrays = [
        (name, value)
        for name, value in inputs.items()
        if isinstance(value, np.ndarray) and value.shape == want.shape
    ]
    arrays += [("torch", want.astype(shown.dtype)), ("yours", have)]
    width = max(len(name) for name, _ in arrays)
    rows = [f"  {name:<{width}} = {np.array2string(v[window], precision=6)}" for name, v in arrays]
    return [f"around index {index} (elements {start} to {last} of the last axis):", *rows]


def _fail_not_finite(function, inputs, shown, got, want, have, hint) -> None:
    __tracebackhide__ = True
    bad = tuple(int(i) for i in np.argwhere(~np.isfinite(have) & np.isfinite(want))[0])
    first = f"first at index {bad}" if bad else "the value"
    extra = f"{first}{_inputs_at(inputs, want.shape, bad)}: torch {want[bad]!r}, "
    extra += f"yours {have[bad]!r}"
    problem = "returned a value that is not finite."
    fail(_report(function, inputs, shown, got, problem, hint, [extra]), function, hint)


def check_close(
    function: str,
    inputs: Mapping[str, object],
    expected,
    got,
    hint: str = "",
    *,
    rtol: float | None = None,
    atol=None,
    dtype=None,
    dtype_hint: str = "",
) -> None:
    """Fail unless ``got`` matches torch's ``expected`` in shape, (optionally) dtype and value.

    ``inputs`` maps argument names to the values the learner's function was called with, for
    the message. Tolerances default to ``tolerance`` of ``dtype`` (or of ``expected``'s dtype);
    ``atol`` may be an array of expected's shape (one floor per element). Pass ``dtype`` to also
    require the answer to have that dtype; torch's answer is then shown in that dtype, and a
    wrong dtype gets ``dtype_hint`` (or a general hint about dtypes), never ``hint``.
    """
    __tracebackhide__ = True
    expected = np.asarray(expected)
    shown = expected if dtype is None else expected.astype(dtype)
    got_array = check_shape(function, inputs, shown, got, hint)
    if dtype is not None:
        check_dtype(function, inputs, dtype, got, dtype_hint, expected=expected)
    rtol, atol = _tolerances(expected, rtol, atol, dtype)
    want = expected.astype(np.float64)
    have = got_array.astype(np.float64)
    if not np.all(np.isfinite(have) | ~np.isfinite(want)):
        _fail_not_finite(function, inputs, shown, got, want, have, hint)
    error, too_far = _errors(want, have, rtol, atol)
    if np.any(too_far):
        worst = np.unravel_index(int(np.argmax(np.where(too_far, error, -1.0))), error.shape)
        worst = tuple(int(i) for i in worst)
        where = f" at index {worst}{_inputs_at(inputs, want.shape, worst)}" if worst else ""
        floor = float(np.broadcast_to(atol, want.shape)[worst])
        extra = (
            f"largest error {error[worst]:.3g}{where}: torch {want[worst]:.10g}, "
            f"yours {have[worst]:.10g} (allowed {floor:.1g} + {rtol:.1g}·|torch|)"
        )
        extra = [extra, *_around(inputs, want, have, shown, got_array, worst)]
        fail(
            _report(function, inputs, shown, got, "does not match torch.", hint, extra),
            function,
            hint,
        )


# --- calling the learner's code -------------------------------------------------------------


# The harness's own signals: reported as they are, never as a mistake in the learner's code.
HARNESS_SIGNALS = (
    NotImplementedError,  # reported as "not implemented yet", one line
    learner.LearnerFileError,
    learner.AutogradNotAllowed,
    learner.TimedOut,
    SandboxFailure,
)


def _judged_as_a_mistake(error: BaseException) -> bool:
    """Whether an exception is the learner's code going wrong (not the harness's own signal)."""
    if isinstance(error, HARNESS_SIGNALS):
        return False
    return learner.learner_origin(error) is not None


def call_learner(
    function: str,
    call,
    inputs: Mapping[str, object],
    hint: str = "",
    *,
    keywords: Mapping[str, object] | None = None,
    propagate: tuple = (),
):
    """``call(*inputs.values(), **keywords)``; an exception raised in the learner's code fails.

    The failure names the call, shows every input (with its shape) and the exception, where it
    was raised, and ``hint``. "Not implemented yet", a broken file, a timeout and the sandbox's
    own failures propagate untouched, to be reported as they always are, and so do the
    exception types in ``propagate``, which the caller judges itself.
    """
    __tracebackhide__ = True
    keywords = dict(keywords or {})
    try:
        return call(*inputs.values(), **keywords)
    except Exception as error:
        if isinstance(error, propagate) or not _judged_as_a_mistake(error):
            raise
        raised = error
    function_, path, line, source = learner.learner_origin(raised)
    shown = {**inputs, **keywords}
    lines = [f"{_call(function, shown)} raised {type(raised).__name__}: {raised}"]
    lines += _labelled((name, show(value)) for name, value in shown.items())
    lines.append(f"  in {function_}, {path}:{line}" + (f"  ->  {source}" if source else ""))
    if hint:
        lines.append(f"  hint: {hint}")
    fail("\n".join(lines), function, hint)  # outside the except block: no "during handling" chain
