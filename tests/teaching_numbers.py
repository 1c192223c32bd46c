"""Every number the kata READMEs and hints state, and the code that makes it true.

Each `Claim` names a source (``"03/README.md"``, or ``"03/hints"`` for the hints of kata 03 in
katas/katas.toml), a passage of that source exactly as written (line breaks and runs of spaces
match any whitespace), and a function that returns one entry per number of the passage, in the
order they appear. An entry is one of:

- a plain number: computed here, with torch as the oracle. The number as written must be this
  value correctly rounded to the digits written (``0.9973`` means within 0.00005).
- `Given(value, why)`: a number the text chooses rather than computes (an example's input, a
  default argument, a requirement). It must be written exactly; where code holds the same
  number (a default argument, for instance), the value is read from that code.
- `Quote(value)`: a figure quoted from the notes this course grew from. It must be written
  exactly; the passage's other numbers carry the claim made about it.
- `Wrong(truth)`: a quoted figure that the passage says is wrong. It must NOT be `truth`
  rounded to the digits written.
- `Exact(value)`: the number as written must equal ``value`` exactly (``sigmoid(-1000)`` is 0.0).

A function may also assert facts that its passage states in words ("np.exp(1000.0) is inf").
tests/test_teaching_numbers.py checks every claim and that no number goes unclaimed.
"""

from __future__ import annotations

import ast
import importlib.util
import inspect
import math
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import torch

from harness import manifest

F64 = torch.float64


@dataclass(frozen=True)
class Given:
    value: float
    why: str


@dataclass(frozen=True)
class Quote:
    value: float


@dataclass(frozen=True)
class Wrong:
    truth: float


@dataclass(frozen=True)
class Exact:
    value: float


@dataclass(frozen=True)
class Claim:
    source: str
    text: str
    values: Callable[[], Sequence]


def stub_defaults(kata_id: str, module: str, function: str) -> dict:
    """The default arguments of a function in a kata's stub, so the text can be held to them."""
    path = manifest.KATAS_DIR / kata_id / f"{module}.py"
    spec = importlib.util.spec_from_file_location(f"teaching_numbers_{kata_id}_{module}", path)
    stub = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(stub)
    parameters = inspect.signature(getattr(stub, function)).parameters
    return {name: p.default for name, p in parameters.items() if p.default is not p.empty}


def numbers_in_kata_test(kata_id: str, test_file: str, name: str) -> set[float]:
    """The numbers written in a kata test's top-level constant or function ``name``."""
    return numbers_in(manifest.KATAS_DIR / kata_id / test_file, name)


def numbers_in(path, name: str) -> set[float]:
    """The numbers written in a Python file's top-level constant or function ``name``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        targets = [t.id for t in getattr(node, "targets", []) if isinstance(t, ast.Name)]
        if name in targets or getattr(node, "name", None) == name:
            return {
                abs(n.value)
                for n in ast.walk(node)
                if isinstance(n, ast.Constant) and isinstance(n.value, (int, float))
            }
    raise AssertionError(f"{path} has no {name} any more")


def largest_input_tried() -> Given:
    largest = max(numbers_in_kata_test("01", "test_activations.py", "LARGE"))
    return Given(largest, "the largest |x| in LARGE, katas/01/test_activations.py")


def optimizer_float64_tolerance() -> Given:
    """Katas 07 and 10 judge their step functions with harness/optimizer_steps.py."""
    numbers = numbers_in(manifest.ROOT / "harness" / "optimizer_steps.py", "tolerances")
    assert 1e-12 in numbers, f"tolerances() in harness/optimizer_steps.py uses {sorted(numbers)}"
    return Given(1e-12, "the float64 tolerance of tolerances(), harness/optimizer_steps.py")


def scalar(value: float) -> torch.Tensor:
    return torch.tensor(value, dtype=F64, requires_grad=True)


def derivative(f: Callable[[torch.Tensor], torch.Tensor], at: float) -> float:
    x = scalar(at)
    (grad,) = torch.autograd.grad(f(x), x)
    return grad.item()


def largest_sigmoid_slope() -> float:
    """The largest sigmoid'(a) on a fine grid around 0, with a = 0 itself on the grid."""
    grid = torch.cat([torch.linspace(-10.0, 10.0, 20001, dtype=F64), torch.zeros(1, dtype=F64)])
    a = grid.requires_grad_()
    (slope,) = torch.autograd.grad(torch.sigmoid(a).sum(), a)
    return slope.max().item()


