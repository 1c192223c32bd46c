"""Kata 05: your Value engine against torch autograd.

Every test builds the same expression twice, once from your Values and once from float64 torch
tensors with requires_grad, calls backward() on both, and compares f.data, f.grad and every
leaf's .grad. The order tests judge backward() apart from your closures: its grads must equal
what your own closures give when each runs once, from the output down to the leaves.
"""

import functools
import math

import numpy as np
import pytest
import torch

from harness import check_close, check_true, fail, learner_module
from harness.compare import Subject, matches
from harness.learner import learner_origin, with_learner_objects

ag = learner_module(__file__, "autograd")

RECURSION_HINT = (
    "build the topological order with an explicit stack (a Python list you push to and pop "
    "from) instead of a recursive function"
)

SEED_HINT = (
    "backward() starts the chain rule at the output: set self.grad = 1 (d f/d f = 1) "
    "before calling any _backward"
)


def as_float(value, what: str, where: str) -> float:
    """A learner's .data or .grad as a Python float, or a failure that says why not."""
    try:
        return float(value)
    except (TypeError, ValueError):
        fail(f"{what}, where {where}, is {value!r}: it should be a number (a Python float).")


def torch_run(build, leaves: dict) -> tuple[float, float, dict]:
    """torch's f.data, f.grad and each leaf's .grad for f = build(**leaves)."""
    tensors = {
        name: torch.tensor(value, dtype=torch.float64, requires_grad=True)
        for name, value in leaves.items()
    }
    f = build(**tensors)
    f.retain_grad()
    f.backward()
    grads = {
        name: 0.0 if t.grad is None else float(t.grad)  # a leaf f does not reach: d f/d x = 0
        for name, t in tensors.items()
    }
    return float(f.detach()), float(f.grad), grads


def run_backward(f, where: str, leaves: dict, hint: str) -> None:
    """f.backward(), with a failure that names the graph if the learner's code raises."""
    __tracebackhide__ = True
    try:
        f.backward()
        return
    except NotImplementedError:
        raise  # the plugin reports "... is not implemented yet"
    except RecursionError:
        message = (
            f"f.backward(), where {where}, hit Python's recursion limit "
            f"(sys.getrecursionlimit() = 1000 frames): a recursive walk of the graph needs "
            f"one frame per node of depth.\n  hint: {RECURSION_HINT}"
        )
    except Exception as error:
        origin = learner_origin(error)
        if origin is None:
            raise
        function, path, line, source = origin
        at = ", ".join(f"{name} = {value!r}" for name, value in leaves.items())
        message = (
            f"f.backward(), where {where}, at {at}, raised {type(error).__name__}: {error}\n"
            f"  in {function}, {path}:{line}  ->  {source}\n  hint: {hint}"
        )
    fail(message)  # outside the except block: no "during handling" chain in the report


def leaf_grads(values: dict, where: str) -> dict:
    return {name: as_float(v.grad, f"{name}.grad", where) for name, v in values.items()}


def check_graph(where: str, build, leaves: dict, hint: str, *, rtol=None, atol=None) -> None:
    """Build f = build(**leaves) from Values and from torch tensors; compare data and grads.

    ``where`` describes f for the messages, e.g. "f = x * y". When the grads are wrong but the
    learner's own closures, run in the right order, would be right, the hint blames backward().
    """
    __tracebackhide__ = True
    values = {name: ag.Value(value) for name, value in leaves.items()}
    f = build(**values)
    want_data, want_f_grad, want_grads = torch_run(build, leaves)
    tol = {"rtol": rtol, "atol": atol}

    for name, v in values.items():
        check_true(
            as_float(v.grad, f"{name}.grad before backward()", where) == 0.0,
            f"{name}.grad, where {where}, is {v.grad!r} before backward() was called.",
            "a new Value starts with .grad = 0.0; only backward() fills it in",
        )
    check_close(
        Subject(f"f.data, where {where},"), leaves, want_data,
        as_float(f.data, "f.data", where), hint="the forward value is given in the stub: "
        "restore the line `out = Value(...)` of this operation", **tol,
    )  # fmt: skip
    run_backward(f, where, leaves, hint)
    check_close(
        Subject(f"f.grad after f.backward(), where {where},"), leaves, want_f_grad,
        as_float(f.grad, "f.grad", where), hint=SEED_HINT, **tol,
    )  # fmt: skip
    got = leaf_grads(values, where)
    if not all(matches(want_grads[name], got[name], **tol) for name in got):
        hint = (
            schedule_problem(where, build, leaves, got, as_float(f.grad, "f.grad", where)) or hint
        )
    for name in values:
        check_close(
            Subject(f"{name}.grad after f.backward(), where {where},"), leaves,
            want_grads[name], got[name], hint=hint, **tol,
        )  # fmt: skip


