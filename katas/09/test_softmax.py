"""Tests for kata 09: softmax, log_softmax, cross_entropy and its gradient.

Torch is the judge: torch.softmax, torch.log_softmax, torch.nn.functional.cross_entropy, and
autograd through cross_entropy for the gradient, all computed here in the learner's dtype.
"""

import functools
import warnings

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from harness import (
    as_numpy,
    check_close,
    check_true,
    fail,
    learner_cache,
    learner_module,
    tolerance,
)
from harness.compare import call_learner, matches, show
from harness.learner import learner_origin

mod = learner_module(__file__, "softmax")

DTYPES = [np.float32, np.float64]
DTYPE_IDS = ["float32", "float64"]
REDUCTIONS = ["mean", "sum", "none"]
# The random tests draw their cases from seeded generators rather than with hypothesis: the same
# variety, a repeatable verdict, and no second of importing it on every run.
RANDOM_CASES = 15
DTYPE_HINT = "keep logits' dtype, as torch does: float32 in, float32 out (no float64 mixed in)"


@learner_cache
def learner(name):
    """The learner's function, looked up once per run."""
    return getattr(mod, name)


# --- calling the learner: no warnings, inputs left alone ------------------------------------

HINT_OVERFLOW = (
    "np.exp overflowed (np.exp(1e4) is inf): subtract each slice's max first, "
    "logits - np.max(logits, axis=axis, keepdims=True); the softmax does not change, and np.exp "
    "then only sees numbers <= 0"
)
HINT_LOG_OF_ZERO = (
    "do not take np.log of softmax: a probability that underflows to 0 gives log(0) = -inf. "
    "With z = logits - max, log_softmax is z - log(sum(exp(z)))"
)
HINT_ZERO_SUM = (
    "a slice's exponentials all underflowed to 0 and 0/0 is nan: subtract each slice's OWN max "
    "(np.max(..., axis=axis, keepdims=True)), not one max over the whole array"
)


def _warning_hint(warning):
    text = str(warning)
    if "overflow" in text:
        return HINT_OVERFLOW
    if "divide by zero" in text:
        return HINT_LOG_OF_ZERO
    return HINT_ZERO_SUM


def call_quietly(name, inputs, keywords=None, raised_hint="", propagate=(), allowed=()):
    """The learner's ``name``(*inputs, **keywords): no input changed, and no warning but those
    whose message contains one of ``allowed``."""
    __tracebackhide__ = True
    before = {k: v.copy() for k, v in inputs.items() if isinstance(v, np.ndarray)}
    problem = None
    with warnings.catch_warnings(), np.errstate(all="warn", under="ignore"):
        warnings.simplefilter("error", RuntimeWarning)
        for text in allowed:
            warnings.filterwarnings("ignore", f".*{text}", RuntimeWarning)
        try:
            got = call_learner(
                name, learner(name), inputs, raised_hint, keywords=keywords,
                propagate=(RuntimeWarning, FloatingPointError, *propagate),
            )  # fmt: skip
        except (RuntimeWarning, FloatingPointError) as warning:
            where = learner_origin(warning)
            at = f"\n  at {where[1]}:{where[2]}  ->  {where[3]}" if where else ""
            problem = f"{name} raised a warning: {warning}{at}\n"
            hint = _warning_hint(warning)
    if problem is not None:  # reported outside the except block: no chained traceback
        shown = {**inputs, **(keywords or {})}
        fail(
            problem
            + "".join(f"  {k:<7}= {show(v)}\n" for k, v in shown.items())
            + f"  hint: {hint}"
        )
    for key, value in before.items():
        if np.array_equal(inputs[key], value, equal_nan=True):
            continue  # the arrays are shown only when this fails: showing them costs time
        check_true(
            False,
            f"{name} changed its input {key} in place.\n  before = {show(value)}\n"
            f"  after  = {show(inputs[key])}",
            "compute new arrays (shifted = logits - m), never logits -= m: the logits belong "
            "to the caller",
        )
    return got


# --- softmax and log_softmax ----------------------------------------------------------------