def sigmoid_at(a: float) -> float:
    return torch.sigmoid(torch.tensor(a, dtype=F64)).item()


# --- kata 01 ----------------------------------------------------------------------------------


def exp_overflows_at_1000() -> float:
    """np.exp(1000.0) is inf: float64 ends near 1.8e308, and e^1000 is about 2e434."""
    assert torch.isinf(torch.exp(torch.tensor(1000.0, dtype=F64))), "exp(1000.0) is finite"
    return 1000.0


def relu_keeps_the_positive_product() -> list:
    z = torch.tensor(-2.0, dtype=F64) * torch.tensor(-1.0, dtype=F64)
    assert torch.relu(z).item() == 2.0, "w = -2 and x = -1 do not give a kept z = 2"
    return [Given(-2, "the example's weight")]


def notes_power_of_point_eight() -> list:
    quoted = [Quote(0.8)] * 5 + [Quote(0.32)]
    truth = torch.tensor(0.8, dtype=F64) ** 5
    return quoted + [Given(0.8, "the notes' factor"), Given(5, "the notes' depth"), truth.item()]


# --- kata 02 ----------------------------------------------------------------------------------


def step_default() -> float:
    return stub_defaults("02", "derivatives", "numerical_derivative")["h"]


def gradient_step_default() -> float:
    return stub_defaults("02", "derivatives", "numerical_gradient")["h"]


def difference_errors_for_sin() -> list:
    """Forward and central differences of sin at x = 1 against torch autograd, in float64."""
    h, x = step_default(), torch.tensor(1.0, dtype=F64)
    true_slope = derivative(torch.sin, 1.0)
    forward = ((torch.sin(x + h) - torch.sin(x)) / h).item()
    central = ((torch.sin(x + h) - torch.sin(x - h)) / (2 * h)).item()
    third_derivative = -derivative(torch.sin, 1.0)  # sin''' = -cos
    truncation = h**2 * abs(third_derivative) / math.factorial(3)
    return [
        Given(h, "the stub's default step"),
        abs(forward - true_slope),
        abs(central - true_slope),
        math.factorial(3),
        truncation,
    ]


# --- kata 03 ----------------------------------------------------------------------------------


def lesson_chain() -> dict:
    """The chain that `depth_table` in katas/03/vanishing.py prints, with its own defaults.

    The README's lesson, the quiz about it and `python katas/03/vanishing.py` all describe this
    one chain; reading the parameters from depth_table keeps them the same chain.
    """
    chain = stub_defaults("03", "vanishing", "depth_table")
    assert chain["w"] == 1, f"the README says every w_k = 1; depth_table uses w = {chain['w']}"
    return chain


def lesson_gradients(activation: str) -> list[float]:
    """|dh_k/dx| after every layer of the lesson chain, computed by torch autograd."""
    chain = lesson_chain()
    x = scalar(chain["x"])
    h, gradients = x, []
    for _ in range(chain["depth"]):
        h = getattr(torch, activation)(chain["w"] * h + chain["b"])
        (grad,) = torch.autograd.grad(h, x, retain_graph=True)
        gradients.append(abs(grad.item()))
    return gradients


def lesson_summary() -> list:
    sigmoid, tanh = lesson_gradients("sigmoid"), lesson_gradients("tanh")
    relu = lesson_gradients("relu")
    assert all(g == 1.0 for g in relu), f"relu's column is not exactly 1: {relu}"
    return [
        sigmoid[-1] / sigmoid[-2],  # the factor per layer, once it has settled
        sigmoid[-1],
        Given(lesson_chain()["depth"], "depth_table's depth"),
        tanh[-1] / tanh[-2],
        tanh[-1],
    ]


def empty_chain_gradient() -> float:
    x = scalar(0.5)
    (grad,) = torch.autograd.grad(x * 1, x)  # h_n = h_0 = x
    return grad.item()


def seed_chain() -> dict:
    """The notes' chain x = 10 -> 0.3x + 0.3 -> tanh -> 0.3h + 0.3 -> tanh, in torch."""
    x = scalar(10.0)
    a1 = 0.3 * x + 0.3
    h1 = torch.tanh(a1)
    a2 = 0.3 * h1 + 0.3
    h2 = torch.tanh(a2)
    return {name: v.item() for name, v in dict(a1=a1, h1=h1, a2=a2, h2=h2).items()}


