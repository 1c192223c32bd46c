"""Tests for kata 04: the linear layer. Torch is the judge: F.linear, autograd and nn.Linear."""

import functools

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from harness import as_numpy, check_close, check_true, fail, learner_module
from harness.compare import call_learner, matches

mod = learner_module(__file__, "linear")

DTYPES = [np.float32, np.float64]
DTYPE_HINT = "keep x's dtype, as torch does: float32 in, float32 out (no np.float64 conversions)"

# (name, leading shape of x, in_features, out_features, with bias)
FORWARD_CASES = [
    ("one input, x of shape (in,)", (), 3, 2, True),
    ("a batch", (5,), 3, 4, True),
    ("a batch of sequences, 3-D x", (2, 3), 4, 5, True),
    ("square W (in == out)", (4,), 3, 3, True),
    ("no bias, b=None", (5,), 3, 4, False),
    ("no bias, 3-D x", (2, 2), 3, 2, False),
    ("an empty batch", (0,), 3, 2, True),
    ("one batch of one", (1,), 1, 1, True),
]

BACKWARD_CASES = [
    ("one input, x of shape (in,)", (), 3, 2),
    ("a batch", (5,), 3, 4),
    ("a batch of sequences, 3-D x", (2, 3), 4, 5),
    ("square W (in == out)", (4,), 3, 3),
    ("square W, 3-D x", (3, 2), 4, 4),
    ("4-D x", (2, 1, 3), 2, 3),
    ("an empty batch", (0,), 3, 2),
    ("a batch of one", (1,), 3, 2),
]


def _arrays(lead, n_in, n_out, dtype, seed, scale=1.0):
    rng = np.random.default_rng(seed)
    x = (scale * rng.standard_normal((*lead, n_in))).astype(dtype)
    W = rng.standard_normal((n_out, n_in)).astype(dtype)
    b = rng.standard_normal(n_out).astype(dtype)
    grad_out = rng.standard_normal((*lead, n_out)).astype(dtype)
    return x, W, b, grad_out


def torch_forward(x, W, b):
    bias = None if b is None else torch.tensor(b)
    return as_numpy(F.linear(torch.tensor(x), torch.tensor(W), bias))


def torch_backward(x, W, grad_out):
    """x.grad, W.grad and b.grad after (F.linear(x, W, b) * grad_out).sum().backward()."""
    xt = torch.tensor(x, requires_grad=True)
    Wt = torch.tensor(W, requires_grad=True)
    bt = torch.zeros(W.shape[0], dtype=Wt.dtype, requires_grad=True)
    (F.linear(xt, Wt, bt) * torch.tensor(grad_out)).sum().backward()
    return as_numpy(xt.grad), as_numpy(Wt.grad), as_numpy(bt.grad)


def _never_raises(make_hint):
    """A hint picked from the learner's answer; an answer too odd to inspect gets no hint."""

    @functools.wraps(make_hint)
    def safe(*args):
        try:
            return make_hint(*args)
        except Exception:  # the learner may return anything; check_close reports it
            return ""

    return safe


# --- forward -------------------------------------------------------------------------------------


def _check_forward(x, W, b):
    __tracebackhide__ = True
    expected = torch_forward(x, W, b)
    inputs = {"x": x, "W": W, "b": b}
    got = call_learner("linear_forward", mod.linear_forward, inputs, _forward_raised_hint(x, b))
    hint = _forward_hint(x, b, expected, got)
    check_close("linear_forward", inputs, expected, got, hint, dtype=x.dtype, dtype_hint=DTYPE_HINT)


def _forward_raised_hint(x, b):
    if b is None:
        return "b=None means a layer without bias: add b only when b is not None"
    return (
        f"x here has {x.ndim} axes (shape {x.shape}): x @ W.T works for any number of leading "
        "axes, since the features are x's LAST axis and W.T has shape (in, out)"
    )


@_never_raises
def _forward_hint(x, b, expected, got):
    shape_ok = got is not None and np.shape(got) == expected.shape
    if b is None:
        hint = "with b=None there is no bias to add: the output is just x @ W.T"
    elif shape_ok and np.allclose(np.asarray(got, dtype=np.float64), expected - b, atol=1e-4):
        hint = "your output is x @ W.T without the bias: add b (to every row)"
    elif not shape_ok:
        hint = (
            "W has shape (out_features, in_features) and the features are x's LAST axis: "
            "the output has shape x.shape[:-1] + (out_features,)"
        )
    else:
        hint = "y = x @ W.T + b: multiply by W transposed, then add the bias to every row"
    return hint


