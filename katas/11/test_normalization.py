"""Tests for kata 11: initialization and normalization. Torch is the judge.

The init functions are random, so they are judged as distributions: their scale against the
formulas of torch.nn.init (with torch.nn.init.calculate_gain's gains), and their whole shape with
a Kolmogorov-Smirnov test against torch's distribution of that scale. Batch norm and layer norm
are judged value by value against torch.nn.functional.batch_norm and layer_norm, and their
gradients against torch autograd.
"""

import math

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from harness import as_numpy, check_close, check_true, fail, learner_module, tolerance
from harness.compare import Subject, call_learner, matches

mod = learner_module(__file__, "normalization")

DTYPES = [np.float32, np.float64]
DTYPE_IDS = [np.dtype(d).name for d in DTYPES]
DTYPE_HINT = (
    "keep x's dtype, as torch does: float32 in, float32 out (a float64 array or np.float64 "
    "constant mixed in promotes the whole result)"
)

# --- initialization --------------------------------------------------------------------------
# Every sample holds 200,000 weights, and every allowance is wide: a correct init passes with any
# seed (the seeds are fixed anyway, so a run is repeatable), while each wrong scale catalogued
# for this kata is off by at least 10% in std, dozens of standard errors.

SIGMAS = 6.0  # allowance in standard errors; a correct init falls outside it with p < 2e-9
KS_ALPHA = 1e-6  # false alarm rate of the one-sample Kolmogorov-Smirnov test

# (fan_in, fan_out, gain or None for the default): fan_in != fan_out, so that a swapped shape
# or the wrong fan shows.
XAVIER_CASES = [(400, 500, None), (300, 700, "tanh"), (1000, 200, 0.5)]
# (fan_in, fan_out, nonlinearity, a)
KAIMING_CASES = [
    (400, 500, "relu", 0.0),
    (500, 400, "tanh", 0.0),
    (600, 300, "leaky_relu", 0.5),
    (400, 500, "leaky_relu", 0.0),
    (700, 300, "linear", 0.0),
    (300, 700, "sigmoid", 0.0),
    (500, 400, "selu", 0.0),
]


def torch_gain(nonlinearity, a=0.0):
    return torch.nn.init.calculate_gain(nonlinearity, a)


def torch_fans(fan_in, fan_out):
    """(fan_in, fan_out) as torch.nn.init reads them from a (fan_out, fan_in) weight."""
    weight = torch.empty(fan_out, fan_in)
    return torch.nn.init._calculate_fan_in_and_fan_out(weight)


def xavier_bound(fan_in, fan_out, gain):
    """torch.nn.init.xavier_uniform_'s bound: sqrt(3) * gain * sqrt(2 / (fan_in + fan_out))."""
    t_in, t_out = torch_fans(fan_in, fan_out)
    return math.sqrt(3.0) * gain * math.sqrt(2.0 / float(t_in + t_out))


def kaiming_std(fan_in, fan_out, nonlinearity, a):
    """torch.nn.init.kaiming_normal_'s std (mode "fan_in"): gain / sqrt(fan_in)."""
    t_in, _ = torch_fans(fan_in, fan_out)
    return torch_gain(nonlinearity, a) / math.sqrt(t_in)


def _call_init(name, fan_in, fan_out, seed, **options):
    """The learner's init as a float64 array, after checking its shape and its numbers."""
    __tracebackhide__ = True
    inputs = {"fan_in": fan_in, "fan_out": fan_out, "rng": np.random.default_rng(seed)}
    shown = ", ".join(f"{k}={v!r}" for k, v in options.items())
    call = (
        f"{name}({fan_in}, {fan_out}, np.random.default_rng({seed}){', ' if shown else ''}{shown})"
    )
    result = call_learner(
        name, getattr(mod, name), inputs,
        "draw with the rng you are given: rng.uniform(low, high, size=...) or "
        "rng.normal(0, std, size=...)",
        keywords=options,
    )  # fmt: skip
    got = np.asarray(result) if isinstance(result, np.ndarray) else None
    check_true(
        got is not None,
        f"{call} returned {type(result).__name__}, not a NumPy array.",
        "return the array the rng drew",
    )
    check_true(
        got.shape == (fan_out, fan_in),
        f"{call} returned shape {got.shape}; torch's weight has shape {(fan_out, fan_in)}.",
        "a weight has shape (fan_out, fan_in), like torch.nn.Linear(fan_in, fan_out).weight: "
        "one row per output",
    )
    check_true(
        np.issubdtype(got.dtype, np.floating) and bool(np.all(np.isfinite(got))),
        f"{call} returned {got.dtype} values, or values that are not finite.",
        "rng.uniform and rng.normal return finite float64 arrays",
    )
    return call, got.astype(np.float64).ravel()