def small_chain() -> dict:
    """The same chain started at x = 0.5."""
    a1 = torch.tensor(0.3 * 0.5 + 0.3, dtype=F64)
    h1 = torch.tanh(a1)
    a2 = 0.3 * h1 + 0.3
    return dict(a1=a1.item(), h1=h1.item(), a2=a2.item(), h2=torch.tanh(a2).item())


NOTES_WEIGHT = Given(0.3, "the notes' weight and bias")


# --- kata 04 ----------------------------------------------------------------------------------


def uniform_variance_denominator() -> float:
    """Var U(-k, k) = k**2 / 3: the 3, from torch's own distribution."""
    k = torch.tensor(0.25, dtype=F64)
    return (k**2 / torch.distributions.Uniform(-k, k).variance).item()


def sum_of_small_weights() -> list:
    inputs, weight = 100, 0.3
    x, w = torch.ones(inputs, dtype=F64), torch.full((1, inputs), weight, dtype=F64)
    out = torch.nn.functional.linear(x, w).item()
    return [Given(inputs, "the example's in_features"), Given(weight, "the example's weight"), out]


# --- kata 05 ----------------------------------------------------------------------------------


def default_recursion_limit() -> int:
    """Python's recursion limit in a fresh interpreter (pytest may have raised its own)."""
    code = "import sys; print(sys.getrecursionlimit())"
    return int(subprocess.run([sys.executable, "-c", code], capture_output=True).stdout)


def depth_of_a_summed_loss(examples: int) -> int:
    """How many additions deep `total = total + loss_i` over `examples` losses is, in torch."""
    total = torch.tensor(0.0, dtype=F64)
    for i in range(examples):
        total = total + scalar(float(i)) ** 2
    depth, node = 0, total.grad_fn
    while node is not None and type(node).__name__ == "AddBackward0":
        depth += 1
        node = node.next_functions[0][0]
    return depth


def recursion_versus_one_pass() -> list:
    return [
        default_recursion_limit(),
        Given(1000, "the example's batch"),
        depth_of_a_summed_loss(1000),
    ]


def fractional_exponent() -> list:
    n, at = 2.5, 1.7
    slope = derivative(lambda x: x**n, at)
    assert math.isclose(slope, n * at ** (n - 1), rel_tol=1e-12), "d(x**2.5)/dx is not 2.5*x**1.5"
    return [Given(n, "the example's exponent"), Given(n, "the same exponent")]


# --- kata 07 ----------------------------------------------------------------------------------


def sgd_defaults() -> list:
    defaults = stub_defaults("07", "sgd", "sgd_step")
    return [
        Given(defaults[name], f"sgd_step's default {name}")
        for name in ("momentum", "dampening", "weight_decay")
    ]


def same(value: float, why: str) -> Callable[[], list]:
    return lambda: [Given(value, why)]