@pytest.mark.parametrize("dtype", DTYPES, ids=lambda d: np.dtype(d).name)
@pytest.mark.parametrize(
    "name, lead, n_in, n_out, bias", FORWARD_CASES, ids=[c[0] for c in FORWARD_CASES]
)
def test_linear_forward(name, lead, n_in, n_out, bias, dtype):
    x, W, b, _ = _arrays(lead, n_in, n_out, dtype, seed=len(name))
    _check_forward(x, W, b if bias else None)


@pytest.mark.parametrize("dtype", DTYPES, ids=lambda d: np.dtype(d).name)
def test_linear_forward_large_values(dtype):
    x, W, b, _ = _arrays((6,), 8, 3, dtype, seed=4, scale=1e4)
    _check_forward(x, W, b)


# The random shapes come from seeded generators rather than hypothesis: the same variety (0 to 3
# leading dimensions of 0 to 3, 1 to 6 features in and out, both dtypes), a repeatable verdict,
# and no import of hypothesis on every run. Only the first failing case is reported, and the
# cases go smallest first, as hypothesis would show the simplest one.
RANDOM_CASES = 15


def random_cases(seed):
    """(lead, n_in, n_out, with bias, dtype, seed of the values), smallest first."""
    rng = np.random.default_rng(seed)
    cases = [((), 1, 1, True, np.float64, 0)]  # the simplest case, tried first
    for case in range(RANDOM_CASES - 1):
        lead = tuple(int(n) for n in rng.integers(0, 4, size=rng.integers(0, 4)))
        n_in, n_out = (int(n) for n in rng.integers(1, 7, size=2))
        cases.append((lead, n_in, n_out, bool(rng.integers(2)), DTYPES[case % 2], seed + case))
    return sorted(cases, key=lambda c: (int(np.prod(c[0])) * c[1] * c[2], len(c[0])))


def test_linear_forward_any_shape():
    for lead, n_in, n_out, bias, dtype, seed in random_cases(seed=40):
        x, W, b, _ = _arrays(lead, n_in, n_out, dtype, seed)
        _check_forward(x, W, b if bias else None)


# --- backward ------------------------------------------------------------------------------------


@_never_raises
def _hint_grad_x(got, x, W):
    if got is not None and np.shape(got) != x.shape:
        return (
            f"grad_x has x's shape {x.shape}: grad_out has shape (..., out_features) and W "
            f"(out_features, in_features); which product of the two ends in in_features?"
        )
    return "dL/dx[..., i] = sum_j grad_out[..., j] * W[j, i]: which product is that?"


def _mean_hint(name, got, want, lead):
    """Say "sum, not mean" when the answer is torch's divided by the number of positions."""
    positions = int(np.prod(lead))
    if positions > 1 and matches(want / positions, got, rtol=1e-4, atol=1e-6):
        return (
            f"sum, not mean: your {name} is torch's divided by the {positions} positions. The "
            "1/N of a mean loss is already inside grad_out; here every position's share is added"
        )
    return None


@_never_raises
def _hint_grad_W(got, want, W, lead):
    shape = np.shape(got) if got is not None else None
    if shape == W.shape[::-1] and W.shape[0] != W.shape[1]:
        return "your grad_W is transposed: it must have W's shape (out_features, in_features)"
    mean = _mean_hint("grad_W", got, want, lead)
    if mean:
        return mean
    if len(lead) != 1:
        return (
            "grad_W sums over EVERY leading axis of x: flatten x and grad_out to "
            "(positions, features) first, and treat a 1-D x as a batch of one"
        )
    return (
        "dL/dW[j, i] = sum over the batch of grad_out[n, j] * x[n, i], "
        "with W's shape (out_features, in_features)"
    )


@_never_raises
def _hint_grad_b(got, want, lead):
    mean = _mean_hint("grad_b", got, want, lead)
    if mean:
        return mean
    if len(lead) == 0:
        return "with a 1-D x there is one output row, so grad_b is grad_out itself"
    if len(lead) == 1:
        return "b is added to every row of the batch, so grad_b sums grad_out over the rows"
    return (
        "b is added at every leading position, so grad_b sums grad_out over ALL axes but the "
        f"last (for {len(lead) + 1}-D x that is {len(lead)} axes, not one); "
        "it has shape (out_features,)"
    )


