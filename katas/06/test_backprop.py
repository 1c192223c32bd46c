"""Kata 06 tests: mse_loss, its gradient, and backprop through the MLP, judged by torch.

Torch is the oracle: F.mse_loss for the loss, and loss.backward() on
nn.Sequential(nn.Linear, nn.Tanh, nn.Linear, nn.Tanh) built from the same parameters for the
gradients. Run with:  pytest katas/06
"""

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from harness import as_numpy, check_close, check_true, learner_module
from harness.compare import call_learner

bp = learner_module(__file__, "backprop")

DTYPES = [np.float32, np.float64]
KEYS = ("W1", "b1", "W2", "b2")
BACKWARD_ORDER = ("b2", "W2", "b1", "W1")  # the order backprop meets them: output first
# The random cases come from seeded generators rather than hypothesis: the same variety, a
# repeatable verdict, and no import of hypothesis on every run. They go smallest first, and
# the first that fails is the one shown.

GRAD_HINTS = {
    "b2": "start at the output: grad_z2 = grad_out * (1 - tanh(z2)**2), and tanh(z2) is the "
    "output itself; b2's gradient sums grad_z2 over the batch (axis 0), shape (out,)",
    "W2": "W2's gradient has W2's shape (out, hidden): grad_z2.T @ h, where h = tanh(z1) is "
    "what went into the second linear layer",
    "b1": "the gradient reaching h is grad_z2 @ W2, shape (batch, hidden); multiply by tanh's "
    "derivative at z1, 1 - h**2, to get grad_z1; b1's gradient sums it over the batch",
    "W1": "W1's gradient has W1's shape (hidden, in): grad_z1.T @ x, with the x that was given "
    "to mlp_forward",
}

DTYPE_HINT = (
    "float32 in, float32 out, as in torch: a float64 constant such as np.float64(2), "
    "np.asarray(..., dtype=float) or .astype(float) promotes the whole result to float64"
)
RAISED_HINT = {
    "mlp_forward": "x is (batch, in) and W1 is (hidden, in): z1 = x @ W1.T + b1 is "
    "(batch, hidden), z2 = h @ W2.T + b2 is (batch, out)",
    "mlp_backward": "follow the shapes from the output down: grad_z2 is (batch, out), "
    "grad_z2 @ W2 is (batch, hidden), and each weight's gradient has that weight's shape",
    "mse_loss": "pred and target have the same shape, any number of axes (0-d too): "
    "np.mean((pred - target) ** 2) needs no axis",
    "mse_loss_grad": "pred and target have the same shape, any number of axes (0-d too): "
    "use pred.size for N, not pred.shape[0]",
}


def forward_inputs(x, params) -> dict:
    return {"x": x, "params": describe_params(params)}


def call(function: str, inputs: dict, *args):
    """The learner's ``function`` on ``args`` (``inputs`` names them for a failure message)."""
    __tracebackhide__ = True
    named = dict(zip(inputs, args, strict=True))
    return call_learner(function, getattr(bp, function), named, RAISED_HINT[function])


# --- torch, the oracle ---------------------------------------------------------------------


def torch_mse(pred, target):
    """(loss as a 0-d array in pred's dtype, d loss / d pred) by F.mse_loss and autograd."""
    leaf = torch.tensor(pred, requires_grad=True)
    loss = F.mse_loss(leaf, torch.tensor(target))
    loss.backward()
    return as_numpy(loss), as_numpy(leaf.grad)


def torch_mlp(params):
    """nn.Sequential(Linear, Tanh, Linear, Tanh) in float64 holding a copy of ``params``."""
    hidden, n_in = params["W1"].shape
    n_out = params["W2"].shape[0]
    model = torch.nn.Sequential(
        torch.nn.Linear(n_in, hidden),
        torch.nn.Tanh(),
        torch.nn.Linear(hidden, n_out),
        torch.nn.Tanh(),
    ).double()
    with torch.no_grad():
        for layer, w, b in ((model[0], "W1", "b1"), (model[2], "W2", "b2")):
            layer.weight.copy_(torch.tensor(params[w], dtype=torch.float64))
            layer.bias.copy_(torch.tensor(params[b], dtype=torch.float64))
    return model


def torch_backprop(params, x, target):
    """What F.mse_loss + loss.backward() give: (output, loss, d loss / d output, grads by key)."""
    model = torch_mlp(params)
    out = model(torch.tensor(x, dtype=torch.float64))
    out.retain_grad()
    loss = F.mse_loss(out, torch.tensor(target, dtype=torch.float64))
    loss.backward()
    grads = {
        "W1": model[0].weight.grad,
        "b1": model[0].bias.grad,
        "W2": model[2].weight.grad,
        "b2": model[2].bias.grad,
    }
    return (
        as_numpy(out),
        loss.item(),
        as_numpy(out.grad),
        {key: as_numpy(value) for key, value in grads.items()},
    )


