"""Kata 02 tests: finite differences checked against torch autograd.

Each test function below is written once with an ``xp`` argument, so the same formula runs on
NumPy (what your code calls) and on torch (what autograd differentiates, here in the test).
"""

import numpy as np
import pytest
import torch

from harness import check_close, check_dtype, check_shape, check_true, learner_module
from harness.compare import show

d = learner_module(__file__, "derivatives")

# Tolerance for a central difference with the default h = 1e-5, in float64. Its truncation
# error is about h**2 * |f'''| / 6 (< 1e-9 here) and its rounding error about 1e-16 * |f| / h
# (~1e-11), so a correct answer lands far inside 3e-8. A forward or backward difference errs
# by about h * |f''| / 2, at least 1e-6 at the points below: 40 times the tolerance or more.
# So the tolerance accepts the central difference and rejects the one-sided ones.
TOL = 3e-8
CENTRAL_HINT = "use one step on each side: (f(x + h) - f(x - h)) / (2 * h)"


# --- functions of one number (they also accept arrays and torch tensors) -------------------


def wiggle(x, xp=np):
    return xp.sin(3 * x) + x**3


def bump(x, xp=np):
    return xp.exp(x) / (1 + x**2)


def squash(x, xp=np):
    return xp.tanh(2 * x) + 0.5 * x**2


def cubic(x, xp=np):
    return 2 * x**3 - x**2 + x


SCALAR = {"wiggle": wiggle, "bump": bump, "squash": squash}
POINTS = [-1.3, -0.4, 0.7, 1.9]


# --- scalar functions of an array ---------------------------------------------------------


def bumpy(x, xp=np):
    """Every entry curves, and the last term couples all entries together."""
    return xp.sum(xp.sin(x) * x**2) + 0.1 * xp.sum(x) ** 2


def smooth_max(x, xp=np):
    return xp.log(xp.sum(xp.exp(x))) + xp.sum(xp.cos(x) * x)


def cubes(x, xp=np):
    return xp.sum(2 * x**3 - x**2 + x)


ARRAY = {"bumpy": bumpy, "smooth_max": smooth_max}

# How each function is shown in a failure message.
FORMULA = {
    "wiggle": "sin(3x) + x**3",
    "bump": "exp(x) / (1 + x**2)",
    "squash": "tanh(2x) + x**2 / 2",
    "cubic": "2x**3 - x**2 + x",
    "bumpy": "sum(sin(x) * x**2) + 0.1 * sum(x)**2",
    "smooth_max": "log(sum(exp(x))) + sum(cos(x) * x)",
    "cubes": "sum(2x**3 - x**2 + x)",
}


def autograd_derivative(f, x, order=1):
    """The order-th derivative of f at the number x, by torch autograd."""
    t = torch.tensor(float(x), dtype=torch.float64, requires_grad=True)
    y = f(t, torch)
    for _ in range(order):
        (y,) = torch.autograd.grad(y, t, create_graph=True)
    return y.detach().numpy()


def autograd_gradient(f, x):
    """The gradient of f at the array x, by torch autograd, in float64."""
    t = torch.tensor(np.asarray(x, dtype=np.float64), requires_grad=True)
    f(t, torch).backward()
    return t.grad.numpy()


def sample(shape, seed=0):
    return np.random.default_rng(seed).uniform(-2, 2, size=shape)


# --- numerical_derivative ------------------------------------------------------------------


@pytest.mark.parametrize("x", POINTS)
@pytest.mark.parametrize("name", list(SCALAR))
def test_derivative_matches_autograd(name, x):
    f = SCALAR[name]
    got = d.numerical_derivative(f, x)
    inputs = {"f": FORMULA[name], "x": x}
    check_close(
        "numerical_derivative",
        inputs,
        autograd_derivative(f, x),
        got,
        CENTRAL_HINT + " (a one-sided difference is off by about h * f''(x) / 2)",
        rtol=TOL,  # see TOL above: central passes, forward and backward differences fail
        atol=TOL,
    )


@pytest.mark.parametrize("h", [0.1, 0.02])
def test_derivative_uses_the_h_it_is_given(h):
    # For a cubic the central difference is exactly f'(x) + h**2 * f'''(x) / 6, so with a large
    # h the answer must be off from the true derivative by exactly that much.
    x = 0.5
    want = autograd_derivative(cubic, x) + h**2 / 6 * autograd_derivative(cubic, x, order=3)
    got = d.numerical_derivative(cubic, x, h=h)
    check_close(
        "numerical_derivative",
        {"f": FORMULA["cubic"], "x": x, "h": h},
        want,
        got,
        "use the h you are given, and divide by 2 * h. With a large h the central difference "
        "of a cubic is off by exactly h**2 * f'''(x) / 6, and torch's answer here includes that",
        rtol=TOL,
        atol=TOL,
    )


# The random tests draw from seeded generators rather than with hypothesis: the same variety
# (the ends of the range, zero, tiny and plain values), a repeatable verdict, and no import of
# hypothesis on every run. Cases go smallest first, so the first that fails reads easily.
EDGES = [0.0, -0.0, 2.0, -2.0, 1.0, -1.0, 0.5, -0.5, 1e-300, -1e-300]


def floats_in_range(rng, size):
    """Floats in [-2, 2]: edge values, magnitudes over every scale, and uniform ones."""
    magnitudes = np.exp(rng.uniform(np.log(1e-300), np.log(2.0), size))
    choices = [
        rng.choice(EDGES, size),
        magnitudes * rng.choice([-1.0, 1.0], size),
        rng.uniform(-2, 2, size),
        rng.uniform(-2, 2, size),
    ]
    return np.choose(rng.integers(0, len(choices), size), choices)