def _backward_raised_hint(x):
    if x.ndim == 2:
        return (
            "grad_x = grad_out @ W, grad_W = grad_out.T @ x, grad_b = grad_out summed over rows: "
            "check the shapes of each product"
        )
    return (
        f"x here has {x.ndim} axes (shape {x.shape}), not 2: flatten x to (positions, "
        "in_features) and grad_out to (positions, out_features) with reshape first, so one "
        "formula serves a 1-D x (one position), a batch and a 3-D or 4-D x alike"
    )


def _check_backward(x, W, grad_out):
    __tracebackhide__ = True
    x_before, W_before, g_before = x.copy(), W.copy(), grad_out.copy()
    want_x, want_W, want_b = torch_backward(x, W, grad_out)
    inputs = {"x": x, "W": W, "grad_out": grad_out}
    result = call_learner("linear_backward", mod.linear_backward, inputs, _backward_raised_hint(x))
    check_true(
        isinstance(result, (tuple, list)) and len(result) == 3,
        f"linear_backward(x, W, grad_out) returned {type(result).__name__}, not the tuple "
        f"(grad_x, grad_W, grad_b).",
        "return all three gradients: return grad_x, grad_W, grad_b",
    )
    got_x, got_W, got_b = result
    lead = x.shape[:-1]
    for name, want, got, hint in (
        ("grad_x", want_x, got_x, _hint_grad_x(got_x, x, W)),
        ("grad_W", want_W, got_W, _hint_grad_W(got_W, want_W, W, lead)),
        ("grad_b", want_b, got_b, _hint_grad_b(got_b, want_b, lead)),
    ):
        check_close(
            f"{name} of linear_backward", inputs, want, got, hint,
            dtype=x.dtype, dtype_hint=DTYPE_HINT,
        )  # fmt: skip
    unchanged = (
        np.array_equal(x, x_before)
        and np.array_equal(W, W_before)
        and np.array_equal(grad_out, g_before)
    )
    check_true(
        unchanged,
        "linear_backward(x, W, grad_out) changed its inputs in place.",
        "compute new arrays; x, W and grad_out belong to the caller (no +=, *= or out= on them)",
    )


@pytest.mark.parametrize("dtype", DTYPES, ids=lambda d: np.dtype(d).name)
@pytest.mark.parametrize(
    "name, lead, n_in, n_out", BACKWARD_CASES, ids=[c[0] for c in BACKWARD_CASES]
)
def test_linear_backward(name, lead, n_in, n_out, dtype):
    x, W, _, grad_out = _arrays(lead, n_in, n_out, dtype, seed=len(name) + 100)
    _check_backward(x, W, grad_out)


def test_linear_backward_any_shape():
    for lead, n_in, n_out, _, dtype, seed in random_cases(seed=41):
        x, W, _, grad_out = _arrays(lead, n_in, n_out, dtype, seed)
        _check_backward(x, W, grad_out)


# --- init ----------------------------------------------------------------------------------------
# init_linear is random, so it is judged as a distribution, never value by value. Every sample is
# large and every allowance is several standard errors wide: a correct init passes with any seed
# except with odds below one in a million, while a wrong scale or shape of distribution is off by
# dozens of standard errors. The seeds are fixed, so a run is repeatable.

# (in_features, out_features): the first gives b a large sample, the second W a wide fan-in.
INIT_SHAPES = [(9, 50_000), (100, 5_000)]
SIGMAS = 6.0  # allowance in standard errors; a correct init falls outside it with p < 2e-9
KS_ALPHA = 1e-6  # false alarm rate of the two-sample Kolmogorov-Smirnov test
KS_SAMPLE = 100_000  # values compared; a normal with the right variance is 5x past the threshold