def make_case(seed, batch, dtype, n_in=3, hidden=4, n_out=2):
    """Parameters, an input and a target with pre-activations around 1: tanh not saturated."""
    rng = np.random.default_rng(seed)
    params = {
        "W1": rng.uniform(-1, 1, (hidden, n_in)),
        "b1": rng.uniform(-0.5, 0.5, hidden),
        "W2": rng.uniform(-1, 1, (n_out, hidden)),
        "b2": rng.uniform(-0.5, 0.5, n_out),
    }
    params = {key: value.astype(dtype) for key, value in params.items()}
    x = rng.normal(size=(batch, n_in)).astype(dtype)
    target = rng.uniform(-0.9, 0.9, (batch, n_out)).astype(dtype)
    return params, x, target


class Shown:
    """An input as a failure message should show it (a dict of arrays prints too long)."""

    def __init__(self, text):
        self.text = text

    def __repr__(self):
        return self.text


def describe_params(params):
    shapes = ", ".join(f"{key} {params[key].shape}" for key in KEYS)
    return Shown(f"{{{shapes}}} ({params['W1'].dtype}, drawn in this test)")


def describe_cache(x, after=""):
    return Shown(f"from mlp_forward(x, params), x of shape {x.shape} {x.dtype}{after}")


def copies(params):
    return {key: value.copy() for key, value in params.items()}


def check_grads(grads, expected, inputs, dtype, hint=None):
    """Every gradient in ``grads`` against torch's, output layer first, with a hint per key."""
    __tracebackhide__ = True
    check_true(
        isinstance(grads, dict) and all(key in grads for key in KEYS),
        f"mlp_backward returned {type(grads).__name__} "
        f"{sorted(grads) if isinstance(grads, dict) else ''}, "
        f"expected a dict with the keys {list(KEYS)}",
        'return {"W1": ..., "b1": ..., "W2": ..., "b2": ...}, one gradient per parameter',
    )
    for key in BACKWARD_ORDER:
        check_close(
            f'grads["{key}"] of mlp_backward',
            inputs,
            expected[key],
            grads[key],
            hint=hint or GRAD_HINTS[key],
            dtype=dtype,
            dtype_hint=DTYPE_HINT,
        )


def check_unchanged(function, name, before, after):
    __tracebackhide__ = True
    check_true(
        np.array_equal(before, after),
        f"{function} changed its argument {name} in place",
        f"compute into new arrays (a = a * ... instead of a *= ...); {function} must leave "
        f"its inputs as it found them",
    )


# --- mse_loss and its gradient ------------------------------------------------------------


def random_preds_and_targets(seed, count=20):
    """(pred, target) pairs: either dtype, 0-d to 3-d with sides 1 to 5, values of scale 1e-3,
    1 or 1e3; the smallest first."""
    rng = np.random.default_rng(seed)
    pairs = []
    for case in range(count):
        dtype, scale = DTYPES[case % 2], [1e-3, 1.0, 1e3][int(rng.integers(3))]
        shape = tuple(int(n) for n in rng.integers(1, 6, size=rng.integers(0, 4)))
        pred = (scale * rng.standard_normal(shape)).astype(dtype)
        pairs.append((pred, (scale * rng.standard_normal(shape)).astype(dtype)))
    return sorted(pairs, key=lambda pair: pair[0].size)


MSE_HINT = "F.mse_loss averages: the sum of (pred - target)**2 divided by the number of elements"
MSE_GRAD_HINT = (
    "d/dpred_i of (1/N) * sum((pred - target)**2) is 2 * (pred_i - target_i) / N, "
    "with N = pred.size (all elements, not only the batch)"
)

FIXED_MSE_CASES = [
    (
        np.array([[0.5, -1.0, 2.0], [3.0, 0.0, -0.25]]),
        np.array([[0.0, 1.0, 2.0], [-1.0, 0.5, 0.0]]),
    ),
    (np.array(1.5), np.array(-0.5)),  # 0-d, as F.mse_loss allows
    (np.zeros((2, 2)), np.zeros((2, 2))),  # a perfect prediction: loss 0, gradient 0
    (np.array([1e3, -1e3, 7.0]), np.array([-1e3, 1e3, 7.5])),  # large values
]


def check_mse_loss(pred, target):
    __tracebackhide__ = True
    inputs = {"pred": pred, "target": target}
    expected, _ = torch_mse(pred, target)
    got = call("mse_loss", inputs, pred.copy(), target.copy())
    check_true(
        isinstance(got, float) and not isinstance(got, np.generic),
        f"mse_loss(pred, target) returned {type(got).__module__}.{type(got).__name__} "
        f"{got!r}, but it must return a Python float (like loss.item() in torch)",
        "wrap the mean in float(...)",
    )
    # expected is a 0-d array in pred's dtype, so the tolerance is that dtype's.
    check_close("mse_loss", inputs, expected, got, hint=MSE_HINT)