def _ks_distance(values, cdf):
    """The Kolmogorov-Smirnov distance of the sample from the distribution with this CDF."""
    values = np.sort(values)
    theory = as_numpy(cdf(torch.from_numpy(values)))
    n = values.size
    above = np.arange(1, n + 1) / n - theory
    below = theory - np.arange(0, n) / n
    return float(max(above.max(), below.max()))


def _quantiles(values):
    return ", ".join(f"{q:.4g}" for q in np.quantile(values, [0.1, 0.25, 0.5, 0.75, 0.9]))


def _scale_hint(ratio, candidates, default):
    """The mistake whose scale (as a ratio to torch's std) the learner's std is closest to."""
    for wrong_ratio, text in candidates:
        if abs(wrong_ratio - 1) > 0.05 and abs(ratio / wrong_ratio - 1) < 0.03:
            return text
    return default


def _check_distribution(call, got, torch_dist, kurtosis, shape_hint, scale_hints):
    """Mean, std and the whole shape of ``got`` against torch's distribution.

    kurtosis (E[w^4] / std^4: 9/5 for a uniform, 3 for a normal) sets the standard error of
    the sample's std.
    """
    __tracebackhide__ = True
    n, std = got.size, float(torch_dist.stddev)
    mean, got_std = float(got.mean()), float(got.std())
    if abs(mean) > SIGMAS * std / math.sqrt(n):
        fail(
            f"{call}: the mean of the weights is off.\n"
            f"  torch  = 0\n  yours  = {mean:.6g}, over {n} weights\n"
            f"  error {abs(mean):.3g}, allowed {SIGMAS * std / math.sqrt(n):.3g}\n"
            f"  hint: the distribution is centred on 0: from -bound to bound, or a mean of 0"
        )
    se_std = std * math.sqrt((kurtosis - 1) / (4 * n))
    if abs(got_std - std) > SIGMAS * se_std:
        fail(
            f"{call}: the weights' spread is off.\n"
            f"  torch  = std {std:.6g}\n  yours  = std {got_std:.6g}, over {n} weights "
            f"(ratio to torch's: {got_std / std:.4g})\n"
            f"  allowed {SIGMAS * se_std:.3g} ({SIGMAS:g} standard errors)\n"
            f"  hint: {scale_hints(got_std / std)}"
        )
    distance = _ks_distance(got, torch_dist.cdf)
    critical = math.sqrt(-math.log(KS_ALPHA / 2) / (2 * n))
    if distance > critical:
        sample = as_numpy(torch_dist.sample((n,)))
        fail(
            f"{call}: the distribution of the weights differs from torch's.\n"
            f"  torch  = quantiles 10/25/50/75/90%: {_quantiles(sample)}\n"
            f"  yours  = quantiles 10/25/50/75/90%: {_quantiles(got)}\n"
            f"  largest gap between the cumulative distributions {distance:.3g}, "
            f"allowed {critical:.3g} (Kolmogorov-Smirnov, false alarm rate {KS_ALPHA:g})\n"
            f"  hint: {shape_hint}"
        )


def _gain_of(option):
    return 1.0 if option is None else torch_gain(option) if isinstance(option, str) else option


def _xavier_hints(gain):
    """Candidate wrong scales of xavier_uniform, as ratios to torch's std."""
    return lambda ratio: _scale_hint(
        ratio,
        [
            (1 / gain, "the gain is missing: multiply the bound by gain"),
            (gain, "the gain is applied twice: bound = gain * sqrt(6 / (fan_in + fan_out))"),
            (
                math.sqrt(3),
                "sqrt(6 / (fan_in + fan_out)) is the BOUND of the uniform, not its "
                "std: rng.uniform(-bound, bound), whose std is bound / sqrt(3)",
            ),
            (
                1 / math.sqrt(3),
                "sqrt(2 / (fan_in + fan_out)) is the std; the uniform's bound is "
                "sqrt(3) times that: sqrt(6 / (fan_in + fan_out))",
            ),
            (1 / math.sqrt(gain), "gain multiplies the bound, outside the square root"),
        ],
        "bound = gain * sqrt(6 / (fan_in + fan_out)), drawn as rng.uniform(-bound, bound)",
    )


XAVIER_SHAPE_HINT = (
    "torch draws Xavier weights from a UNIFORM distribution (every value in [-bound, bound] "
    "equally likely): rng.uniform, not rng.normal"
)


def _outside_hint(ratio, gain):
    """Past the bound: a wrong scale if the spread is off, else a distribution with tails."""
    if abs(ratio - 1) < 0.05:
        return XAVIER_SHAPE_HINT
    return _xavier_hints(_gain_of(gain))(ratio)