def _rows_far_apart(dtype):
    """Rows 2e4 apart: one max over the whole array sends a whole row's exponentials to 0."""
    spread = np.array([[0.0, -1.0, 0.5], [2.0, 0.0, -3.0], [1.0, 1.0, 0.0]])
    offsets = np.array([[1e4], [-1e4], [0.0]])
    return (spread + offsets).astype(dtype)


def tolerances(logits, expected):
    """(rtol, atol) for an answer computed from ``logits``: the dtype's, at expected's scale,
    widened by a few rounding errors of the largest logit. A logit of 1e4 is itself known only to
    its last bit (about 1e-3 in float32), so a correct formula whose rounding happens in another
    order (z - (m + log s) rather than (z - m) - log s) may differ from torch's that much."""
    finite = np.asarray(expected)[np.isfinite(expected)]
    rtol, atol = tolerance(logits.dtype, float(np.max(np.abs(finite))) if finite.size else 1.0)
    largest = float(np.max(np.abs(logits))) if logits.size else 0.0
    return rtol, atol + 8 * float(np.finfo(logits.dtype).eps) * largest


def _logits(shape, dtype, seed, scale=3.0):
    return (scale * np.random.default_rng(seed).standard_normal(shape)).astype(dtype)


# (name, a function of dtype giving the logits, axis)
SOFTMAX_CASES = [
    ("a batch of rows", lambda d: _logits((4, 5), d, 1), -1),
    ("one row, 1-D", lambda d: _logits((6,), d, 2), -1),
    ("along axis 0", lambda d: _logits((5, 3), d, 3), 0),
    ("3-D, along axis 1", lambda d: _logits((2, 4, 3), d, 4), 1),
    ("logits of +-1e4", lambda d: _logits((3, 4), d, 5, scale=1e4), -1),
    ("rows 2e4 apart", _rows_far_apart, -1),
    ("a class far below the others", lambda d: np.array([[0.0, -800.0, 1.0]], dtype=d), -1),
    ("equal logits", lambda d: np.zeros((2, 5), dtype=d), -1),
    ("one class", lambda d: _logits((3, 1), d, 6), -1),
]

TORCH_SOFTMAX = {"softmax": torch.softmax, "log_softmax": torch.log_softmax}


def _softmax_hint(name, logits, axis, got):
    """Name the axis mistakes when the answer shows them; otherwise the formula."""
    x = torch.tensor(logits)
    whole = TORCH_SOFTMAX[name](x.reshape(-1), 0).reshape(x.shape)
    if logits.ndim > 1 and matches(as_numpy(whole), got, rtol=1e-4, atol=1e-6):
        return (
            f"you normalised over the whole array: {name} works along `axis` only, each slice "
            "on its own (sum and max with axis=axis, keepdims=True)"
        )
    other = 0 if axis % logits.ndim != 0 else logits.ndim - 1
    if logits.ndim > 1 and matches(as_numpy(TORCH_SOFTMAX[name](x, other)), got, rtol=1e-4):
        return f"you worked along axis {other}; use the axis you are given, axis={axis}"
    if name == "softmax":
        return "softmax(z) = exp(z - max z) / sum(exp(z - max z)), sums and max along axis"
    return "log_softmax(z) = (z - max z) - log(sum(exp(z - max z))), sums and max along axis"


def check_softmax(name, logits, axis):
    __tracebackhide__ = True
    expected = as_numpy(TORCH_SOFTMAX[name](torch.tensor(logits), axis))
    inputs = {"logits": logits}
    got = call_quietly(name, inputs, {"axis": axis}, "sum and max along axis, keepdims=True")
    shown = {"logits": logits, "axis": axis}
    rtol, atol = tolerances(logits, expected)
    right = matches(expected, got, rtol=rtol, atol=atol)  # a hint is worked out only when needed
    hint = "" if right else _never_raises(_softmax_hint)(name, logits, axis, got)
    check_close(
        name, shown, expected, got, hint,
        rtol=rtol, atol=atol, dtype=logits.dtype, dtype_hint=DTYPE_HINT,
    )  # fmt: skip


def _never_raises(make_hint):
    """A hint picked from the learner's answer; an answer too odd to inspect gets no hint."""

    @functools.wraps(make_hint)
    def safe(*args):
        try:
            return make_hint(*args)
        except Exception:  # the learner may return anything; check_close reports it
            return ""

    return safe