CLAIMS = [
    # kata 01
    Claim("01/README.md", "for |x| up to 1e4", lambda: [largest_input_tried()]),
    Claim(
        "01/README.md",
        "overflows at `x = -1000`: `np.exp(1000.0)` is `inf`",
        lambda: [Given(-1000, "the example's input"), exp_overflows_at_1000()],
    ),
    Claim("01/README.md", "`w = -2` with `x = -1` gives `z = 2`", relu_keeps_the_positive_product),
    Claim(
        "01/README.md",
        "`0.8 * 0.8 * 0.8 * 0.8 * 0.8 => 0.32` is close: 0.8**5 = 0.32768",
        notes_power_of_point_eight,
    ),
    Claim("01/hints", "np.exp(1000.0) is inf", lambda: [exp_overflows_at_1000()]),
    Claim("01/activations.py", "as large as |x| = 1e4", lambda: [largest_input_tried()]),
    Claim("01/activations.py", "(np.exp(1000.0) is inf", lambda: [exp_overflows_at_1000()]),
    Claim(
        "01/activations.py",
        "sigmoid(-1000.0) must be 0.0",
        lambda: [Given(-1000.0, "the example's input"), Exact(sigmoid_at(-1000.0))],
    ),
    # kata 02
    Claim(
        "02/README.md",
        "If f'(x) = -2, then nudging x up by a small amount h moves f(x) down by about 2h",
        lambda: [Given(-2, "the example's slope")],
    ),
    Claim("02/README.md", "numerical_derivative(f, x, h=1e-5)", lambda: [step_default()]),
    Claim("02/README.md", "numerical_gradient(f, x, h=1e-5)", lambda: [gradient_step_default()]),
    Claim("02/README.md", "h³ f'''(x)/6", lambda: [math.factorial(3)]),
    Claim(
        "02/README.md",
        "For sin at x = 1 with h = 1e-5, the forward difference is off by 4.2e-6 and the central "
        "one by 1.1e-11 (its `h² f'''(x) / 6` is 9.0e-12",
        difference_errors_for_sin,
    ),
    Claim("02/README.md", "leaving about `h² f'''(x) / 6`", lambda: [math.factorial(3)]),
    # kata 03
    Claim("03/README.md", "is at most **0.25** (at a = 0)", lambda: [largest_sigmoid_slope()]),
    Claim("03/README.md", "`chain_grad` gives `1.0`", lambda: [empty_chain_gradient()]),
    Claim(
        "03/README.md",
        "`sigmoid(-1000)` is 0.0",
        lambda: [Given(-1000, "the example's input"), Exact(sigmoid_at(-1000.0))],
    ),
    Claim(
        "03/vanishing.py",
        "sigmoid(-1000) is 0.0",
        lambda: [Given(-1000, "the example's input"), Exact(sigmoid_at(-1000.0))],
    ),
    Claim("03/vanishing.py", "(at most 0.25)", lambda: [largest_sigmoid_slope()]),
    Claim("03/vanishing.py", "its gradient is 1.0", lambda: [empty_chain_gradient()]),
    Claim(
        "03/README.md",
        "every `w_k = 1` and `b_k = 0.1`, starting at `x = 0.5`",
        lambda: [
            Given(lesson_chain()["b"], "depth_table's b"),
            Given(lesson_chain()["x"], "depth_table's x"),
        ],
    ),
    Claim(
        "03/README.md",
        "Sigmoid's column shrinks by a factor that settles at 0.215 per layer, down to 1.055e-08 "
        "after 12 layers. Tanh's factor settles near 0.63, down to 5.250e-03.",
        lesson_summary,
    ),
    Claim(
        "03/README.md",
        "`x = 10 -> 0.3x + 0.3 -> tanh -> 0.3h + 0.3 -> tanh` and write "
        "`(10) -> (3.3) -> (0.8) -> (0.54) -> (0.4)`. Only 3.3 is right. 3.3 lies far out on "
        "tanh's flat tail, where tanh is almost exactly 1, so `tanh(3.3)` cannot be 0.8",
        lambda: (
            [Given(10, "the notes' input")]
            + [NOTES_WEIGHT] * 4
            + [Quote(10), seed_chain()["a1"]]
            + [Wrong(seed_chain()[k]) for k in ("h1", "a2", "h2")]
            + [seed_chain()["a1"]] * 3
            + [Wrong(seed_chain()["h1"])]
        ),
    ),
    Claim(
        "03/README.md",
        "illustrate the shrinking with `0.8**5 = 0.32`",
        lambda: [Quote(0.8), Quote(5), Quote(0.32)],
    ),
    Claim("03/README.md", "tanh' is not a constant 0.8", lambda: [Quote(0.8)]),
    Claim(
        "03/hints",
        "a_1 = 3.3, a_2 = 0.3*tanh(3.3) + 0.3, and dh_2/dx = tanh'(a_2)*0.3*tanh'(a_1)*0.3",
        lambda: [seed_chain()["a1"], NOTES_WEIGHT, seed_chain()["a1"]] + [NOTES_WEIGHT] * 3,
    ),
    Claim("03/hints", "start from 1.0", lambda: [empty_chain_gradient()]),
    # kata 04
    Claim("04/README.md", "for a 3-D input that is two axes", same(3, "the example's rank")),
    Claim("04/README.md", "the variance (k²/3)", lambda: [uniform_variance_denominator()]),
    Claim(
        "04/README.md",
        "100 inputs of 1 and weights of 0.3 give an output of 30 + b",
        sum_of_small_weights,
    ),
    # kata 05
    Claim("05/README.md", "x = Value(2.0)", same(2.0, "the example's input")),
    Claim("05/README.md", "y = Value(-3.0)", same(-3.0, "the example's input")),
    Claim(
        "05/README.md",
        "Python stops at about 1000 nested calls, and one forward pass easily builds a graph that "
        "deep: a loss summed over 1000 examples, `total = total + loss_i` one at a time, is "
        "already a chain of 1000 additions.",
        recursion_versus_one_pass,
    ),
    Claim("05/README.md", "(`2.0 * x`, `1 - x`, `1 / x`)", same(2.0, "the example's float")),
    Claim("05/README.md", "(2.5 stays 2.5:", fractional_exponent),
    Claim("05/hints", "(2.5 stays 2.5)", fractional_exponent),
    # kata 06
    Claim(
        "06/README.md",
        "(`3.3 -> 0.8 -> 0.54 -> 0.4` with w = b = 0.3)",
        lambda: (
            [seed_chain()["a1"]]
            + [Wrong(seed_chain()[k]) for k in ("h1", "a2", "h2")]
            + [NOTES_WEIGHT]
        ),
    ),
    Claim(
        "06/README.md",
        "for x = 0.5 it is 0.45 -> 0.4219 -> 0.4266 -> 0.4025.",
        lambda: (
            [Given(0.5, "the example's input")]
            + [small_chain()[k] for k in ("a1", "h1", "a2", "h2")]
        ),
    ),
    Claim("05/autograd.py", "(2.0 * x, 1 - x, ...)", same(2.0, "the example's float")),
    Claim("05/autograd.py", "(about 1000 frames)", lambda: [default_recursion_limit()]),
    # kata 07
    Claim(
        "07/README.md",
        "momentum=0.0, dampening=0.0,\n                   weight_decay=0.0",
        sgd_defaults,
    ),
    Claim("07/README.md", "in float64 (to 1e-12)", lambda: [optimizer_float64_tolerance()]),
]