# --- backward()'s schedule, judged apart from the closures ------------------------------------
# The judge walks the learner's graph (each Value's _prev) and calls each node's own _backward
# once, from the output down to the leaves. If that gives other grads than the learner's
# backward(), the closures are not to blame: backward() ran them in the wrong order or the
# wrong number of times. This works on Values in the grading sandbox's process too.


MAX_NODES = 100_000


def node_key(node) -> int:
    """One key per learner Value, also for a handle to a Value in the grading sandbox."""
    try:
        return object.__getattribute__(node, "_key")  # a handle: the Value's key over there
    except AttributeError:
        return id(node)


def reverse_topological(f) -> list:
    """The learner's graph below f, every node once, each before the nodes it was built from.

    Leaves are left out: their _backward has nothing to do.
    """
    order, visited, stack = [], set(), [(f, False)]
    while stack:
        node, children_done = stack.pop()
        if len(visited) > MAX_NODES:  # far more than any graph here: identity is not working
            raise RuntimeError("the graph seems endless")
        if children_done:
            order.append(node)
        elif node_key(node) not in visited:
            visited.add(node_key(node))
            children = tuple(node._prev)
            if children:
                stack.append((node, True))
            stack.extend((child, False) for child in children)
    return order[::-1]


def replayed_grads(build, leaves: dict, seed: float) -> dict | None:
    """Each leaf's .grad when the judge runs the learner's closures in the right order, once.

    None if the learner's Values do not work that way (no _prev, a closure that raises).
    """
    try:
        values = {name: ag.Value(value) for name, value in leaves.items()}
        f = build(**values)
        f.grad = seed  # the learner's own seed: a missing seed is not the schedule's fault
        for node in reverse_topological(f):
            node._backward()
        return {name: float(v.grad) for name, v in values.items()}
    except Exception:
        return None


def learner_grads(build, leaves: dict) -> dict | None:
    """Each leaf's .grad after the learner's backward(), or None if it raises."""
    try:
        values = {name: ag.Value(value) for name, value in leaves.items()}
        build(**values).backward()
        return {name: float(v.grad) for name, v in values.items()}
    except Exception:
        return None


def same_grads(a: dict | None, b: dict | None) -> bool:
    # the same closures summed in another valid order: equal up to rounding
    return a is None or b is None or all(matches(a[name], b[name]) for name in a)


def plain_chain(x):
    return ((x * 2.0).tanh() * 3.0).exp()  # one path: a single right order


def one_node_used_twice(x):
    b = x * 2.0
    return b + b  # f uses b twice, and f must run first