@pytest.mark.parametrize("fan_in, fan_out, gain", XAVIER_CASES, ids=str)
def test_xavier_uniform_matches_torch_distribution(fan_in, fan_out, gain):
    options = {} if gain is None else {"gain": _gain_of(gain)}
    call, got = _call_init("xavier_uniform", fan_in, fan_out, seed=fan_in, **options)
    bound = xavier_bound(fan_in, fan_out, _gain_of(gain))
    outside = np.abs(got) > bound * (1 + 1e-12)
    if np.any(outside):
        fail(
            f"{call}: {int(outside.sum())} of {got.size} weights lie outside [-bound, bound].\n"
            f"  torch  = bound {bound:.6g}: gain * sqrt(6 / (fan_in + fan_out))\n"
            f"  yours  = the largest |weight| is {np.abs(got).max():.6g}\n"
            f"  hint: {_outside_hint(float(got.std()) * math.sqrt(3) / bound, gain)}"
        )
    uniform = torch.distributions.Uniform(
        torch.tensor(-bound, dtype=torch.float64), torch.tensor(bound, dtype=torch.float64)
    )
    _check_distribution(call, got, uniform, 9 / 5, XAVIER_SHAPE_HINT, _xavier_hints(_gain_of(gain)))


def _kaiming_hints(fan_in, fan_out, nonlinearity, a):
    """Candidate wrong scales of kaiming_normal, as ratios to torch's std."""
    gain = torch_gain(nonlinearity, a)
    std = gain / math.sqrt(fan_in)
    candidates = [
        (
            math.sqrt(fan_in / fan_out),
            "std uses fan_in (torch's default mode): gain / sqrt(fan_in), not fan_out",
        ),
        (1 / gain, f"the gain is missing: std = calculate_gain({nonlinearity!r}) / sqrt(fan_in)"),
        (gain, "the gain is applied twice: std = gain / sqrt(fan_in)"),
        (
            gain / math.sqrt(fan_in),
            "rng.normal's scale is the std, gain / sqrt(fan_in), not the variance gain**2 / fan_in",
        ),
        (
            math.sqrt(2) / gain,
            f"{nonlinearity!r} has its own gain: sqrt(2) is relu's; "
            "calculate_gain gives tanh 5/3, leaky_relu sqrt(2 / (1 + a**2)), linear 1, ...",
        ),
        (
            math.sqrt(gain / fan_in) / std,
            "std = gain / sqrt(fan_in): the square root is over fan_in only",
        ),
    ]
    if nonlinearity == "leaky_relu":
        candidates.insert(
            0,
            (
                math.sqrt(2) / gain,
                "leaky_relu's gain depends on its negative slope a: sqrt(2 / (1 + a**2))",
            ),
        )
    default = "std = calculate_gain(nonlinearity, a) / sqrt(fan_in), drawn as rng.normal(0, std)"
    return lambda ratio: _scale_hint(ratio, candidates, default)


@pytest.mark.parametrize("fan_in, fan_out, nonlinearity, a", KAIMING_CASES, ids=str)
def test_kaiming_normal_matches_torch_distribution(fan_in, fan_out, nonlinearity, a):
    options = {"nonlinearity": nonlinearity} | ({"a": a} if a else {})
    call, got = _call_init("kaiming_normal", fan_in, fan_out, seed=fan_out, **options)
    std = kaiming_std(fan_in, fan_out, nonlinearity, a)
    normal = torch.distributions.Normal(
        torch.tensor(0.0, dtype=torch.float64), torch.tensor(std, dtype=torch.float64)
    )
    shape_hint = (
        "torch draws Kaiming weights from a NORMAL distribution N(0, std**2): rng.normal, "
        "not rng.uniform"
    )
    hints = _kaiming_hints(fan_in, fan_out, nonlinearity, a)
    _check_distribution(call, got, normal, 3.0, shape_hint, hints)


def test_kaiming_normal_default_is_relu():
    call, got = _call_init("kaiming_normal", 300, 600, seed=5)
    normal = torch.distributions.Normal(
        torch.tensor(0.0, dtype=torch.float64),
        torch.tensor(kaiming_std(300, 600, "relu", 0.0), dtype=torch.float64),
    )
    hints = _kaiming_hints(300, 600, "relu", 0.0)
    _check_distribution(call, got, normal, 3.0, "the default nonlinearity is relu", hints)


@pytest.mark.parametrize("name", ["xavier_uniform", "kaiming_normal"])
def test_init_draws_from_the_rng_it_is_given(name):
    call, first = _call_init(name, 30, 20, seed=7)
    _, again = _call_init(name, 30, 20, seed=7)
    _, other = _call_init(name, 30, 20, seed=8)
    check_true(
        np.array_equal(first, again),
        f"{call} returned different weights when called twice with the same seed.",
        "draw every number from the rng argument, not from np.random or a Generator of your own",
    )
    check_true(
        not np.array_equal(first, other),
        f"{call} returned the same weights for seeds 7 and 8.",
        "draw every number from the rng argument you are given; do not seed one yourself",
    )