# ---- kata 09 ----


def largest_logit_tried() -> Given:
    """The ±1e4 the kata promises: the largest |logit| scale katas/09/test_softmax.py uses."""
    numbers = numbers_in_kata_test("09", "test_softmax.py", "SOFTMAX_CASES")
    assert 1e4 in numbers, f"SOFTMAX_CASES in katas/09/test_softmax.py uses {sorted(numbers)}"
    return Given(1e4, "the largest logit scale in SOFTMAX_CASES, katas/09/test_softmax.py")


def exp_of_1e4_overflows() -> list:
    assert torch.isinf(torch.exp(torch.tensor(1e4, dtype=F64))), "exp(1e4) is finite in float64"
    return [Given(1e4, "the largest logit the kata promises to handle")]


def cross_entropy_default(name: str) -> Given:
    return Given(stub_defaults("09", "softmax", "cross_entropy")[name], "the stub's default")


def exp_overflow_points() -> list:
    """np.exp(710.0) is inf in float64 (709 is not), and float32 overflows past log(max)."""
    assert torch.isinf(torch.exp(torch.tensor(710.0, dtype=F64))), "exp(710.0) is finite"
    assert torch.isfinite(torch.exp(torch.tensor(709.0, dtype=F64))), "exp(709.0) overflows"
    float32_edge = math.log(torch.finfo(torch.float32).max)
    assert torch.isinf(torch.exp(torch.tensor(float32_edge + 0.01, dtype=torch.float32)))
    return [Given(710.0, "the example's input"), float32_edge]


def log_of_an_underflowed_probability() -> list:
    """softmax([0, -800]) is [1, 0] in float64, while log_softmax gives about -800."""
    logits = torch.tensor([0.0, -800.0], dtype=F64)
    assert torch.softmax(logits, 0).tolist() == [1.0, 0.0], "exp(-800) did not underflow"
    log_p = torch.log_softmax(logits, 0)[1].item()
    return [Given(-800, "the example's logit"), log_p, log_p]


def kept_targets_divisor() -> list:
    """N = 8 targets, 3 ignored: F.cross_entropy's mean is its sum divided by 5."""
    logits = torch.randn(8, 4, dtype=F64, generator=torch.Generator().manual_seed(0))
    targets = torch.tensor([0, -100, 1, 2, -100, 3, -100, 0])
    total = torch.nn.functional.cross_entropy(logits, targets, reduction="sum")
    mean = torch.nn.functional.cross_entropy(logits, targets)
    n = Given(8, "the example's batch")
    return [n, Given(3, "the example's ignored targets"), (total / mean).item(), n]


def equal_logits_loss_of_1000() -> list:
    classes = Given(1000, "the example's number of classes")
    logits = torch.zeros(2, 1000, dtype=F64)
    loss = torch.nn.functional.cross_entropy(logits, torch.tensor([0, 999])).item()
    return [classes, classes, loss]