@pytest.mark.parametrize("dtype", DTYPES, ids=DTYPE_IDS)
@pytest.mark.parametrize("case", SOFTMAX_CASES, ids=[c[0] for c in SOFTMAX_CASES])
@pytest.mark.parametrize("name", ["softmax", "log_softmax"])
def test_softmax_matches_torch(name, case, dtype):
    _, make, axis = case
    check_softmax(name, make(dtype), axis)


@pytest.mark.parametrize("seed", range(RANDOM_CASES))
def test_softmax_and_log_softmax_any_shape(seed):
    rng = np.random.default_rng(seed)
    shape = tuple(int(k) for k in rng.integers(1, 5, size=rng.integers(1, 4)))
    axis = int(rng.integers(-len(shape), len(shape)))  # negative axes too
    scale, dtype = rng.choice([1.0, 30.0, 1e4]), DTYPES[seed % 2]
    logits = _logits(shape, dtype, seed, scale)
    for name in ("softmax", "log_softmax"):
        check_softmax(name, logits, axis)


# --- cross_entropy and cross_entropy_grad: torch's loss, and autograd's gradient ------------


def torch_cross_entropy(logits, targets, **options):
    """(loss, dloss/dlogits) from F.cross_entropy; for reduction="none", of loss.sum()."""
    x = torch.tensor(logits, requires_grad=True)
    loss = F.cross_entropy(x, torch.tensor(targets, dtype=torch.long), **options)
    loss.sum().backward()
    return as_numpy(loss), as_numpy(x.grad)


HINT_LOSS = (
    "each example's loss is -log_softmax(logits)[target] (log_softmax along the classes, the "
    "last axis); 'mean' averages them, 'sum' adds them, 'none' returns one per example"
)
HINT_GRAD = (
    "dL/dlogits is softmax(logits) minus the one-hot target, row by row, divided by the number "
    "of examples for 'mean'"
)
HINT_MEAN = (
    "'mean' divides the sum by the number of targets that are not ignored (N when none is ignored)"
)
HINT_KEPT = (
    "the mean is over the targets that are not ignored: divide by how many are kept, not by N"
)
HINT_IGNORED = "an ignored example counts 0: its loss and its row of the gradient are 0"
HINT_SMOOTH = (
    "label smoothing spreads eps evenly over all C classes, the right one included: the target "
    "is (1 - eps) * one_hot + eps / C, so the loss is (1 - eps) * (-log p[target]) + eps * "
    "(mean over the C classes of -log p)"
)
HINT_SMOOTH_IGNORED = (
    "an ignored example counts 0 in both terms of label smoothing, the eps term included"
)
HINT_SIGN = "the gradient is softmax minus the target distribution, not the target minus softmax"
HINT_ALL_IGNORED_GRAD = (
    "every target ignored: torch's mean is 0/0 (NaN) but no logit reaches it, so the gradient "
    "is all zeros (zero rows times any scale stay 0; compute the scale only where rows count)"
)


def _variant(logits, targets, options, *, divide_by=None, smooth=None, keep_ignored_smooth=False):
    """(loss, grad) of a plausible wrong version of cross-entropy, to name what went wrong."""
    x = torch.tensor(logits, dtype=torch.float64, requires_grad=True)
    t = torch.tensor(targets, dtype=torch.long).reshape(-1)
    logp = torch.log_softmax(x.reshape(t.shape[0], -1), dim=-1)
    ignore = options.get("ignore_index", -100)
    kept = t != ignore
    eps = options.get("label_smoothing", 0.0)
    classes = logp.shape[1]
    picked = torch.where(kept, t, torch.zeros_like(t))
    nll = -logp.gather(1, picked[:, None])[:, 0]
    if smooth == "others":  # eps spread over the C - 1 wrong classes only
        other = (-logp.sum(1) - nll) / max(classes - 1, 1)
        per_row = (1 - eps) * nll + eps * other
    elif smooth == "sum":  # eps times the SUM over classes, not the mean
        per_row = (1 - eps) * nll - eps * logp.sum(1)
    elif smooth == "forgotten":
        per_row = nll
    else:
        per_row = (1 - eps) * nll - eps * logp.mean(1)
    if keep_ignored_smooth:
        per_row = torch.where(kept, per_row, -eps * logp.mean(1))
    else:
        per_row = torch.where(kept, per_row, torch.zeros_like(per_row))
    reduction = options.get("reduction", "mean")
    count = {"kept": kept.sum(), "N": t.shape[0], "one": 1}[divide_by or "kept"]
    if reduction == "none":
        loss = per_row.reshape(np.shape(targets))
    else:
        loss = per_row.sum() / (count if reduction == "mean" else 1)
    loss.sum().backward()
    return as_numpy(loss), as_numpy(x.grad)