def test_kaiming_normal_rejects_an_unknown_nonlinearity():
    with pytest.raises(ValueError):
        torch_gain("gelu")  # torch refuses it: so must kaiming_normal
    inputs = {"fan_in": 4, "fan_out": 3, "rng": np.random.default_rng(0)}
    try:
        call_learner(
            "kaiming_normal", mod.kaiming_normal, inputs, keywords={"nonlinearity": "gelu"},
            propagate=(ValueError,),
        )  # fmt: skip
    except ValueError:
        return
    fail(
        "kaiming_normal(4, 3, rng, nonlinearity='gelu') returned weights; "
        "torch.nn.init.kaiming_normal_ raises ValueError (unsupported nonlinearity).\n"
        "  hint: calculate_gain knows linear, the conv names, sigmoid, tanh, relu, leaky_relu "
        "and selu; raise ValueError for any other name"
    )


# --- hints picked by what the learner's answer looks like -------------------------------------


def _t(array):
    return torch.tensor(np.asarray(array, dtype=np.float64))


def _named(got, expected, candidates, default):
    """The hint of the first wrong answer (computed in float64) that ``got`` matches."""
    try:
        got = np.asarray(got, dtype=np.float64)
        for wrong, hint in candidates:
            wrong = as_numpy(wrong) if isinstance(wrong, torch.Tensor) else np.asarray(wrong)
            if not matches(expected, wrong, rtol=1e-4, atol=1e-6) and matches(
                wrong, got, rtol=1e-4, atol=1e-6
            ):
                return hint
    except Exception:  # the learner may return anything; check_close reports it
        pass
    return default


def _normalized(x, mean, var, eps):
    return (x - mean) / torch.sqrt(var + eps)


HINT_BIASED = (
    "normalize with the BIASED variance (divided by N, np.var's default); only the running "
    "variance is unbiased"
)
HINT_EPS = "eps goes inside the square root: (x - mean) / sqrt(var + eps)"


# --- batch norm ------------------------------------------------------------------------------

# (name, N, C, momentum, eps, scale of x, shift of x)
BATCHNORM_CASES = [
    ("a batch", 16, 4, 0.1, 1e-5, 1.0, 0.0),
    ("momentum 0.3, eps 1e-3", 8, 3, 0.3, 1e-3, 1.0, 0.0),
    ("two examples", 2, 5, 0.1, 1e-5, 1.0, 0.0),
    ("shifted and scaled data", 32, 3, 0.1, 1e-5, 10.0, 50.0),
    ("a tiny variance, where eps matters", 8, 3, 0.1, 1e-5, 1e-3, 0.0),
]
CASE_IDS = [case[0] for case in BATCHNORM_CASES]


def _batchnorm_arrays(n, channels, dtype, seed, scale=1.0, shift=0.0):
    rng = np.random.default_rng(seed)
    x = shift + scale * (rng.standard_normal((n, channels)) + rng.normal(size=channels))
    gamma = rng.uniform(0.5, 2.0, channels)
    beta = rng.normal(size=channels)
    running_mean = rng.normal(size=channels)
    running_var = rng.uniform(0.5, 2.0, channels)
    grad_out = rng.standard_normal((n, channels))
    arrays = (x, gamma, beta, running_mean, running_var, grad_out)
    return tuple(a.astype(dtype) for a in arrays)


def torch_batchnorm(x, gamma, beta, running_mean, running_var, training, momentum, eps):
    """torch's y and running statistics (updated in place by F.batch_norm, as by BatchNorm1d)."""
    t_mean, t_var = torch.tensor(running_mean), torch.tensor(running_var)
    y = F.batch_norm(
        torch.tensor(x), t_mean, t_var, torch.tensor(gamma), torch.tensor(beta),
        training=training, momentum=momentum, eps=eps,
    )  # fmt: skip
    return as_numpy(y), as_numpy(t_mean), as_numpy(t_var)