def check_mse_loss_grad(pred, target):
    __tracebackhide__ = True
    inputs = {"pred": pred, "target": target}
    _, expected = torch_mse(pred, target)
    pred_in, target_in = pred.copy(), target.copy()
    got = call("mse_loss_grad", inputs, pred_in, target_in)
    check_close(
        "mse_loss_grad", inputs, expected, got, hint=MSE_GRAD_HINT,
        dtype=pred.dtype, dtype_hint=DTYPE_HINT,
    )  # fmt: skip
    check_unchanged("mse_loss_grad", "pred", pred, pred_in)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("case", range(len(FIXED_MSE_CASES)))
def test_mse_loss_matches_torch(case, dtype):
    pred, target = (a.astype(dtype) for a in FIXED_MSE_CASES[case])
    check_mse_loss(pred, target)


def test_mse_loss_matches_torch_on_random_shapes():
    for pred, target in random_preds_and_targets(seed=60):
        check_mse_loss(pred, target)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("case", range(len(FIXED_MSE_CASES)))
def test_mse_loss_grad_matches_torch(case, dtype):
    pred, target = (a.astype(dtype) for a in FIXED_MSE_CASES[case])
    check_mse_loss_grad(pred, target)


def test_mse_loss_grad_matches_torch_on_random_shapes():
    for pred, target in random_preds_and_targets(seed=61):
        check_mse_loss_grad(pred, target)


# --- the MLP, forward and backward --------------------------------------------------------


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("batch", [1, 2, 7])
def test_mlp_forward_matches_torch(batch, dtype):
    params, x, _ = make_case(seed=batch, batch=batch, dtype=dtype)
    expected = as_numpy(torch_mlp(params)(torch.tensor(x, dtype=torch.float64)))
    params_in, x_in = copies(params), x.copy()
    shown = forward_inputs(x, params)
    result = call("mlp_forward", shown, x_in, params_in)
    check_true(
        isinstance(result, tuple) and len(result) == 2,
        f"mlp_forward(x, params) returned {type(result).__name__}, expected a tuple "
        f"(output, cache)",
        "end with: return output, cache",
    )
    out, _ = result
    check_close(
        "mlp_forward", shown, expected, out,
        hint="each layer computes x @ W.T + b and then np.tanh; both layers end in a tanh",
        dtype=dtype, dtype_hint=DTYPE_HINT,
    )  # fmt: skip
    check_unchanged("mlp_forward", "x", x, x_in)
    for key in KEYS:
        check_unchanged("mlp_forward", f'params["{key}"]', params[key], params_in[key])


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("batch", [1, 2, 7])
def test_mlp_backward_matches_loss_backward(batch, dtype):
    """grad_out comes from torch, so this test does not depend on your mse_loss_grad."""
    params, x, target = make_case(seed=10 + batch, batch=batch, dtype=dtype)
    _, _, grad_out, expected = torch_backprop(params, x, target)
    grad_out = grad_out.astype(dtype)
    _, cache = call("mlp_forward", forward_inputs(x, params), x.copy(), copies(params))
    params_in, grad_out_in = copies(params), grad_out.copy()
    inputs = {"params": describe_params(params), "cache": describe_cache(x), "grad_out": grad_out}
    grads = call("mlp_backward", inputs, params_in, cache, grad_out_in)
    check_grads(grads, expected, inputs, dtype)
    check_unchanged("mlp_backward", "grad_out", grad_out, grad_out_in)
    for key in KEYS:
        check_unchanged("mlp_backward", f'params["{key}"]', params[key], params_in[key])


def random_sizes(seed=62, count=10):
    """(batch, n_in, hidden, n_out, seed): 1-6 examples of 1-5 inputs, 1-5 hidden units and
    1-4 outputs, the simplest network (all ones) first and the rest smallest first."""
    rng = np.random.default_rng(seed)
    drawn = [
        (*(int(rng.integers(1, top + 1)) for top in (6, 5, 5, 4)), seed + case)
        for case in range(count - 1)
    ]
    return [(1, 1, 1, 1, seed)] + sorted(drawn, key=lambda sizes: np.prod(sizes[:4]))