def _diagnosis(logits, targets, options, got, want, kind):
    """The hint for the one mistake the answer shows, else None."""
    index = 0 if kind == "loss" else 1
    kept = np.asarray(targets).reshape(-1) != options.get("ignore_index", -100)
    reduction = options.get("reduction", "mean")
    eps = options.get("label_smoothing", 0.0)

    def shows(**wrong):
        return matches(_variant(logits, targets, options, **wrong)[index], got, rtol=1e-4)

    if kind == "grad" and matches(-want, got, rtol=1e-4) and np.any(want != 0):
        return HINT_SIGN
    if reduction == "mean" and kept.sum() > 1 and shows(divide_by="one"):
        return HINT_MEAN
    if reduction == "mean" and 0 < kept.sum() < kept.size and shows(divide_by="N"):
        return HINT_KEPT
    if eps > 0 and not kept.all() and shows(keep_ignored_smooth=True):
        return HINT_SMOOTH_IGNORED
    if eps > 0 and any(shows(smooth=s) for s in ("others", "sum", "forgotten")):
        return HINT_SMOOTH
    return None


def _ce_hint(logits, targets, options, got, want, kind):
    found = _never_raises(_diagnosis)(logits, targets, options, got, want, kind)
    if found:
        return found
    kept = np.asarray(targets).reshape(-1) != options.get("ignore_index", -100)
    if kind == "grad" and not kept.any():
        return HINT_ALL_IGNORED_GRAD
    if not kept.all():
        return HINT_IGNORED + "; " + (HINT_KEPT if kind == "loss" else HINT_GRAD)
    if options.get("label_smoothing", 0.0) > 0:
        return HINT_SMOOTH
    return HINT_LOSS if kind == "loss" else HINT_GRAD


RAISED_HINT = (
    "logits are (N, C) with targets (N,), or (C,) with a 0-d target; targets equal to "
    "ignore_index (-100 by default) are not class indices, so mask them before indexing"
)


def _same_nans(got, want):
    """Whether the answer is NaN exactly where torch's is (False for anything not numeric)."""
    try:
        have = np.asarray(got, dtype=np.float64)
    except (TypeError, ValueError):
        return False
    return have.shape == want.shape and bool(np.all(np.isnan(have) == np.isnan(want)))


def check_cross_entropy(kind, logits, targets, propagate=(), **options):
    """The learner's cross_entropy (kind "loss") or cross_entropy_grad ("grad") against torch.

    Exceptions of the types in ``propagate`` are left to the caller to judge.
    """
    __tracebackhide__ = True
    name = NAMES[kind]
    want = torch_cross_entropy(logits, targets, **options)[0 if kind == "loss" else 1]
    inputs = {"logits": logits, "targets": targets}
    kept = np.asarray(targets).reshape(-1) != options.get("ignore_index", -100)
    # With every target ignored, torch's mean is 0/0: numpy may say so while computing that NaN.
    allowed = () if kept.any() else ("invalid value", "divide by zero")
    got = call_quietly(name, inputs, options, RAISED_HINT, propagate, allowed)
    shown = {**inputs, **options}
    if kind == "loss" and np.isnan(want).any():
        check_true(
            _same_nans(got, want),
            f"{name}(logits, targets, ...) returned {show(got)}; torch returns NaN: every "
            f"target is ignored, so the mean is 0/0.\n  targets = {show(targets)}",
            "follow torch: divide by the number of kept targets even when it is 0, and say "
            "so in your docstring (np.errstate(invalid='ignore') keeps it quiet)",
        )
    rtol, atol = tolerances(logits, want)
    right = matches(want, got, rtol=rtol, atol=atol)  # a hint is worked out only when needed
    hint = "" if right else _ce_hint(logits, targets, options, got, want, kind)
    check_close(
        name, shown, want, got, hint,
        rtol=rtol, atol=atol, dtype=logits.dtype, dtype_hint=DTYPE_HINT,
    )  # fmt: skip