def schedule_problem(where: str, build, leaves: dict, got: dict, seed: float) -> str | None:
    """What backward() does wrong, when its own closures run in the right order would differ."""
    replayed = replayed_grads(build, leaves, seed)
    if replayed is None or same_grads(got, replayed):
        return None
    shown = ", ".join(f"{name}.grad = {replayed[name]:.10g}" for name in replayed)
    lead = (
        f"backward() is the problem here, not the closures: where {where}, calling each node's "
        f"own _backward once, from the output down to the leaves, gives {shown}. "
    )
    probe = {"x": 0.3}
    if not same_grads(learner_grads(plain_chain, probe), replayed_grads(plain_chain, probe, 1.0)):
        return lead + (
            "Even on a plain chain f = ((x * 2.0).tanh() * 3.0).exp() your backward() runs a "
            "node before the node that uses it: call _backward in reverse topological order "
            "(the output first, the leaves last): for node in reversed(order)"
        )
    if not same_grads(
        learner_grads(one_node_used_twice, probe), replayed_grads(one_node_used_twice, probe, 1.0)
    ):
        return lead + (
            "With b = x * 2.0; f = b + b, b's _backward runs more than once: each node must "
            "enter the order exactly once (a visited set), and run in reverse topological order"
        )
    return lead + (
        "Some node passed its gradient on before every node that uses it had added its share "
        "(a short path reached it first): call _backward in reverse topological order, built "
        "by a depth-first walk that appends a node after all of its children, each node once"
    )


# --- 1. every operation's local derivative, then the same inside a bigger graph --------------

# (id, description, f as a function of the leaves, the points to try, hint)
OPERATIONS = [
    ("add", "x + y", lambda x, y: x + y, [(0.5, -1.5)],
     "d(x + y)/dx = 1 and d(x + y)/dy = 1: both inputs get out.grad added to their .grad"),
    ("add_float_right", "x + 2.5", lambda x: x + 2.5, [(0.5,)],
     "d(x + c)/dx = 1 (a float c is wrapped in a Value, so this is add_backward)"),
    ("add_float_left", "2.5 + x", lambda x: 2.5 + x, [(0.5,)],
     "d(c + x)/dx = 1 (2.5 + x runs __radd__, which calls add_backward)"),
    ("sub", "x - y", lambda x, y: x - y, [(0.5, -1.5)],
     "d(x - y)/dx = 1 but d(x - y)/dy = -1: the second input gets MINUS out.grad"),
    ("sub_float_right", "x - 2.5", lambda x: x - 2.5, [(0.5,)],
     "d(x - c)/dx = 1: x is the first input of sub_backward"),
    ("sub_float_left", "2.5 - x", lambda x: 2.5 - x, [(0.5,)],
     "d(c - x)/dx = -1: here x is the SECOND input of sub_backward, so it gets minus out.grad"),
    ("mul", "x * y", lambda x, y: x * y, [(0.5, -1.5), (2.0, 3.0)],
     "d(x * y)/dx = y and d(x * y)/dy = x: each input gets the OTHER input's .data * out.grad"),
    ("mul_float_left", "3.0 * x", lambda x: 3.0 * x, [(0.5,)],
     "d(c * x)/dx = c: the other input's .data"),
    ("div", "x / y", lambda x, y: x / y, [(0.5, -1.5), (3.0, 2.0)],
     "d(x / y)/dx = 1 / y and d(x / y)/dy = -x / y**2 (the quotient rule, minus sign included)"),
    ("div_float_right", "x / 4.0", lambda x: x / 4.0, [(0.5,)],
     "d(x / c)/dx = 1 / c"),
    ("div_float_left", "2.0 / x", lambda x: 2.0 / x, [(0.5,), (-1.5,)],
     "d(c / x)/dx = -c / x**2: x is the denominator here"),
    ("neg", "-x", lambda x: -x, [(0.5,)],
     "d(-x)/dx = -1"),
    ("pow_int", "x ** 3", lambda x: x**3, [(0.7,), (-1.5,), (0.0,)],
     "d(x ** n)/dx = n * x ** (n - 1): the exponent drops by one"),
    ("pow_negative_int", "x ** -2", lambda x: x**-2, [(0.7,), (-1.5,)],
     "d(x ** n)/dx = n * x ** (n - 1), also for n = -2 (which gives -2 * x ** -3)"),
    ("pow_float", "x ** 2.5", lambda x: x**2.5, [(0.7,), (1.9,)],
     "d(x ** n)/dx = n * x ** (n - 1) with n exactly as given: 2.5 stays 2.5 (no int(n), "
     "no rounding), and the exponent drops by one"),
    ("pow_half", "x ** 0.5", lambda x: x**0.5, [(0.7,), (4.0,)],
     "d(x ** 0.5)/dx = 0.5 * x ** -0.5: n * x ** (n - 1) with the float n as given"),
    ("pow_negative_float", "x ** -1.5", lambda x: x**-1.5, [(0.7,)],
     "d(x ** n)/dx = n * x ** (n - 1) for n = -1.5 too: a float exponent as given"),
    ("tanh", "x.tanh()", lambda x: x.tanh(), [(0.8,), (-1.7,)],
     "d tanh(x)/dx = 1 - tanh(x)**2: square the OUTPUT t = out.data, i.e. 1 - t**2; "
     "1 - x**2 (the input squared) is a different function"),
    ("relu", "x.relu()", lambda x: x.relu(), [(1.3,), (-0.7,), (0.0,)],
     "d relu(x)/dx = 1 where the input x > 0 and 0 where x <= 0: out.grad passes or is "
     "blocked, and at exactly x = 0 torch blocks it (self.data > 0, strictly)"),
    ("sigmoid", "x.sigmoid()", lambda x: x.sigmoid(), [(0.8,), (-2.5,)],
     "d sigmoid(x)/dx = s * (1 - s) with s = sigmoid(x), the OUTPUT (out.data), not the input"),
    ("exp", "x.exp()", lambda x: x.exp(), [(0.8,), (-1.5,)],
     "d e**x/dx = e**x: the output itself, out.data"),
    ("log", "x.log()", lambda x: x.log(), [(0.4,), (3.0,)],
     "d ln(x)/dx = 1 / x, with x the INPUT (self.data), not the output"),
]  # fmt: skip

