"""Kata 03 tests: a chain of one-unit layers, checked against torch autograd.

Torch builds the very same chain on a float64 scalar x with requires_grad=True, and autograd
gives dh_k/dx. Your functions must agree with it.
"""

import math

import numpy as np
import pytest
import torch

from harness import check_close, check_true, fail, learner_module, torch_grad
from harness.learner import AutogradNotAllowed, LearnerFileError

mod = learner_module(__file__, "vanishing")

ACTIVATIONS = ("sigmoid", "tanh", "relu")
TORCH_ACT = {"sigmoid": torch.sigmoid, "tanh": torch.tanh, "relu": torch.relu}

# Derivatives of a saturated sigmoid or tanh lose digits to cancellation (1 - tanh(a)**2 when
# tanh(a) is almost 1), and torch and a correct answer may compute them differently (say
# 1/cosh(a)**2). Gradients are therefore compared to 1e-8 relative, plus an absolute floor that
# is torch's own rounding, never more: each local derivative is off by a few float64 epsilons
# (torch's 1 - tanh(a)**2 is 0 where the true value is 1e-260), carried through the product of
# the other layers' factors. A vanished gradient of 1e-12 must still be right, not "about 0",
# while an answer closer to the true value than torch's bits is right too.
GRAD_RTOL = 1e-8
LOCAL_ROUNDING = 4 * np.finfo(np.float64).eps  # absolute error of one act'(a_k) in float64

FORWARD_HINT = (
    "h_k = act(w_k * h_{k-1} + b_k): first the linear step, then the activation, and h_k is "
    "the input of layer k+1"
)
GRAD_HINT = {
    "sigmoid": "dh_n/dx = prod_k sigmoid'(a_k) * w_k with sigmoid'(a) = s*(1 - s), s = sigmoid(a)",
    "tanh": "dh_n/dx = prod_k tanh'(a_k) * w_k with tanh'(a) = 1 - tanh(a)**2",
    "relu": "dh_n/dx = prod_k relu'(a_k) * w_k with relu'(a) = 1 if a > 0 else 0",
}


# --- torch's answers --------------------------------------------------------------------------


def torch_chain(x, weights, biases, activation, grads="all"):
    """Torch's (h_1..h_n, a_1..a_n, dh_k/dx) for the chain, by autograd in float64.

    ``grads``: "all" gives [dh_1/dx, ..., dh_n/dx], "last" only [dh_n/dx], None gives [].
    """
    act = TORCH_ACT[activation]
    x0 = torch.tensor(float(x), dtype=torch.float64, requires_grad=True)
    h, hs, pre = x0, [], []
    for w, b in zip(weights, biases, strict=True):
        a = w * h + b
        h = act(a)
        pre.append(a.item())
        hs.append(h)
    wanted = {"all": hs, "last": hs[-1:], None: []}[grads]
    gradients = [torch.autograd.grad(hk, x0, retain_graph=True)[0].item() for hk in wanted]
    return [hk.item() for hk in hs], pre, gradients


def local_derivatives(activation, points):
    """act'(p) for each p, by torch autograd (an elementwise activation, so grad of the sum)."""
    if not points:
        return np.zeros(0)
    return torch_grad(TORCH_ACT[activation], np.asarray(points, dtype=np.float64))


def grad_floor(weights, biases, activation, x) -> np.ndarray:
    """The absolute rounding floor of |dh_m/dx| for every depth m, from torch's own factors.

    dh_m/dx = prod_k act'(a_k) * w_k. An error e in one act'(a_k) moves the product by
    e * |w_k| * prod_{j != k} |act'(a_j) * w_j|; summed over the layers up to m.
    """
    _, pre, _ = torch_chain(x, weights, biases, activation, grads=None)
    factors = np.abs(local_derivatives(activation, pre) * np.asarray(weights, dtype=np.float64))
    floors = []
    for m in range(1, len(factors) + 1):
        shares = [abs(weights[k]) * float(np.prod(np.delete(factors[:m], k))) for k in range(m)]
        floors.append(LOCAL_ROUNDING * sum(shares))
    return np.asarray(floors, dtype=np.float64)


def cumulative_product(factors):
    out, total = [], 1.0
    for f in factors:
        total *= f
        out.append(total)
    return out


# --- naming the mistake -------------------------------------------------------------------------