def _batchnorm_hints(x, gamma, beta, running_mean, running_var, training, eps):
    """Wrong y's (float64) and the hint that names each."""
    x, g, b = _t(x), _t(gamma), _t(beta)
    rm, rv = _t(running_mean), _t(running_var)
    mean, var = x.mean(0), x.var(0, unbiased=False)
    scaled = [
        (
            _normalized(x, mean, var, eps) * g + b,
            "in eval mode (training=False) normalize with "
            "running_mean and running_var, not the batch's statistics",
        ),
        (
            _normalized(x, rm, rv, eps) * g + b,
            "in training mode normalize with the batch's own "
            "mean and variance; the running statistics are for eval mode",
        ),
    ]
    candidates = scaled[:1] if not training else scaled[1:]
    mean_used, var_used = (mean, var) if training else (rm, rv)
    if x.shape[0] > 1:
        candidates.append((_normalized(x, mean, x.var(0, unbiased=True), eps) * g + b, HINT_BIASED))
    candidates += [
        ((x - mean_used) / (torch.sqrt(var_used) + eps) * g + b, HINT_EPS),
        (_normalized(x, x.mean(1, keepdim=True), x.var(1, unbiased=False, keepdim=True), eps)
         * g + b, "each channel (column) has its own statistics: mean and var over the batch "
         "axis, axis=0, not over each example's features"),
        (_normalized(x, mean_used, var_used, eps) * b + g, "scale by gamma, then shift by beta"),
    ]  # fmt: skip
    default = "y = (x - mean) / sqrt(var + eps) * gamma + beta, per channel (column)"
    return candidates, default


def _running_hints(name, old, batch_stat, n, momentum, training):
    """Wrong running statistics (float64) and the hint that names each."""
    old, stat = _t(old), _t(batch_stat)
    if not training:
        return [], f"eval mode leaves {name} unchanged: use it, do not update it"
    candidates = [
        (old, f"update {name} IN PLACE (running *= ..., running += ..., or running[...] = ...): "
         "the caller's array must change, and rebinding the name changes nothing outside"),
        ((1 - momentum) * stat + momentum * old, "momentum weights the NEW batch: "
         "(1 - momentum) * running + momentum * batch statistic"),
        (stat, "blend, do not replace: (1 - momentum) * running + momentum * batch statistic"),
    ]  # fmt: skip
    if name == "running_var":
        biased = stat * (n - 1) / n
        candidates.insert(
            0,
            (
                (1 - momentum) * old + momentum * biased,
                "the running variance "
                "is the UNBIASED batch variance (divided by N - 1), as BatchNorm1d",
            ),
        )
    default = f"{name} = (1 - momentum) * {name} + momentum * batch statistic, in place"
    return candidates, default


def _call_batchnorm(inputs, options):
    __tracebackhide__ = True
    result = call_learner(
        "batchnorm_forward", mod.batchnorm_forward, inputs,
        "x is (N, C): the statistics are over axis 0, one per channel, shape (C,)",
        keywords=options,
    )  # fmt: skip
    check_true(
        isinstance(result, (tuple, list)) and len(result) == 2,
        f"batchnorm_forward returned {type(result).__name__}, not the tuple (y, cache).",
        "return y, cache",
    )
    return result


def _check_batchnorm(x, gamma, beta, running_mean, running_var, training, momentum, eps):
    """y and the running statistics, after one call, against torch's."""
    __tracebackhide__ = True
    before = [a.copy() for a in (x, gamma, beta, running_mean, running_var)]
    want = torch_batchnorm(*before, training, momentum, eps)
    inputs = dict(x=x, gamma=gamma, beta=beta, running_mean=running_mean, running_var=running_var)
    options = {"training": training, "momentum": momentum, "eps": eps}
    shown = {**{k: v.copy() for k, v in inputs.items()}, **options}
    y, _ = _call_batchnorm(inputs, options)
    candidates, default = _batchnorm_hints(*before, training, eps)
    hint = _named(y, want[0], candidates, default)
    check_close("batchnorm_forward", shown, want[0], y, hint, dtype=x.dtype, dtype_hint=DTYPE_HINT)
    n = x.shape[0]
    wide = x.astype(np.float64)
    batch = {"running_mean": wide.mean(0), "running_var": wide.var(0, ddof=min(1, n - 1))}
    for index, name in ((1, "running_mean"), (2, "running_var")):
        old = before[3 if name == "running_mean" else 4]
        candidates, default = _running_hints(name, old, batch[name], n, momentum, training)
        hint = _named(inputs[name], want[index], candidates, default)
        check_close(
            f"{name} after batchnorm_forward", shown, want[index], inputs[name], hint,
            dtype=old.dtype, dtype_hint=f"keep {name}'s dtype: update it in place",
        )  # fmt: skip
    for name, old in zip(("x", "gamma", "beta"), before, strict=False):
        check_true(
            np.array_equal(inputs[name], old),
            f"batchnorm_forward changed its argument {name} in place.",
            f"only the running statistics are updated in place; {name} belongs to the caller",
        )


@pytest.mark.parametrize("dtype", DTYPES, ids=DTYPE_IDS)
@pytest.mark.parametrize("name, n, channels, momentum, eps, scale, shift", BATCHNORM_CASES,
                         ids=CASE_IDS)  # fmt: skip