KINDS = ["loss", "grad"]
NAMES = {"loss": "cross_entropy", "grad": "cross_entropy_grad"}


def batch(seed, n=6, c=5, dtype=np.float64, scale=3.0, ignored=(), ignore_index=-100):
    rng = np.random.default_rng(seed)
    logits = (scale * rng.standard_normal((n, c))).astype(dtype)
    targets = rng.integers(0, c, size=n)
    if ignore_index in range(c):  # keep ignore_index only where the test puts it
        targets[targets == ignore_index] = (ignore_index + 1) % c
    targets[list(ignored)] = ignore_index
    return logits, targets


@pytest.mark.parametrize("dtype", DTYPES, ids=DTYPE_IDS)
@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("kind", KINDS)
def test_cross_entropy_matches_torch(kind, reduction, dtype):
    logits, targets = batch(1, dtype=dtype)
    check_cross_entropy(kind, logits, targets, reduction=reduction)


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("kind", KINDS)
def test_one_example_with_a_0d_target(kind, reduction):
    logits = _logits((4,), np.float32, 7)
    check_cross_entropy(kind, logits, np.array(2), reduction=reduction)


@pytest.mark.parametrize("eps", [0.1, 0.5, 1.0])
@pytest.mark.parametrize("reduction", ["mean", "none"])
@pytest.mark.parametrize("kind", KINDS)
def test_label_smoothing(kind, reduction, eps):
    logits, targets = batch(2)
    check_cross_entropy(kind, logits, targets, reduction=reduction, label_smoothing=eps)


# (name, ignored rows, ignore_index, label_smoothing)
IGNORE_CASES = [
    ("two of six ignored", (1, 4), -100, 0.0),
    ("ignore_index inside [0, C)", (0, 2, 3), 0, 0.0),
    ("ignore_index past C", (5,), 9, 0.0),
    ("ignored, with label smoothing", (1, 4), -100, 0.2),
]


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("case", IGNORE_CASES, ids=[c[0] for c in IGNORE_CASES])
@pytest.mark.parametrize("kind", KINDS)
def test_ignore_index(kind, case, reduction):
    _, ignored, ignore_index, eps = case
    logits, targets = batch(3, ignored=ignored, ignore_index=ignore_index)
    options = dict(reduction=reduction, label_smoothing=eps)
    check_cross_entropy(kind, logits, targets, ignore_index=ignore_index, **options)


@pytest.mark.parametrize("eps", [0.0, 0.3])
@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("kind", KINDS)
def test_every_target_ignored(kind, reduction, eps):
    logits, targets = batch(4, n=3, ignored=(0, 1, 2))
    check_cross_entropy(kind, logits, targets, reduction=reduction, label_smoothing=eps)


@pytest.mark.parametrize("dtype", DTYPES, ids=DTYPE_IDS)
@pytest.mark.parametrize("eps", [0.0, 0.1])
@pytest.mark.parametrize("kind", KINDS)
def test_logits_of_1e4(kind, eps, dtype):
    logits, targets = batch(5, dtype=dtype, scale=1e4)
    check_cross_entropy(kind, logits, targets, label_smoothing=eps)


@pytest.mark.parametrize("seed", range(RANDOM_CASES))
def test_random_batches_match_torch(seed):
    rng = np.random.default_rng(seed + 1000)
    n, c = (int(k) for k in rng.integers(1, 6, size=2))
    reduction, eps = REDUCTIONS[seed % 3], float(rng.choice([0.0, 0.05, 0.5, 1.0]))
    scale, dtype, ignore_some = rng.choice([1.0, 30.0, 1e4]), DTYPES[seed % 2], seed % 4 == 1
    ignored = tuple(range(0, n, 2)) if ignore_some else ()
    logits, targets = batch(seed, n, c, dtype, scale, ignored)
    for kind in KINDS:
        check_cross_entropy(kind, logits, targets, reduction=reduction, label_smoothing=eps)