CLAIMS += [
    Claim("09/softmax.py", "for logits up to ±1e4", lambda: [largest_logit_tried()]),
    Claim("09/softmax.py", "np.exp(1e4) is inf.", exp_of_1e4_overflows),
    Claim("09/README.md", "for logits up to `±1e4`", lambda: [largest_logit_tried()]),
    Claim(
        "09/README.md",
        'reduction="mean", label_smoothing=0.0, ignore_index=-100',
        lambda: [cross_entropy_default("label_smoothing"), cross_entropy_default("ignore_index")],
    ),
    Claim(
        "09/README.md",
        "(default `-100`)",
        lambda: [cross_entropy_default("ignore_index")],
    ),
    Claim("09/hints", "(-100 is not a class)", lambda: [cross_entropy_default("ignore_index")]),
    Claim(
        "09/README.md",
        "in float64 `np.exp(710.0)` is already `inf`, and in float32 anything\nabove about 88.7",
        exp_overflow_points,
    ),
    Claim(
        "09/README.md",
        "For the logits `[0, -800]`, softmax is `[1, 0]` in float64 (the true\nvalue, about "
        "`e^-800`, is far below the smallest float64), and `np.log(0)` is `-inf`. The true\n"
        "log-probability is an ordinary number, about `-800`.",
        log_of_an_underflowed_probability,
    ),
    Claim(
        "09/README.md",
        "With `N = 8` targets of which 3 are ignored, the mean divides by 5, not by 8.",
        kept_targets_divisor,
    ),
    Claim(
        "09/README.md",
        "With `C = 1000` classes, equal logits give a loss\nof `log 1000 = 6.9078`.",
        equal_logits_loss_of_1000,
    ),
]


# ---- kata 11 ----


def xavier_bound_constant() -> float:
    """The 6 of sqrt(6 / (fan_in + fan_out)), read back from torch's own Xavier draw: the largest
    of 60,000 uniform draws lies within a few parts in 100,000 of the bound."""
    fan_in, fan_out = 300, 200
    weight = torch.empty(fan_out, fan_in, dtype=F64)
    with torch.random.fork_rng():
        torch.manual_seed(0)
        torch.nn.init.xavier_uniform_(weight)
    return (weight.abs().max() ** 2 * (fan_in + fan_out)).item()


def gain_as_fraction(nonlinearity: str, denominator: int) -> list:
    """calculate_gain's gain as a fraction: its numerator computed, its denominator given."""
    numerator = torch.nn.init.calculate_gain(nonlinearity) * denominator
    return [numerator, Given(denominator, f"the denominator of {nonlinearity}'s gain")]


def normalization_default(function: str, name: str) -> Given:
    value = stub_defaults("11", "normalization", function)[name]
    return Given(value, f"{function}'s default {name}")


def lesson_network() -> dict:
    """The network `depth_table` in katas/11/normalization.py prints, with its own defaults."""
    return stub_defaults("11", "normalization", "depth_table")


def lesson_stds(init: str, batch_norm: bool) -> list[float]:
    """The std of tanh's output after each layer of the lesson's MLP, with torch's own inits."""
    net = lesson_network()
    with torch.random.fork_rng():
        torch.manual_seed(0)
        h = torch.randn(net["batch"], net["width"], dtype=F64)
        stds = []
        for _ in range(net["depth"]):
            weight = torch.empty(net["width"], net["width"], dtype=F64)
            if init == "normal":
                torch.nn.init.normal_(weight)
            elif init == "xavier":
                torch.nn.init.xavier_uniform_(weight)
            else:
                torch.nn.init.kaiming_normal_(weight, nonlinearity="tanh")
            z = torch.nn.functional.linear(h, weight)
            if batch_norm:
                z = torch.nn.functional.batch_norm(z, None, None, training=True)
            h = torch.tanh(z)
            stds.append(h.std(unbiased=False).item())
    return stds


def same_at_every_depth(stds: list[float], written: float) -> float:
    """One value for a column the README calls constant, after checking that it is."""
    assert all(abs(s - written) <= 0.005 for s in stds), f"the column is not {written}: {stds}"
    return stds[0]


def batch_norm_columns() -> float:
    stds = [s for init in ("normal", "xavier", "kaiming") for s in lesson_stds(init, True)]
    return same_at_every_depth(stds, 0.63)