def _call_init(n_in, n_out, seed):
    __tracebackhide__ = True
    inputs = {"in_features": n_in, "out_features": n_out, "rng": np.random.default_rng(seed)}
    result = call_learner(
        "init_linear", mod.init_linear, inputs,
        "W = rng.uniform(-k, k, size=(out_features, in_features)) and b likewise with "
        "size=(out_features,), where k = 1 / sqrt(in_features)",
    )  # fmt: skip
    check_true(
        isinstance(result, (tuple, list)) and len(result) == 2,
        f"init_linear({n_in}, {n_out}, rng) returned {type(result).__name__}, "
        f"not the tuple (W, b).",
        "return W, b",
    )
    W, b = (np.asarray(a) for a in result)
    call = (
        f"init_linear(in_features={n_in}, out_features={n_out}, rng=np.random.default_rng({seed}))"
    )
    for name, got, shape in (("W", W, (n_out, n_in)), ("b", b, (n_out,))):
        check_true(
            got.shape == shape,
            f"{call} returned {name} of shape {got.shape}; "
            f"torch.nn.Linear's {name} has shape {shape}.",
            "W has shape (out_features, in_features), like torch; b has shape (out_features,)",
        )
        check_true(
            np.issubdtype(got.dtype, np.floating) and bool(np.all(np.isfinite(got))),
            f"{call} returned {name} with dtype {got.dtype}: "
            f"expected finite floating-point numbers.",
            "rng.uniform returns float64 arrays",
        )
    return call, W, b


@functools.cache
def _torch_linear(n_in, n_out):
    """A default torch.nn.Linear's (W, b) as float64 arrays; torch's global seed is left alone."""
    with torch.random.fork_rng():
        torch.manual_seed(0)
        layer = torch.nn.Linear(n_in, n_out, dtype=torch.float64)
    return as_numpy(layer.weight), as_numpy(layer.bias)


def test_init_linear_shapes_and_dtype():
    call, W, b = _call_init(3, 5, seed=0)
    tw, tb = _torch_linear(3, 5)
    check_true(W.shape == tw.shape and b.shape == tb.shape, f"{call}: shapes differ from torch's.")


def test_init_linear_draws_from_rng():
    call, W1, b1 = _call_init(4, 6, seed=7)
    _, W2, b2 = _call_init(4, 6, seed=7)
    _, W3, b3 = _call_init(4, 6, seed=8)
    check_true(
        np.array_equal(W1, W2) and np.array_equal(b1, b2),
        f"{call} returned a different layer when called twice with the same seed.",
        "draw every number from the rng argument (rng.uniform), "
        "not from np.random or a new Generator",
    )
    check_true(
        not (np.array_equal(W1, W3) and np.array_equal(b1, b3)),
        f"{call} returned the same layer for seeds 7 and 8.",
        "draw every number from the rng argument you are given; do not seed a Generator yourself",
    )
    check_true(
        not np.array_equal(W1[:, :1].ravel(), b1),
        f"{call} returned a bias equal to a column of W: the bias must be drawn separately.",
        "draw b with its own call to the rng",
    )


@pytest.mark.parametrize("n_in, n_out", INIT_SHAPES, ids=lambda v: str(v))
def test_init_linear_bounds(n_in, n_out):
    call, W, b = _call_init(n_in, n_out, seed=1)
    k = 1.0 / np.sqrt(n_in)
    tw, tb = _torch_linear(n_in, n_out)
    for name, got, ref in (("W", W, tw), ("b", b, tb)):
        outside = np.abs(got) > k
        if np.any(outside):
            worst = float(got.ravel()[np.argmax(np.abs(got))])
            fail(
                f"{call}: {name} has values outside [-k, k], k = 1/sqrt(in_features) = {k:.6g}.\n"
                f"  torch  = torch.nn.Linear's {name} lies in [{ref.min():.6g}, {ref.max():.6g}]\n"
                f"  yours  = {int(outside.sum())} of {got.size} values outside, "
                f"the worst {worst:.6g}\n"
                f"  hint: torch draws from a uniform distribution on [-k, k], which never goes "
                f"past k; a normal distribution (or a wider range) does"
            )


def _variance_hint(name, var, n_in, n_out):
    if var == 0:
        return f"every entry of {name} is the same: torch draws {name} at random from U(-k, k) too"
    for scale, text in (
        (1.0 / n_in, "1/in_features: the bound is 1/sqrt(in_features)"),
        (1.0 / np.sqrt(n_out), "1/sqrt(out_features): the bound uses in_features, for b too"),
        (1.0, "1: the bound is 1/sqrt(in_features), not 1"),
    ):
        if abs(var / (scale**2 / 3) - 1) < 0.05:
            return f"your {name} looks like U(-k, k) with k = {text}"
    return f"{name} should be U(-k, k) with k = 1/sqrt(in_features); its variance is k²/3"