def test_mlp_backward_matches_loss_backward_on_random_sizes():
    for batch, n_in, hidden, n_out, seed in random_sizes():
        params, x, target = make_case(seed, batch, np.float64, n_in, hidden, n_out)
        _, _, grad_out, expected = torch_backprop(params, x, target)
        _, cache = call("mlp_forward", forward_inputs(x, params), x.copy(), copies(params))
        inputs = {
            "params": describe_params(params),
            "cache": describe_cache(x),
            "grad_out": grad_out,
        }
        grads = call("mlp_backward", inputs, copies(params), cache, grad_out.copy())
        check_grads(grads, expected, inputs, None)


@pytest.mark.parametrize("dtype", DTYPES)
def test_whole_backprop_matches_loss_backward(dtype):
    """Your pieces together, the NumPy version of: out = model(x); loss = F.mse_loss(out, y);
    loss.backward()."""
    params, x, target = make_case(seed=3, batch=5, dtype=dtype)
    _, expected_loss, _, expected = torch_backprop(params, x, target)
    out, cache = call("mlp_forward", forward_inputs(x, params), x, params)
    loss = call("mse_loss", {"pred": out, "target": target}, out, target)
    check_close(
        "mse_loss",
        {"pred": out, "target": target},
        np.asarray(expected_loss, dtype),
        loss,
        hint="the loss of your own mlp_forward output: check mse_loss and mlp_forward alone first",
    )
    grad_out = call("mse_loss_grad", {"pred": out, "target": target}, out, target)
    inputs = {
        "params": describe_params(params),
        "cache": describe_cache(x),
        "grad_out": Shown("mse_loss_grad(output, target), with your two functions"),
    }
    grads = call("mlp_backward", inputs, params, cache, grad_out)
    check_grads(grads, expected, inputs, dtype)


FIRST_CACHE_HINT = (
    "the first cache changed after it was made: build a new cache dict in every call (no "
    "module-level dict) and store copies of what you need, not the caller's x"
)


@pytest.mark.parametrize("dtype", DTYPES)
def test_first_cache_survives_a_second_forward(dtype):
    params, x1, target1 = make_case(seed=21, batch=4, dtype=dtype)
    _, x2, _ = make_case(seed=22, batch=4, dtype=dtype)
    _, _, grad_out, expected = torch_backprop(params, x1, target1)
    _, cache1 = call("mlp_forward", forward_inputs(x1, params), x1.copy(), params)
    call("mlp_forward", forward_inputs(x2, params), x2.copy(), params)  # e.g. the next batch
    grad_out = grad_out.astype(dtype)
    inputs = {
        "params": describe_params(params),
        "cache": describe_cache(x1, after=", and THEN mlp_forward(x2, params) ran"),
        "grad_out": grad_out,
    }
    grads = call("mlp_backward", inputs, params, cache1, grad_out)
    check_grads(grads, expected, inputs, dtype, hint=FIRST_CACHE_HINT)


@pytest.mark.parametrize("dtype", DTYPES)
def test_first_cache_survives_the_caller_reusing_x(dtype):
    """A data loader often writes each batch into the same array. In torch, changing a tensor
    that backward still needs raises an error; NumPy cannot notice, so the cache keeps a copy."""
    params, x1, target1 = make_case(seed=31, batch=4, dtype=dtype)
    _, x2, _ = make_case(seed=32, batch=4, dtype=dtype)
    _, _, grad_out, expected = torch_backprop(params, x1, target1)
    buffer = x1.copy()
    _, cache1 = call("mlp_forward", forward_inputs(buffer, params), buffer, params)
    buffer[...] = x2  # the caller loads the next batch into the same array
    grad_out = grad_out.astype(dtype)
    after = ", and THEN the caller wrote new values into its x array"
    inputs = {
        "params": describe_params(params),
        "cache": describe_cache(x1, after=after),
        "grad_out": grad_out,
    }
    grads = call("mlp_backward", inputs, params, cache1, grad_out)
    check_grads(grads, expected, inputs, dtype, hint=FIRST_CACHE_HINT)


def test_backward_twice_from_one_cache_gives_the_same_gradients():
    """Like loss.backward(retain_graph=True) twice: the graph (your cache) is only read."""
    params, x, target = make_case(seed=41, batch=3, dtype=np.float64)
    _, _, grad_out, expected = torch_backprop(params, x, target)
    _, cache = call("mlp_forward", forward_inputs(x, params), x, params)
    inputs = {
        "params": describe_params(params),
        "cache": describe_cache(x, after=", already used by one mlp_backward"),
        "grad_out": grad_out,
    }
    call("mlp_backward", inputs, params, cache, grad_out.copy())
    grads = call("mlp_backward", inputs, params, cache, grad_out.copy())
    check_grads(
        grads,
        expected,
        inputs,
        np.float64,
        hint="the second mlp_backward on the same cache differs from the first: mlp_backward "
        "changed the cache in place (e.g. h *= ... or out **= 2); compute into new arrays",
    )