CLAIMS += [
    Claim("11/README.md", "sqrt(6 / (fan_in + fan_out)), since a uniform on [-b, b] has "
          "variance b²/3", lambda: [xavier_bound_constant(), uniform_variance_denominator()]),
    Claim("11/README.md", "tanh's is 5/3", lambda: gain_as_fraction("tanh", 3)),
    Claim("11/README.md", "gain=1.0)", lambda: [normalization_default("xavier_uniform", "gain")]),
    Claim("11/README.md", 'nonlinearity="relu", a=0.0)',
          lambda: [normalization_default("kaiming_normal", "a")]),
    Claim("11/README.md", "momentum=0.1, eps=1e-5)", lambda: [
        normalization_default("batchnorm_forward", "momentum"),
        normalization_default("batchnorm_forward", "eps"),
    ]),
    Claim("11/README.md", "`layernorm_forward(x, gamma, beta, eps=1e-5)`",
          lambda: [normalization_default("layernorm_forward", "eps")]),
    Claim("11/README.md", "a 10-layer tanh MLP (256 units per layer, a batch of 512)",
          lambda: [Given(lesson_network()[k], f"depth_table's {k}")
                   for k in ("depth", "width", "batch")]),
    Claim("11/README.md", "a sum of 256 terms of variance 1",
          lambda: [Given(lesson_network()["width"], "depth_table's width")]),
    Claim("11/README.md", "The std sits at 0.97 from the first layer on",
          lambda: [same_at_every_depth(lesson_stds("normal", False), 0.97)]),
    Claim("11/README.md", "starts at 0.63 and fades to 0.23 by layer 10", lambda: [
        lesson_stds("xavier", False)[0], lesson_stds("xavier", False)[-1],
        Given(lesson_network()["depth"], "depth_table's depth"),
    ]),
    Claim("11/README.md", "settles near 0.65 after a few layers",
          lambda: [lesson_stds("kaiming", False)[-1]]),
    Claim("11/README.md", "every column holds 0.63", lambda: [batch_norm_columns()]),
    Claim("11/normalization.py", '"tanh":        5 / 3', lambda: gain_as_fraction("tanh", 3)),
    Claim("11/normalization.py", '"selu":        3 / 4', lambda: gain_as_fraction("selu", 4)),
    Claim("11/normalization.py", "bound = gain * sqrt(6 / (fan_in + fan_out)),\n    chosen so "
          "that the variance, bound**2 / 3,",
          lambda: [xavier_bound_constant(), uniform_variance_denominator()]),
    Claim("11/hints", "bound = gain * sqrt(6 / (fan_in + fan_out)) is the uniform's BOUND, and "
          "its std is bound / sqrt(3)",
          lambda: [xavier_bound_constant(), uniform_variance_denominator()]),
]  # fmt: skip


# ---- kata 12 ----


_digits_facts: dict = {}  # computed once: scikit-learn takes a second to import


def digits_facts() -> dict:
    """The capstone's data as harness.digits gives it, after checking that it is scikit-learn's
    load_digits() (which the README says it is), counted with torch."""
    if not _digits_facts:
        _digits_facts.update(count_digits())
    return _digits_facts


def count_digits() -> dict:
    from sklearn import datasets

    from harness.digits import load_digits, train_test_split

    x, y = load_digits()
    theirs = datasets.load_digits()
    assert torch.equal(torch.as_tensor(x * 16), torch.as_tensor(theirs.data)), "not sklearn's"
    assert torch.equal(torch.as_tensor(y), torch.as_tensor(theirs.target)), "not sklearn's"
    assert 0 <= x.min() and x.max() <= 1, "pixels are not scaled to [0, 1]"
    _, y_train, _, y_test = train_test_split(x, y)
    labels = torch.as_tensor(y)
    return {
        "images": labels.numel(),
        "side": math.isqrt(x.shape[1]),
        "pixels": x.shape[1],
        "largest label": labels.max().item(),
        "classes": torch.unique(labels).numel(),
        "train": len(y_train),
        "test": len(y_test),
        "train percent": 100 * len(y_train) / len(y),
        "test percent": 100 * len(y_test) / len(y),
    }


def capstone_defaults() -> list:
    defaults = stub_defaults("12", "capstone", "train")
    return [
        Given(defaults[k], f"train's default {k}") for k in ("hidden", "epochs", "batch_size", "lr")
    ]