@pytest.mark.parametrize("name", ["W", "b"])
@pytest.mark.parametrize("n_in, n_out", INIT_SHAPES, ids=lambda v: str(v))
def test_init_linear_mean_and_variance(n_in, n_out, name):
    call, W, b = _call_init(n_in, n_out, seed=2)
    got = (W if name == "W" else b).astype(np.float64).ravel()
    ref = _torch_linear(n_in, n_out)[0 if name == "W" else 1].ravel()
    k = 1.0 / np.sqrt(n_in)
    n = got.size
    # U(-k, k): mean 0, variance k²/3, fourth central moment k⁴/5.
    var_theory = k**2 / 3
    se_mean = np.sqrt(var_theory / n)
    se_var = np.sqrt((k**4 / 5 - var_theory**2) / n)
    mean, var = float(got.mean()), float(got.var())
    shown = f"{n} values of {name}"
    if abs(mean) > SIGMAS * se_mean:
        fail(
            f"{call}: the mean of {name} is off.\n"
            f"  torch  = 0 for U(-k, k) "
            f"(torch.nn.Linear's {name} of this shape: {ref.mean():.6g})\n"
            f"  yours  = {mean:.6g}, over {shown}\n"
            f"  error {abs(mean):.3g}, "
            f"allowed {SIGMAS * se_mean:.3g} ({SIGMAS:g} standard errors)\n"
            f"  hint: U(-k, k) is centred on 0: draw from -k to k, not from 0 to k"
        )
    if abs(var - var_theory) > SIGMAS * se_var:
        fail(
            f"{call}: the variance of {name} is off.\n"
            f"  torch  = k²/3 = {var_theory:.6g} with k = 1/sqrt({n_in}) "
            f"(torch.nn.Linear's {name} of this shape: {ref.var():.6g})\n"
            f"  yours  = {var:.6g}, over {shown}\n"
            f"  error {abs(var - var_theory):.3g}, allowed {SIGMAS * se_var:.3g} "
            f"({SIGMAS:g} standard errors)\n"
            f"  hint: {_variance_hint(name, var, n_in, n_out)}"
        )


def _ks_two_sample(a, b):
    """The Kolmogorov-Smirnov distance between the empirical distributions of a and b."""
    a, b = np.sort(a), np.sort(b)
    points = np.concatenate([a, b])
    cdf_a = np.searchsorted(a, points, side="right") / a.size
    cdf_b = np.searchsorted(b, points, side="right") / b.size
    return float(np.max(np.abs(cdf_a - cdf_b)))


def _quantiles(values):
    return ", ".join(f"{q:.4g}" for q in np.quantile(values, [0.1, 0.25, 0.5, 0.75, 0.9]))


@pytest.mark.parametrize("n_in, n_out", INIT_SHAPES, ids=lambda v: str(v))
def test_init_linear_matches_torch_distribution(n_in, n_out):
    """The whole shape of the distribution, against torch.nn.Linear's own draw of the same shape."""
    call, W, b = _call_init(n_in, n_out, seed=3)
    tw, tb = _torch_linear(n_in, n_out)
    for name, got, ref in (("W", W, tw), ("b", b, tb)):
        got = got.astype(np.float64).ravel()[:KS_SAMPLE]
        ref = ref.ravel()[:KS_SAMPLE]
        distance = _ks_two_sample(got, ref)
        n, m = got.size, ref.size
        critical = np.sqrt(-0.5 * np.log(KS_ALPHA / 2) * (n + m) / (n * m))
        if distance > critical:
            fail(
                f"{call}: the distribution of {name} differs from torch.nn.Linear's.\n"
                f"  torch  = quantiles 10/25/50/75/90%: {_quantiles(ref)}\n"
                f"  yours  = quantiles 10/25/50/75/90%: {_quantiles(got)}\n"
                f"  largest gap between the two cumulative distributions {distance:.3g}, "
                f"allowed {critical:.3g} (Kolmogorov-Smirnov, false alarm rate {KS_ALPHA:g})\n"
                f"  hint: torch's values spread evenly over [-k, k], k = 1/sqrt(in_features): "
                f"a uniform distribution, where no value is more likely than another"
            )