def wrong_factors(activation, w, pre, d_pre, d_out) -> list:
    """(the per-layer factors of a known wrong chain rule, the hint that names it)."""
    a = np.asarray(pre)
    candidates = [
        (
            d_out * w,
            "you evaluated act' at the layer's output h_k = act(a_k); the chain rule needs it "
            "at the pre-activation a_k = w_k*h_{k-1} + b_k (for tanh: tanh'(a_k) = 1 - h_k**2, "
            "not 1 - tanh(h_k)**2)",
        ),
        (
            d_pre,
            "you left out the weights: a_k = w_k*h_{k-1} + b_k, so da_k/dh_{k-1} = w_k and every "
            "layer contributes act'(a_k) * w_k",
        ),
    ]
    if activation == "sigmoid":
        s = torch.sigmoid(torch.from_numpy(a)).numpy()
        candidates.append(
            (s * (1 + s) * w, "sigmoid'(a) = s*(1 - s), not s*(1 + s); at most 0.25, at a = 0")
        )
    if activation == "relu":
        candidates.append(
            (
                np.where(a >= 0, 1.0, 0.0) * w,
                "torch's relu'(0) is 0, not 1: use 1 only for a > 0, strictly",
            )
        )
        candidates.append(
            (
                w,
                "relu'(a) is 0 for a negative pre-activation: that unit blocks the gradient, "
                "so the product becomes 0",
            )
        )
    return candidates


def mistake_hint(x, weights, biases, activation, got, expected, by_depth=False):
    """A hint that names the mistake when the answer matches a known wrong chain rule."""
    hs, pre, _ = torch_chain(x, weights, biases, activation, grads=None)
    w = np.asarray(weights, dtype=np.float64)
    d_pre = local_derivatives(activation, pre)
    d_out = local_derivatives(activation, hs)
    candidates = wrong_factors(activation, w, pre, d_pre, d_out)
    wanted = [(cumulative_product(f), hint) for f, hint in candidates]
    sums = np.cumsum(d_pre * w).tolist()
    wanted.append(
        (
            sums,
            "the chain rule multiplies the local derivatives act'(a_k) * w_k; it does not add them",
        )
    )
    if by_depth:
        # gradient_by_depth reports magnitudes: each mistake shows up as |its running product|.
        wanted = [(np.abs(v), hint) for v, hint in wanted]
        signed = cumulative_product(d_pre * w)
        wanted.append((signed, "take the absolute value of each dh_k/dx: it is a magnitude"))
    else:
        wanted = [(v[-1:], hint) for v, hint in wanted]
        last = (d_pre * w)[-1:]
        wanted.append(
            (
                last,
                "you returned only the last layer's factor; multiply the factors "
                "of all layers, from layer 1 to layer n",
            )
        )
    return first_match(wanted, got, expected) or GRAD_HINT[activation]


def first_match(wanted, got, expected) -> str | None:
    """The hint of the first wrong answer that ``got`` equals, and ``expected`` does not."""
    got_array = np.asarray(got, dtype=np.float64).reshape(-1)
    expected = np.asarray(expected, dtype=np.float64).reshape(-1)
    for values, hint in wanted:
        values = np.asarray(values, dtype=np.float64).reshape(-1)
        if values.shape != got_array.shape or values.shape != expected.shape:
            continue
        if np.allclose(values, expected, rtol=1e-6, atol=1e-12):
            continue  # this mistake gives the right answer here: it cannot be the one
        if np.allclose(values, got_array, rtol=1e-6, atol=1e-12):
            return hint
    return None


def diagnosed_hint(got, expected, *args):
    """The generic hint when ``got`` is right; otherwise a hint that names the mistake if it can."""
    x, weights, biases, activation = args[:4]
    try:
        got_array = np.asarray(got, dtype=np.float64)
        floor = grad_floor(weights, biases, activation, x)
        floor = floor if np.ndim(expected) else (floor[-1] if floor.size else 0.0)
        if got_array.shape == np.shape(expected) and np.allclose(
            got_array, expected, rtol=GRAD_RTOL, atol=floor
        ):
            return GRAD_HINT[activation]
        return mistake_hint(*args[:4], got, expected, *args[4:])
    except Exception:  # diagnosing must never hide the real failure
        return GRAD_HINT[activation]


# --- checks ---------------------------------------------------------------------------------------


def inputs_of(x, weights, biases, activation):
    return {"x": x, "weights": list(weights), "biases": list(biases), "activation": activation}