# --- bad arguments: ValueError naming the argument; what torch accepts is accepted ----------

# (name, logits shape, targets, options, the word the error must contain)
REFUSED = [
    ("unknown reduction", (3, 4), [0, 1, 2], dict(reduction="average"), "reduction"),
    ("label_smoothing below 0", (3, 4), [0, 1, 2], dict(label_smoothing=-0.1), "label_smoothing"),
    ("label_smoothing above 1", (3, 4), [0, 1, 2], dict(label_smoothing=1.5), "label_smoothing"),
    ("a target of C", (3, 4), [0, 4, 2], {}, "target"),
    ("a negative target", (3, 4), [0, -1, 2], {}, "target"),
    ("a target of -100 with ignore_index=0", (3, 4), [0, -100, 2], dict(ignore_index=0), "target"),
    ("a 0-d target of C for one example", (4,), 4, {}, "target"),
    ("fewer targets than rows", (3, 4), [0, 1], {}, "targets"),
    ("more targets than rows", (2, 4), [0, 1, 2], {}, "targets"),
]

HINT_REFUSE = {
    "reduction": "refuse a reduction other than 'mean', 'sum' or 'none'",
    "label_smoothing": "refuse label_smoothing outside [0, 1] (both ends are allowed)",
    "target": "refuse a target outside [0, C) unless it equals ignore_index",
    "targets": "one target per row: refuse targets whose length is not logits' N",
}


def refuse_hint(word):
    return (
        f"check the arguments before computing anything, and raise ValueError naming the "
        f"argument: {HINT_REFUSE[word]}"
    )


@pytest.mark.parametrize("case", REFUSED, ids=[c[0] for c in REFUSED])
@pytest.mark.parametrize("name", ["cross_entropy", "cross_entropy_grad"])
def test_refuses_bad_arguments(name, case):
    _, shape, targets, options, word = case
    logits, targets = _logits(shape, np.float64, 8), np.array(targets)
    call = f"{name}(logits of shape {shape}, targets={targets.tolist()}" + "".join(
        f", {k}={v!r}" for k, v in options.items()
    )
    inputs = {"logits": logits, "targets": targets}
    try:
        call_learner(
            name,
            learner(name),
            inputs,
            refuse_hint(word),
            keywords=options,
            propagate=(ValueError,),
        )
    except ValueError as error:
        check_true(
            word in str(error),
            f"{call}) raised ValueError({str(error)!r}), which does not name {word!r}.",
            f"say which argument is wrong: put {word!r} in the message",
        )
    else:
        fail(f"{call}) returned normally; it must raise ValueError.\n  hint: {refuse_hint(word)}")


# Odd but right: each of these is accepted by F.cross_entropy, and checked against it.
ACCEPTED = [
    ("label_smoothing of exactly 0", dict(label_smoothing=0.0), ()),
    ("label_smoothing of exactly 1", dict(label_smoothing=1.0), ()),
    ("a target of -100 when it is ignore_index", {}, (2,)),
    ("int32 targets", dict(int32=True), ()),
]


@pytest.mark.parametrize("case", ACCEPTED, ids=[c[0] for c in ACCEPTED])
@pytest.mark.parametrize("kind", KINDS)
def test_accepts_what_torch_accepts(kind, case):
    _, options, ignored = case
    options = dict(options)
    logits, targets = batch(9, ignored=ignored)
    if options.pop("int32", False):
        targets = targets.astype(np.int32)
    try:
        check_cross_entropy(kind, logits, targets, (ValueError,), **options)
    except ValueError as error:
        fail(
            f"{NAMES[kind]} raised ValueError({error}) for {case[0]}, which torch accepts.\n"
            f"  hint: refuse only label_smoothing outside [0, 1] (both ends allowed), targets "
            f"outside [0, C) that are not ignore_index, and any integer dtype will do"
        )