CHAIN_HINT = (
    "here the operation's out.grad is 1.5, not 1: the chain rule multiplies the local "
    "derivative by out.grad, as in input.grad += local * out.grad"
)


@pytest.mark.parametrize(
    "where, build, points, hint", [op[1:] for op in OPERATIONS], ids=[op[0] for op in OPERATIONS]
)
def test_operation(where, build, points, hint):
    names = "xy"
    for point in points:
        leaves = dict(zip(names[: len(point)], point, strict=True))
        # alone: out.grad is the seed, 1
        check_graph(f"f = {where}", build, leaves, hint)
    for point in points:
        leaves = dict(zip(names[: len(point)], point, strict=True))
        # inside a bigger graph: out.grad is whatever reaches it, here 1.5
        check_graph(f"f = ({where}) * 1.5", lambda **v: build(**v) * 1.5, leaves, CHAIN_HINT)


# --- 2. nodes used more than once ------------------------------------------------------------

ACCUMULATE_HINT = (
    "x is used more than once here, and d f/d x is the SUM of one share per use: every "
    "_backward must add to .grad with +=, never overwrite it with ="
)

USED_TWICE = [
    ("x * x", lambda x: x * x),
    ("x + x", lambda x: x + x),
    ("x - x", lambda x: x - x),
    ("x * x * x", lambda x: x * x * x),
    ("x * x.tanh()", lambda x: x * x.tanh()),
    ("x.exp() / x", lambda x: x.exp() / x),
]


@pytest.mark.parametrize("where, build", USED_TWICE, ids=[w for w, _ in USED_TWICE])
def test_a_value_used_twice_gets_the_sum_of_its_shares(where, build):
    check_graph(f"f = {where}", build, {"x": 0.8}, ACCUMULATE_HINT)


def shared_then_reused(x, y):
    b = (x * y).tanh()
    return b + b


def test_a_shared_subexpression_runs_its_backward_once():
    check_graph(
        "b = (x * y).tanh(); f = b + b",
        shared_then_reused,
        {"x": 0.7, "y": -1.2},
        "b feeds f twice: b.grad must collect both shares (+=), and b's _backward then passes "
        "the sum on to x * y once",
    )