def test_batchnorm_forward_training(name, n, channels, momentum, eps, scale, shift, dtype):
    x, gamma, beta, rm, rv, _ = _batchnorm_arrays(n, channels, dtype, len(name), scale, shift)
    _check_batchnorm(x, gamma, beta, rm, rv, True, momentum, eps)


@pytest.mark.parametrize("dtype", DTYPES, ids=DTYPE_IDS)
@pytest.mark.parametrize("n", [6, 1], ids=["a batch", "one example"])
def test_batchnorm_forward_eval_uses_the_running_statistics(n, dtype):
    x, gamma, beta, rm, rv, _ = _batchnorm_arrays(n, 4, dtype, seed=n)
    _check_batchnorm(x, gamma, beta, rm, rv, False, 0.1, 1e-5)


HINT_ONE_EXAMPLE = (
    "one example per channel has no variance to normalize with (and the unbiased one divides "
    "by N - 1 = 0): raise ValueError when training and x.shape[0] < 2"
)


def test_batchnorm_forward_refuses_one_example_in_training():
    x, gamma, beta, rm, rv, _ = _batchnorm_arrays(1, 3, np.float64, seed=3)
    with pytest.raises(ValueError):
        torch_batchnorm(x, gamma, beta, rm, rv, True, 0.1, 1e-5)  # torch refuses: so must you
    inputs = dict(x=x, gamma=gamma, beta=beta, running_mean=rm, running_var=rv)
    try:
        call_learner(
            "batchnorm_forward", mod.batchnorm_forward, inputs, HINT_ONE_EXAMPLE,
            propagate=(ValueError,),
        )  # fmt: skip
    except ValueError:
        return
    fail(
        "batchnorm_forward(x, ...) with x of shape (1, 3) in training mode returned; torch raises "
        "ValueError (Expected more than 1 value per channel when training).\n"
        f"  hint: {HINT_ONE_EXAMPLE}"
    )


def torch_norm_grads(forward, x, gamma, beta, grad_out):
    """x.grad, gamma.grad and beta.grad after (forward(x, gamma, beta) * grad_out).sum()."""
    leaves = [torch.tensor(a, requires_grad=True) for a in (x, gamma, beta)]
    (forward(*leaves) * torch.tensor(grad_out)).sum().backward()
    return [as_numpy(leaf.grad) for leaf in leaves]


def _backward_tolerance(dtype, want, grad_out):
    """float32's tolerance, at the scale of the terms that cancel inside grad_x."""
    scale = max(float(np.abs(want).max()), float(np.abs(grad_out).max()))
    return tolerance(dtype, scale)[1]


def _check_norm_backward(name, x, want, cache, grad_out, hints):
    """The learner's (grad_x, grad_gamma, grad_beta) from ``name``(cache, grad_out)."""
    __tracebackhide__ = True
    g_before = grad_out.copy()
    inputs = {"x": x, "grad_out": grad_out}
    result = call_learner(
        name, getattr(mod, name), {"cache": cache, "grad_out": grad_out},
        "grad_out has y's shape; the cache holds what forward saved for backward",
    )  # fmt: skip
    check_true(
        isinstance(result, (tuple, list)) and len(result) == 3,
        f"{name}(cache, grad_out) returned {type(result).__name__}, not the tuple "
        "(grad_x, grad_gamma, grad_beta).",
        "return grad_x, grad_gamma, grad_beta",
    )
    labels = ("grad_x", "grad_gamma", "grad_beta")
    for label, expected, got, hint in zip(labels, want, result, hints, strict=True):
        subject = f"{label} of {name}(cache, grad_out), the cache from the forward pass on x,"
        check_close(
            Subject(subject), inputs, expected, got, hint(got, expected),
            atol=_backward_tolerance(x.dtype, expected, grad_out), dtype=x.dtype,
            dtype_hint=DTYPE_HINT,
        )  # fmt: skip
    check_true(
        np.array_equal(grad_out, g_before),
        f"{name} changed grad_out in place.",
        "compute new arrays: grad_out belongs to the caller",
    )


GRAD_X_HINTS = {
    0: "grad_x = gamma * invstd / N * (N * g - sum(g) - x_hat * sum(g * x_hat)), with g = "
    "grad_out and the sums over the batch axis",
    -1: "with h = gamma * grad_out, grad_x = invstd / D * (D * h - sum(h) - x_hat * "
    "sum(h * x_hat)), the sums over the last axis with keepdims=True",
}