def check_forward(x, weights, biases, activation):
    __tracebackhide__ = True
    expected, _, _ = torch_chain(x, weights, biases, activation, grads=None)
    got = mod.forward_chain(x, list(weights), list(biases), activation)
    inputs = inputs_of(x, weights, biases, activation)
    check_true(
        isinstance(got, list),
        f"forward_chain{tuple(inputs.values())} returned {type(got).__name__}, not a list.",
        "return a Python list [h_1, ..., h_n]",
    )
    hint = FORWARD_HINT
    if len(got) == len(expected) + 1:
        hint = "the list starts at h_1: leave h_0 = x out of it"
    check_close("forward_chain", inputs, np.asarray(expected), got, hint=hint)


def check_chain_grad(x, weights, biases, activation):
    __tracebackhide__ = True
    _, _, grads = torch_chain(x, weights, biases, activation, grads="last")
    expected = grads[-1] if grads else 1.0
    got = mod.chain_grad(x, list(weights), list(biases), activation)
    inputs = inputs_of(x, weights, biases, activation)
    check_true(
        np.ndim(got) == 0 and not isinstance(got, (list, tuple)),
        f"chain_grad{tuple(inputs.values())} returned {got!r}, not a single float.",
        "return dh_n/dx as one number, not the list of the factors",
    )
    if weights:
        hint = diagnosed_hint(got, expected, x, weights, biases, activation)
    else:
        hint = "an empty chain is h_n = h_0 = x, so dh_n/dx = 1.0: start the product at 1.0"
    floor = grad_floor(weights, biases, activation, x)
    atol = floor[-1] if floor.size else 0.0
    check_close(
        "chain_grad", inputs, np.float64(expected), got, hint=hint, rtol=GRAD_RTOL, atol=atol
    )


def check_gradient_by_depth(x, weights, biases, activation):
    __tracebackhide__ = True
    _, _, grads = torch_chain(x, weights, biases, activation)
    expected = np.abs(np.asarray(grads, dtype=np.float64))
    got = mod.gradient_by_depth(x, list(weights), list(biases), activation)
    inputs = inputs_of(x, weights, biases, activation)
    check_true(
        isinstance(got, list),
        f"gradient_by_depth{tuple(inputs.values())} returned {type(got).__name__}, not a list.",
        "return a Python list [|dh_1/dx|, ..., |dh_n/dx|]",
    )
    if len(got) == len(expected) + 1:
        hint = "the list starts at depth 1 (|dh_1/dx|): leave out depth 0 (dh_0/dx = 1)"
    else:
        hint = diagnosed_hint(got, expected, x, weights, biases, activation, True)
    atol = grad_floor(weights, biases, activation, x)
    check_close("gradient_by_depth", inputs, expected, got, hint=hint, rtol=GRAD_RTOL, atol=atol)


# --- random chains ---------------------------------------------------------------------

# Seeded generators rather than hypothesis: the same variety (empty and deep chains, the ends of
# every range, zero of both signs, subnormal and plain values), a repeatable verdict, and no
# import of hypothesis on every run. Chains go shortest first, so the first that fails is small.
RANDOM_CHAINS = 15


def floats_up_to(rng, bound, size):
    """Python floats in [-bound, bound]: edge values, magnitudes over every scale, uniform ones."""
    edges = [0.0, -0.0, bound, -bound, 1.0, -1.0, 0.5, -0.5, 5e-324, -5e-324]
    magnitudes = np.exp(rng.uniform(np.log(5e-324), np.log(bound), size))
    choices = [
        rng.choice(edges, size),
        magnitudes * rng.choice([-1.0, 1.0], size),
        rng.uniform(-bound, bound, size),
        rng.uniform(-bound, bound, size),
    ]
    return np.choose(rng.integers(0, len(choices), size), choices).tolist()


def random_chains(seed, max_depth=8):
    """(x, weights, biases) with x in [-3, 3], 0 to max_depth layers, w in [-2, 2], b in [-1, 1]."""
    rng = np.random.default_rng(seed)
    depths = sorted(rng.integers(0, max_depth + 1, RANDOM_CHAINS))
    depths[-1] = max_depth  # the deepest chain is always tried
    drawn = [
        (floats_up_to(rng, 3.0, 1)[0], floats_up_to(rng, 2.0, n), floats_up_to(rng, 1.0, n))
        for n in depths
    ]
    return SIMPLEST_CHAINS + drawn