# --- 3. the order of backward ----------------------------------------------------------------

ORDER_HINT = (
    "a = x * y reaches f by a short path and by a long one. A node may pass its gradient on "
    "only after every node that uses it has added its share to node.grad: call _backward in "
    "reverse topological order (the output first, the leaves last), each node once"
)


def short_path_first(x, y):
    a = x * y
    return a + (a.tanh() * 2.0).exp()


def long_path_first(x, y):
    a = x * y
    return (a.tanh() * 2.0).exp() + a


def diamond(x, y):
    a = x * y
    return a.sigmoid() * a.tanh() - a


ORDERS = [
    ("a = x * y; f = a + (a.tanh() * 2.0).exp()", short_path_first),
    ("a = x * y; f = (a.tanh() * 2.0).exp() + a", long_path_first),
    ("a = x * y; f = a.sigmoid() * a.tanh() - a", diamond),
]


@pytest.mark.parametrize(
    "where, build", ORDERS, ids=["short_path_first", "long_path_first", "diamond"]
)
def test_backward_runs_in_reverse_topological_order(where, build):
    # Judged apart from the closures: your backward() must give what your own closures give
    # when each runs once, from the output down to the leaves.
    leaves = {"x": 0.9, "y": -0.6}
    values = {name: ag.Value(value) for name, value in leaves.items()}
    f = build(**values)
    run_backward(f, where, leaves, ORDER_HINT)
    got = leaf_grads(values, where)
    problem = schedule_problem(where, build, leaves, got, as_float(f.grad, "f.grad", where))
    if problem:
        at = ", ".join(f"{name} = {value!r}" for name, value in leaves.items())
        shown = ", ".join(f"{name}.grad = {value:.10g}" for name, value in got.items())
        fail(f"f.backward(), where {where}, at {at}, gives {shown}.\n  hint: {problem}")


# --- 4. deep graphs: no recursion -----------------------------------------------------------


# The big graphs are built by helpers marked with_learner_objects: when grading in a sandbox,
# each is built in the learner's process in one request rather than one per operation.
@with_learner_objects
def ladder(x):
    v = x
    for _ in range(12):
        v = v * 0.5 + v.tanh()  # every v is used twice: 4096 paths from f down to x
    return v


LADDER_HINT = (
    "every v here is used twice (v * 0.5 and v.tanh()), so v.grad is the sum of two shares: "
    "each closure adds its share with +=, times out.grad"
)


def check_deep_chain(where: str, build, leaves: dict, hint: str, **tol) -> None:
    __tracebackhide__ = True
    # First a small graph with many paths: a backward that runs a node once per PATH would
    # take forever on the deep graph below, so catch that here, quickly (check_graph says
    # whether the closures or backward()'s order and once-only rule are to blame).
    check_graph(
        "v = x; repeat 12 times: v = v * 0.5 + v.tanh(); f = v", ladder, {"x": 0.4}, LADDER_HINT
    )
    check_graph(where, build, leaves, hint, **tol)


STEPS = 400


@with_learner_objects
def deep_chain(x, y):
    v = x
    for _ in range(STEPS):
        v = (v * 0.999 + y * 0.01).tanh()  # 3 more nodes in series every step
    return v


def test_a_chain_of_thousands_of_nodes_does_not_hit_the_recursion_limit():
    # Only the recursion is judged here: every node has one user, and the values are checked
    # by test_random_deep_chains and the tests above.
    where = f"v = x; repeat {STEPS} times: v = (v * 0.999 + y * 0.01).tanh(); f = v"
    leaves = {"x": 0.3, "y": 0.02}
    f = deep_chain(**{name: ag.Value(value) for name, value in leaves.items()})
    run_backward(f, where, leaves, RECURSION_HINT)


# --- 5. random graphs ------------------------------------------------------------------------