def _grad_hints(x, gamma, grad_out, axis):
    """One hint picker per gradient; axis is where the statistics are taken (0 or -1)."""
    xt, g, go = _t(x), _t(gamma), _t(grad_out)
    keep = axis == -1
    invstd = 1 / xt.var(axis, False, keepdim=keep).sqrt()
    leading = tuple(range(x.ndim - 1))
    where = "over the batch" if axis == 0 else "over every leading axis"
    gamma_hint = f"grad_gamma = sum {where} of grad_out * x_hat (the normalized x)"
    beta_hint = f"grad_beta = sum {where} of grad_out, shape (features,)"
    if not leading:
        gamma_hint = (
            "grad_gamma and grad_beta sum over every leading axis, and a 1-D x has none: "
            "grad_gamma is grad_out * x_hat itself, and grad_beta is grad_out"
        )
        beta_hint = gamma_hint
    statistics = "the mean and variance are computed from x, so they carry gradient to x too: "
    return (
        lambda got, want: _named(got, want, [(go * g * invstd, statistics + GRAD_X_HINTS[axis])],
                                 GRAD_X_HINTS[axis]),
        lambda got, want: _named(got, want, [(go.sum(leading) if leading else go,
            "grad_gamma sums grad_out * x_hat, not grad_out alone")], gamma_hint),
        lambda got, want: beta_hint,
    )  # fmt: skip


BACKWARD_CASES = [("a batch", 16, 4, 1.0), ("two examples", 2, 3, 1.0), ("wide", 64, 8, 10.0)]


@pytest.mark.parametrize("dtype", DTYPES, ids=DTYPE_IDS)
@pytest.mark.parametrize("name, n, channels, scale", BACKWARD_CASES,
                         ids=[c[0] for c in BACKWARD_CASES])  # fmt: skip
def test_batchnorm_backward_matches_autograd(name, n, channels, scale, dtype):
    x, gamma, beta, rm, rv, grad_out = _batchnorm_arrays(n, channels, dtype, len(name), scale)

    def forward(*leaves):
        return F.batch_norm(leaves[0], None, None, leaves[1], leaves[2], training=True)

    want = torch_norm_grads(forward, x, gamma, beta, grad_out)
    inputs = dict(x=x, gamma=gamma, beta=beta, running_mean=rm, running_var=rv)
    _, cache = _call_batchnorm(inputs, {})
    hints = _grad_hints(x, gamma, grad_out, axis=0)
    _check_norm_backward("batchnorm_backward", x, want, cache, grad_out, hints)


def test_batchnorm_backward_uses_the_cache_it_is_given():
    first = _batchnorm_arrays(8, 3, np.float64, seed=11)
    second = _batchnorm_arrays(8, 3, np.float64, seed=12)
    caches = []
    for x, gamma, beta, rm, rv, _ in (first, second):
        inputs = dict(x=x, gamma=gamma, beta=beta, running_mean=rm, running_var=rv)
        caches.append(_call_batchnorm(inputs, {})[1])
    x, gamma, beta, _, _, grad_out = first

    def forward(*leaves):
        return F.batch_norm(leaves[0], None, None, leaves[1], leaves[2], training=True)

    want = torch_norm_grads(forward, x, gamma, beta, grad_out)
    fresh = (
        lambda got, want: (
            "each forward call returns a NEW cache (a new dict, with copies "
            "or new arrays): the first batch's cache must survive a second forward call"
        ),
    ) * 3
    _check_norm_backward("batchnorm_backward", x, want, caches[0], grad_out, fresh)


# --- layer norm ------------------------------------------------------------------------------

# (name, shape of x, eps)
LAYERNORM_CASES = [
    ("one example, x of shape (D,)", (6,), 1e-5),
    ("a batch", (5, 6), 1e-5),
    ("a batch of sequences, 3-D x", (2, 3, 5), 1e-5),
    ("eps 1e-3", (4, 3), 1e-3),
    ("a tiny variance, where eps matters", (4, 8), 1e-5),
]


def _layernorm_arrays(shape, dtype, seed, scale=1.0):
    rng = np.random.default_rng(seed)
    features = shape[-1]
    x = scale * (rng.standard_normal(shape) + rng.normal(size=shape[:-1] + (1,)))
    gamma, beta = rng.uniform(0.5, 2.0, features), rng.normal(size=features)
    grad_out = rng.standard_normal(shape)
    return tuple(a.astype(dtype) for a in (x, gamma, beta, grad_out))


def _layernorm_hints(x, gamma, beta, eps):
    x, g, b = _t(x), _t(gamma), _t(beta)
    mean, var = x.mean(-1, keepdim=True), x.var(-1, unbiased=False, keepdim=True)
    candidates = [
        (_normalized(x, mean, x.var(-1, unbiased=True, keepdim=True), eps) * g + b, HINT_BIASED),
        ((x - mean) / (torch.sqrt(var) + eps) * g + b, HINT_EPS),
    ]
    if x.ndim > 1:
        candidates.append((
            _normalized(x, x.mean(0), x.var(0, unbiased=False), eps) * g + b,
            "layer norm normalizes each example over its own features, the LAST axis "
            "(axis=-1, keepdims=True), not over the batch: that is batch norm",
        ))  # fmt: skip
    return candidates, "y = (x - mean) / sqrt(var + eps) * gamma + beta, over the last axis"