# Tried first, as hypothesis tries the simplest inputs first: a pre-activation of exactly 0 where
# relu's derivative is 0, not 1, and nothing else hides it.
SIMPLEST_CHAINS = [(0.0, [], []), (0.0, [1.0], [0.0]), (0.0, [-1.0, 1.0], [0.0, 0.0])]


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_forward_chain_matches_torch(activation):
    for x, weights, biases in random_chains(seed=30):
        check_forward(x, weights, biases, activation)


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_chain_grad_matches_torch_autograd(activation):
    for x, weights, biases in random_chains(seed=31):
        check_chain_grad(x, weights, biases, activation)


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_gradient_by_depth_matches_torch_autograd(activation):
    for x, weights, biases in random_chains(seed=32):
        check_gradient_by_depth(x, weights, biases, activation)


# --- chosen chains -------------------------------------------------------------------------------


def test_the_seed_notes_chain():
    # The notes' example: x = 10 -> 0.3x + 0.3 -> tanh -> 0.3h + 0.3 -> tanh.
    for x in (10.0, 0.5):
        check_forward(x, [0.3, 0.3], [0.3, 0.3], "tanh")
        check_chain_grad(x, [0.3, 0.3], [0.3, 0.3], "tanh")


def test_default_activation_is_tanh():
    x, weights, biases = 0.7, [1.5, -0.8], [0.2, 0.1]
    expected, _, grads = torch_chain(x, weights, biases, "tanh", grads="last")
    inputs = {"x": x, "weights": weights, "biases": biases}
    hint = 'the default is activation="tanh"'
    check_close(
        "forward_chain",
        inputs,
        np.asarray(expected),
        mod.forward_chain(x, weights, biases),
        hint=hint,
    )
    check_close(
        "chain_grad",
        inputs,
        np.float64(grads[-1]),
        mod.chain_grad(x, weights, biases),
        hint=hint,
        rtol=GRAD_RTOL,
        atol=grad_floor(weights, biases, "tanh", x)[-1],
    )


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_empty_chain_is_the_identity(activation):
    # h_n = h_0 = x: nothing happens, so the outputs are [] and dh_n/dx is 1.0.
    check_forward(2.5, [], [], activation)
    check_chain_grad(2.5, [], [], activation)
    check_gradient_by_depth(2.5, [], [], activation)


@pytest.mark.parametrize("activation", ACTIVATIONS)
@pytest.mark.parametrize("x", [0.0, 1.0, -1.0])
def test_one_layer_is_the_local_derivative(activation, x):
    # One layer: dh_1/dx = act'(w*x + b) * w. With w = 1 and b = 0, act'(x) itself, at 0 and ±1.
    check_forward(x, [1.0], [0.0], activation)
    check_chain_grad(x, [1.0], [0.0], activation)
    check_chain_grad(x, [-2.0], [0.5], activation)


@pytest.mark.parametrize(
    "weights, biases",
    [([1.0, 1.0], [-1.0, 0.5]), ([2.0, 1.0], [0.0, -3.0]), ([-1.0, 1.0, 1.0], [0.5, 0.2, 0.2])],
    ids=["pre-activation exactly 0", "negative pre-activation in layer 2", "negative in layer 1"],
)
def test_relu_blocks_the_gradient_at_zero_and_below(weights, biases):
    # x = 1: the first chain has a_1 = 1 - 1 = 0 exactly. torch's relu'(0) is 0, like relu'(a < 0).
    check_forward(1.0, weights, biases, "relu")
    check_chain_grad(1.0, weights, biases, "relu")
    check_gradient_by_depth(1.0, weights, biases, "relu")


@pytest.mark.parametrize("activation", ["sigmoid", "tanh"])
@pytest.mark.parametrize("x", [1000.0, -1000.0, 20.0])
def test_saturated_units_stay_finite(activation, x):
    # a = ±1000: sigmoid is 0 or 1, tanh is ±1, and the derivative is 0, not an overflow.
    # a = 20: torch's 1 - tanh(20)**2 is 0, the true tanh'(20) 1.7e-17; both are right.
    for weights, biases in (([1.0], [0.0]), ([1.0, 2.0], [0.0, 0.5])):
        for function, check in (("forward_chain", check_forward), ("chain_grad", check_chain_grad)):
            overflow = None
            try:
                check(x, weights, biases, activation)
            except OverflowError as error:
                overflow = error
            if overflow is not None:
                fail(
                    f"{function}({x}, {weights}, {biases}, {activation!r}) raised OverflowError: "
                    f"{overflow}\n  hint: exp(-a) (or cosh(a)) overflows for |a| = 1000; for a < 0 "
                    "write sigmoid(a) as exp(a) / (1 + exp(a)), the same number without overflow"
                )