# The random graphs come from seeded generators rather than hypothesis: the same variety, a
# repeatable verdict, and no import of hypothesis on every run.
CONSTANTS = [-2.0, -0.5, 0.5, 1.5, 3.0]
INT_POWERS = [2, 3, -1, -2]
FLOAT_POWERS = [0.5, 1.5, 2.5, -0.5]
# Leaf values besides uniform ones in [-2, 2]: zero, the ends of the range, and near-zeros.
LEAF_EDGES = [0.0, -0.0, 2.0, -2.0, 1.0, -1.0, 0.5, -0.5, 0.001, -0.001]
RANDOM_GRAPHS = 25


def pick(rng, options):
    """One of options, as it is (a Python int stays an int)."""
    return options[int(rng.integers(len(options)))]


def leaf_value(rng) -> float:
    if rng.random() < 0.3:
        return pick(rng, LEAF_EDGES)
    return round(float(rng.uniform(-2.0, 2.0)), 3)


KINDS = [
    "+", "-", "*", "/", "c+", "+c", "c-", "-c", "c*", "*c", "c/", "/c",
    "**int", "**float", "neg", "tanh", "relu", "sigmoid", "exp", "log",
]  # fmt: skip


def apply(kind, a, b, c):
    """One operation; works the same on Values and on torch tensors."""
    return {
        "+": lambda: a + b, "-": lambda: a - b, "*": lambda: a * b, "/": lambda: a / b,
        "c+": lambda: c + a, "+c": lambda: a + c, "c-": lambda: c - a, "-c": lambda: a - c,
        "c*": lambda: c * a, "*c": lambda: a * c, "c/": lambda: c / a, "/c": lambda: a / c,
        "**int": lambda: a**c, "**float": lambda: a**c, "neg": lambda: -a,
        "tanh": lambda: a.tanh(), "relu": lambda: a.relu(), "sigmoid": lambda: a.sigmoid(),
        "exp": lambda: a.exp(), "log": lambda: a.log(),
    }[kind]()  # fmt: skip


def describe(kind, a, b, c) -> str:
    if kind in ("tanh", "relu", "sigmoid", "exp", "log"):
        return f"{a}.{kind}()"
    if kind == "neg":
        return f"-{a}"
    if kind.startswith("**"):
        return f"{a} ** {c}"
    if kind.startswith("c"):
        return f"{c} {kind[1]} {a}"
    if kind[1:] == "c":
        return f"{a} {kind[0]} {c}"
    return f"{a} {kind} {b}"


def safe(kind, a: float, b: float, c) -> bool:
    """Whether the operation is defined, and tame, at these operand values."""
    if kind == "/" and abs(b) < 0.2 or kind in ("c/", "**int") and abs(a) < 0.2:
        return False
    if kind in ("**float", "log") and a < 0.05 or kind == "exp" and a > 4.0:
        return False
    return not (kind == "relu" and abs(a) < 1e-3)  # near the kink; test_operation tries 0 itself


def operand(rng, count: int) -> int:
    """An index into the nodes built so far, often one of the last three (deep graphs)."""
    low = max(0, count - 3) if rng.random() < 0.5 else 0
    return int(rng.integers(low, count))


def random_graph(rng):
    """A random expression graph: (listing, plan, leaves). Later nodes reuse earlier ones freely."""
    # One leaf half the time, as hypothesis favours: every operation then reuses x0 (x0 / x0).
    leaves = {f"x{i}": leaf_value(rng) for i in range(pick(rng, [1, 1, 1, 2, 3, 3]))}
    names = list(leaves)
    values = list(leaves.values())
    plan, lines = [], []
    for step in range(int(rng.integers(1, 11))):
        kind = pick(rng, KINDS)
        i, j = operand(rng, len(names)), operand(rng, len(names))
        c = pick(rng, {"**int": INT_POWERS, "**float": FLOAT_POWERS}.get(kind, CONSTANTS))
        result = None
        if safe(kind, values[i], values[j], c):
            with torch.no_grad():
                t = apply(
                    kind, *(torch.tensor(v, dtype=torch.float64) for v in (values[i], values[j])), c
                )
            result = float(t)
        if result is None or not math.isfinite(result) or abs(result) > 1e3:
            kind = "tanh"  # always defined and bounded
            result = math.tanh(values[i])
        plan.append((kind, i, j, c))
        lines.append(f"n{step + 1} = {describe(kind, names[i], names[j], c)}")
        names.append(f"n{step + 1}")
        values.append(result)
    lines[-1] = "f" + lines[-1][len(f"n{len(plan)}") :]
    return "; ".join(lines), plan, leaves