def _call_layernorm(x, gamma, beta, eps):
    __tracebackhide__ = True
    inputs = {"x": x, "gamma": gamma, "beta": beta, "eps": eps}
    result = call_learner(
        "layernorm_forward", mod.layernorm_forward, inputs,
        "x is (..., D): take the mean and variance over axis=-1 with keepdims=True, so they "
        "broadcast against x for any number of leading axes",
    )  # fmt: skip
    check_true(
        isinstance(result, (tuple, list)) and len(result) == 2,
        f"layernorm_forward returned {type(result).__name__}, not the tuple (y, cache).",
        "return y, cache",
    )
    return inputs, result


@pytest.mark.parametrize("dtype", DTYPES, ids=DTYPE_IDS)
@pytest.mark.parametrize("name, shape, eps", LAYERNORM_CASES, ids=[c[0] for c in LAYERNORM_CASES])
def test_layernorm_forward(name, shape, eps, dtype):
    scale = 1e-3 if "tiny" in name else 1.0
    x, gamma, beta, _ = _layernorm_arrays(shape, dtype, len(name), scale)
    before = [a.copy() for a in (x, gamma, beta)]
    xt, gt, bt = (torch.tensor(a) for a in (x, gamma, beta))
    want = as_numpy(F.layer_norm(xt, (shape[-1],), gt, bt, eps))
    inputs, (y, _) = _call_layernorm(x, gamma, beta, eps)
    hint = _named(y, want, *_layernorm_hints(x, gamma, beta, eps))
    check_close("layernorm_forward", inputs, want, y, hint, dtype=dtype, dtype_hint=DTYPE_HINT)
    for label, array, old in zip(("x", "gamma", "beta"), (x, gamma, beta), before, strict=True):
        check_true(
            np.array_equal(array, old),
            f"layernorm_forward changed its argument {label} in place.",
            f"compute new arrays; {label} belongs to the caller",
        )


@pytest.mark.parametrize("dtype", DTYPES, ids=DTYPE_IDS)
@pytest.mark.parametrize("name, shape, eps", LAYERNORM_CASES, ids=[c[0] for c in LAYERNORM_CASES])
def test_layernorm_backward_matches_autograd(name, shape, eps, dtype):
    x, gamma, beta, grad_out = _layernorm_arrays(shape, dtype, len(name) + 50)

    def forward(*leaves):
        return F.layer_norm(leaves[0], (shape[-1],), leaves[1], leaves[2], eps)

    want = torch_norm_grads(forward, x, gamma, beta, grad_out)
    _, (_, cache) = _call_layernorm(x, gamma, beta, eps)
    hints = _grad_hints(x, gamma, grad_out, axis=-1)
    _check_norm_backward("layernorm_backward", x, want, cache, grad_out, hints)


# --- the lesson: the depth table -------------------------------------------------------------


def torch_activation_stds(x, weights, batch_norm):
    """The std after each layer of tanh(bn(h @ W.T)), computed by torch on the same weights."""
    h, stds = torch.tensor(x), []
    for W in weights:
        z = F.linear(h, torch.tensor(W))
        if batch_norm:
            z = F.batch_norm(z, None, None, training=True)
        h = torch.tanh(z)
        stds.append(h.std(unbiased=False).item())
    return np.array(stds)


# Every column but N(0, 1) without batch norm, which calls none of your functions.
COLUMNS = [("xavier", False), ("kaiming", False), ("normal", True), ("xavier", True),
           ("kaiming", True)]  # fmt: skip


@pytest.mark.parametrize("init, batch_norm", COLUMNS, ids=[f"{i}-bn={b}" for i, b in COLUMNS])
def test_depth_table_matches_torch(init, batch_norm):
    """The table `python katas/11/normalization.py` prints, one column at a time."""
    x = np.random.default_rng(0).standard_normal((48, 32))
    weights = mod.mlp_weights(init, depth=10, width=32, seed=1)
    got = mod.activation_stds(x, weights, batch_norm)
    want = torch_activation_stds(x, weights, batch_norm)
    check_close(
        "activation_stds",
        {"init": init, "batch_norm": batch_norm},
        want,
        got,
        "the table is written for you: it calls your xavier_uniform, kaiming_normal and "
        "batchnorm_forward, so make their own tests pass first",
        rtol=1e-8,
    )