def capstone_test_constant(name: str) -> Given:
    (value,) = numbers_in_kata_test("12", "test_capstone.py", name)
    return Given(value, f"{name} in katas/12/test_capstone.py")


def steps_compared() -> Given:
    steps = numbers_in_kata_test(
        "12", "test_capstone.py", "test_first_five_steps_losses_match_torch"
    )
    assert 5 in steps, f"the five-step test uses {sorted(steps)}"
    return Given(5, "the batches of test_first_five_steps_losses_match_torch")


CLAIMS += [
    Claim("12/README.md", "scikit-learn ships 1797 handwritten digits, each an 8×8 grid",
          lambda: [digits_facts()["images"], digits_facts()["side"], digits_facts()["side"]]),
    Claim("12/README.md", "with its label\n0 to 9.", lambda: [digits_facts()["largest label"]]),
    Claim("12/README.md", "`x` of shape `(1797, 64)`",
          lambda: [digits_facts()["images"], digits_facts()["pixels"]]),
    Claim("12/README.md", "an 80/20 split",
          lambda: [digits_facts()["train percent"], digits_facts()["test percent"]]),
    Claim("12/README.md", "That gives 1438 training and 359 test images",
          lambda: [digits_facts()["train"], digits_facts()["test"]]),
    Claim("12/README.md", "x (N, 64) -> linear (W1, b1) -> a -> relu -> h -> linear (W2, b2) -> "
          "logits (N, 10)", lambda: [digits_facts()["pixels"], digits_facts()["classes"]]),
    Claim("12/README.md", 'linear = earlier_kata("04", "linear")',
          same(4, "the kata the example reaches, as the comment after it says")),
    Claim("12/README.md", "hidden=64, epochs=20, batch_size=32, lr=1e-2", capstone_defaults),
    Claim("12/README.md", "the first 5 steps, which must match torch's to\n   1e-6",
          lambda: [steps_compared(), capstone_test_constant("LOSS_TOLERANCE")]),
    Claim("12/capstone.py", "The network: 64 pixels -> linear -> relu -> linear -> 10 logits",
          lambda: [digits_facts()["pixels"], digits_facts()["classes"]]),
    Claim("12/README.md", "a **test accuracy of at least 0.95**",
          lambda: [capstone_test_constant("REQUIRED_ACCURACY")]),
]  # fmt: skip


# ---- kata 10 ----


def adam_defaults() -> dict:
    defaults = stub_defaults("10", "adam", "adam_step")
    (beta1, beta2), why = defaults["betas"], "adam_step's default"
    return {
        "lr": Given(defaults["lr"], f"{why} lr"),
        "beta1": Given(beta1, f"{why} betas[0]"),
        "beta2": Given(beta2, f"{why} betas[1]"),
        "eps": Given(defaults["eps"], f"{why} eps"),
        "weight_decay": Given(defaults["weight_decay"], f"{why} weight_decay"),
    }


def adam_default_list(*names: str) -> Callable[[], list]:
    return lambda: [adam_defaults()[name] for name in names]


def adam_steps_compared() -> Given:
    steps = numbers_in_kata_test("10", "test_adam.py", "test_matches_torch_over_thirty_steps")
    assert 30 in steps, f"test_matches_torch_over_thirty_steps uses {sorted(steps)}"
    return Given(30, "the steps of test_matches_torch_over_thirty_steps")


def moment_horizons() -> list:
    """The README says m averages about ten gradients and v about a thousand: 1 / (1 - beta)."""
    defaults = stub_defaults("10", "adam", "adam_step")
    horizons = [1 / (1 - torch.tensor(b, dtype=F64)).item() for b in defaults["betas"]]
    assert [round(h) for h in horizons] == [10, 1000], f"1 / (1 - beta) is {horizons}"
    return adam_default_list("beta1", "beta2")()


CLAIMS += [
    Claim("10/README.md", "torch's defaults are `betas=(0.9, 0.999)`", moment_horizons),
    Claim("10/README.md", "(default `1e-8`)", adam_default_list("eps")),
    Claim(
        "10/README.md",
        "lr=1e-3, betas=(0.9, 0.999), eps=1e-8,\n weight_decay=0.0",
        adam_default_list("lr", "beta1", "beta2", "eps", "weight_decay"),
    ),
    Claim("10/README.md", "over 30 steps", lambda: [adam_steps_compared()]),
    Claim("10/README.md", "in float64 (to 1e-12)", lambda: [optimizer_float64_tolerance()]),
]