def test_property_derivative_matches_autograd():
    rng = np.random.default_rng(2)
    points = sorted(floats_in_range(rng, 15).tolist(), key=abs)
    names = [list(SCALAR)[i % len(SCALAR)] for i in range(len(points))]  # each as often
    for name, x in zip(names, points, strict=True):
        f = SCALAR[name]
        got = d.numerical_derivative(f, x)
        check_close(
            "numerical_derivative",
            {"f": FORMULA[name], "x": x},
            autograd_derivative(f, x),
            got,
            CENTRAL_HINT,
            rtol=TOL,
            atol=TOL,
        )


# --- numerical_gradient --------------------------------------------------------------------


def call_gradient(name, f, x, **kwargs):
    """The learner's gradient, after checking that x is exactly as it was."""
    __tracebackhide__ = True
    before = x.copy()
    got = d.numerical_gradient(f, x, **kwargs)
    changed = x.shape != before.shape or not np.array_equal(x, before)
    where = ""
    if changed and x.shape == before.shape:
        index = tuple(int(i) for i in np.argwhere(x != before)[0])
        where = f"\n  first at index {index}: {before[index]!r} became {x[index]!r}"
    if changed:  # the arrays are shown only when this fails: showing them costs time
        check_true(
            False,
            f"numerical_gradient(f, x) changed x.\n  f      = {FORMULA[name]!r}\n"
            f"  x before = {show(before)}\n  x after  = {show(x)}{where}",
            "work on a copy (np.array(x, dtype=np.float64)), or save each old value and put "
            "it back exactly: x[i] += h then x[i] -= h can leave a rounding error",
        )
    return got


SHAPES = {"5": (5,), "3x4": (3, 4), "2x2x3": (2, 2, 3)}


@pytest.mark.parametrize("shape", list(SHAPES.values()), ids=list(SHAPES))
@pytest.mark.parametrize("name", list(ARRAY))
def test_gradient_matches_autograd(name, shape):
    f = ARRAY[name]
    x = sample(shape)
    got = call_gradient(name, f, x)
    check_close(
        "numerical_gradient",
        {"f": FORMULA[name], "x": x},
        autograd_gradient(f, x),
        got,
        "entry i is (f(x with only x[i] + h) - f(x with only x[i] - h)) / (2 * h), for EVERY "
        "entry, in x's shape",
        rtol=TOL,  # see TOL above
        atol=TOL,
        dtype=np.float64,
    )


# Empty arrays are left out on purpose: the spec does not ask for them, and a correct
# np.nditer loop raises on them (numpy needs flags=["zerosize_ok"]).
def test_gradient_of_a_0d_array():
    name = "bumpy"
    x = np.array(0.8)
    got = call_gradient(name, bumpy, x)
    check_close(
        "numerical_gradient",
        {"f": FORMULA[name], "x": x},
        autograd_gradient(bumpy, x),
        got,
        "loop over every index of x whatever its shape: np.ndindex(x.shape) gives them all, "
        "including the single index () of a 0-d array",
        rtol=TOL,
        atol=TOL,
        dtype=np.float64,
    )


@pytest.mark.parametrize("h", [0.1, 0.02])
def test_gradient_uses_the_h_it_is_given(h):
    # cubes is a sum of cubics, one per entry: its central difference is exactly the gradient
    # plus h**2 / 6 times each entry's third derivative.
    x = sample((2, 3), seed=1)
    third = np.array([autograd_derivative(cubes, v, order=3) for v in x.ravel()]).reshape(x.shape)
    want = autograd_gradient(cubes, x) + h**2 / 6 * third
    name = "cubes"
    got = call_gradient(name, cubes, x, h=h)
    check_close(
        "numerical_gradient",
        {"f": FORMULA[name], "x": x, "h": h},
        want,
        got,
        "use the h you are given and divide by 2 * h. With a large h the central difference "
        "of a cubic is off by exactly h**2 * f'''/6, and torch's answer here includes that",
        rtol=TOL,
        atol=TOL,
        dtype=np.float64,
    )


def test_gradient_of_float32_input_is_float64():
    name = "bumpy"
    x = sample((2, 3), seed=2).astype(np.float32)
    got = call_gradient(name, bumpy, x)
    inputs = {"f": FORMULA[name], "x": x}
    got = check_shape("numerical_gradient", inputs, np.zeros(x.shape), got)
    check_dtype(
        "numerical_gradient",
        inputs,
        np.float64,
        got,
        "the gradient is float64 whatever x's dtype: make a float64 copy of x to work on "
        "(float32 cannot even represent x + 1e-5 accurately) and a float64 array for the result",
    )


def float_arrays(count, seed=12):
    """Float64 arrays, 1-d or 2-d with sides 1 to 4, of floats_in_range, smallest first."""
    rng = np.random.default_rng(seed)
    shapes = [
        tuple(int(n) for n in rng.integers(1, 5, size=rng.integers(1, 3))) for _ in range(count)
    ]
    shapes.sort(key=lambda shape: int(np.prod(shape)))
    return [floats_in_range(rng, int(np.prod(shape))).reshape(shape) for shape in shapes]


def test_property_gradient_matches_autograd():
    xs = float_arrays(12)
    names = [list(ARRAY)[i % len(ARRAY)] for i in range(len(xs))]  # each as often
    for name, x in zip(names, xs, strict=True):
        f = ARRAY[name]
        got = call_gradient(name, f, x)
        check_close(
            "numerical_gradient",
            {"f": FORMULA[name], "x": x},
            autograd_gradient(f, x),
            got,
            "nudge one entry at a time, both ways, and divide by 2 * h",
            rtol=TOL,
            atol=TOL,
            dtype=np.float64,
        )