# --- errors a learner can act on ---------------------------------------------------------------


def expect_value_error(function, args, must_mention=(), hint=""):
    """Fail unless mod.<function>(*args) raises ValueError whose message mentions every word."""
    __tracebackhide__ = True
    call = f"{function}{tuple(args)!r}"
    raised = None
    try:
        result = getattr(mod, function)(*args)
    except (NotImplementedError, LearnerFileError, AutogradNotAllowed):
        raise
    except Exception as error:  # judged below, outside the except block: no chained traceback
        raised = error
    if raised is None:
        fail(f"{call} returned {result!r} instead of raising ValueError.\n  hint: {hint}")
    if not isinstance(raised, ValueError):
        fail(f"{call} raised {type(raised).__name__}: {raised}, not ValueError.\n  hint: {hint}")
    message = str(raised)
    missing = [word for word in must_mention if word not in message.lower()]
    check_true(
        message.strip() != "" and not missing,
        f"{call} raised ValueError({message!r}), but the message "
        + (f"does not mention {', '.join(missing)}." if missing else "is empty."),
        hint,
    )


@pytest.mark.parametrize("function", ["forward_chain", "chain_grad", "gradient_by_depth"])
@pytest.mark.parametrize("name", ["softmax", "leaky_relu", "linear"])
def test_unknown_activation_raises_value_error_listing_the_allowed_ones(function, name):
    hint = (
        "check the name before the loop (an empty chain too) and raise ValueError with a message "
        "that names the allowed activations: sigmoid, tanh, relu"
    )
    expect_value_error(function, (0.5, [1.0, 1.0], [0.1, 0.1], name), ACTIVATIONS, hint)
    # Even an empty chain must refuse a name it does not know.
    expect_value_error(function, (0.5, [], [], name), ACTIVATIONS, hint)


@pytest.mark.parametrize("function", ["forward_chain", "chain_grad", "gradient_by_depth"])
@pytest.mark.parametrize(
    "weights, biases",
    [([1.0, 2.0], [0.1]), ([1.0], [0.1, 0.2]), ([], [0.1])],
    ids=["2 weights 1 bias", "1 weight 2 biases", "0 weights 1 bias"],
)
def test_mismatched_lengths_raise_value_error(function, weights, biases):
    hint = (
        "zip() silently drops the extra weights or biases: compare len(weights) and "
        "len(biases) and raise ValueError with a message that says so"
    )
    expect_value_error(function, (0.5, weights, biases, "tanh"), (), hint)


# --- the lesson --------------------------------------------------------------------------------


def test_the_lesson_sigmoid_vanishes_first_then_tanh_while_relu_survives():
    """The same 12-layer chain (every w_k = 1, b_k = 0.1, x = 0.5) with each activation.

    Run with -s (or -rP) to see the table: sigmoid's gradient shrinks by about 0.22 per layer,
    tanh's by about 0.63, and relu's stays exactly 1 because every a_k > 0 and relu'(a) = 1.
    """
    depth, x = 12, 0.5
    weights, biases = [1.0] * depth, [0.1] * depth
    table = {}
    for activation in ACTIVATIONS:
        check_gradient_by_depth(x, weights, biases, activation)
        table[activation] = mod.gradient_by_depth(x, weights, biases, activation)
    print(f"\n|dh_k/dx| for x = {x}, every w_k = 1.0, b_k = 0.1 (your gradient_by_depth)")
    print("depth" + "".join(f"{name:>12}" for name in ACTIVATIONS))
    for k in range(depth):
        print(f"{k + 1:>5}" + "".join(f"{table[n][k]:>12.3e}" for n in ACTIVATIONS))
    sig, tanh, relu = (table[n][-1] for n in ACTIVATIONS)
    check_true(
        sig < tanh < relu and math.isclose(relu, 1.0),
        f"after {depth} layers: sigmoid {sig:.3g}, tanh {tanh:.3g}, relu {relu:.3g}.",
        "sigmoid' <= 0.25 < tanh' <= 1 = relu' on active units",
    )