@with_learner_objects
def planned_graph(plan, **leaves):
    nodes = list(leaves.values())
    for kind, i, j, c in plan:
        nodes.append(apply(kind, nodes[i], nodes[j], c))
    return nodes[-1]


def run_plan(plan):
    return functools.partial(planned_graph, plan)


# One failure is reported, the first one found, and the graphs go smallest first: the
# single-operation tests above already point at the smallest failing case.
def test_random_graphs():
    rng = np.random.default_rng(50)
    graphs = sorted((random_graph(rng) for _ in range(RANDOM_GRAPHS)), key=lambda g: len(g[1]))
    for listing, plan, leaves in graphs:
        check_graph(
            listing,
            run_plan(plan),
            leaves,
            "if every test_operation passes, look at backward(): each node exactly once, in "
            "reverse topological order, each share added with +=",
            # up to ten operations chained, each computed in a correct but possibly different
            # order from torch's: allow 1e-8 relative, still far from any wrong derivative
            rtol=1e-8,
            atol=1e-8,
        )


RESIDUAL_KINDS = ["tanh", "sigmoid", "*x", "/x", "log", "sqrt", "relu", "neg", "-x"]


def residual_step(kind, v, x):
    """v * 0.999 + 0.001 * g(v, x): a deep chain step whose gradient neither dies nor explodes."""
    g = {
        "tanh": lambda: v.tanh(), "sigmoid": lambda: v.sigmoid(), "*x": lambda: v * x,
        "/x": lambda: x / (v * v + 1.0), "log": lambda: (v * v + 1.0).log(),
        "sqrt": lambda: (v * v + 1.0) ** 0.5, "relu": lambda: (v + 0.5).relu(),
        "neg": lambda: -v, "-x": lambda: v - x,
    }[kind]()  # fmt: skip
    return v * 0.999 + 0.001 * g  # 2 more nodes in series on the way from f to x0


# Two chains of 500 to 550 steps, each cycling through a motif of one to four kinds of step.
# (The recursion check is test_a_chain_of_thousands_of_nodes_does_not_hit_the_recursion_limit.)
def random_deep_chains(count=2, seed=51):
    rng = np.random.default_rng(seed)
    for _ in range(count):
        motif = [pick(rng, RESIDUAL_KINDS) for _ in range(int(rng.integers(1, 5)))]
        yield motif, int(rng.integers(500, 551)), leaf_value(rng), leaf_value(rng)


@with_learner_objects
def residual_chain(x0, x1, *, motif, steps):
    v = x0
    for k in range(steps):
        v = residual_step(motif[k % len(motif)], v, x1)
    return v


@pytest.mark.parametrize("chain", range(2))
def test_random_deep_chains(chain):
    motif, steps, x0, x1 = list(random_deep_chains())[chain]
    build = functools.partial(residual_chain, motif=motif, steps=steps)
    check_deep_chain(
        f"v = x0; repeat {steps} times, cycling through {motif}: "
        "v = v * 0.999 + 0.001 * g(v, x1); f = v",
        build,
        {"x0": x0, "x1": x1},
        "x1 is used in many of the steps: its .grad sums their shares (+=), and every node "
        "must run once, in reverse topological order",
        # a thousand steps of float64 rounding, in a different order from torch's
        rtol=1e-9,
        atol=1e-9,
    )
