"""Checks kata 05's quiz (katas/05/quiz.py) without giving the answers away.

Choice answers are compared through a salted hash; numbers are computed by torch right here.
A right answer prints its explanation: run `pytest katas/05/test_quiz.py -rP` to read them.
"""

import hashlib

import torch

from harness import check_close, check_true, fail, learner_module

quiz = learner_module(__file__, "quiz")

SALT = "kata05-graph:"


def _answer(name: str, question: str):
    """The learner's answer to ``name``, failing with a pointer to the question if it is unset."""
    __tracebackhide__ = True
    value = getattr(quiz, name)
    if value is None or (isinstance(value, str) and not value.strip()):
        fail(f"{question}: {name} is not answered yet: replace None in katas/05/quiz.py")
    return value


def _number(name: str, question: str) -> float:
    __tracebackhide__ = True
    value = _answer(name, question)
    check_true(
        isinstance(value, (int, float)) and not isinstance(value, bool),
        f"{question}: {name} = {value!r}: answer with a number",
    )
    return float(value)


def _check_choice(name: str, question: str, digest: str, hint: str, explanation: str) -> None:
    __tracebackhide__ = True
    value = _answer(name, question)
    check_true(
        isinstance(value, str) and len(value.strip()) == 1,
        f'{question}: {name} = {value!r}: answer with one letter as a string, e.g. "b"',
    )
    got = hashlib.sha256((SALT + value.strip().lower()).encode()).hexdigest()
    check_true(got == digest, f"{question}: {name} = {value!r} is not right yet.", hint)
    print(f"{name}: right. {explanation}")


# --- Q1: a value used twice -----------------------------------------------------------------

X_GRAD_EXPLANATION = (
    "z = x*x + x. The multiplication uses x twice, and each use sends its share: "
    "d(x*x)/dx = x + x = 6 (the other factor, once per side). The addition sends 1 more. "
    "They add up to 7 = 2x + 1, the derivative of x**2 + x at 3."
)


def test_q1_x_grad():
    value = _number("X_GRAD", "Q1")
    x = torch.tensor(3.0, dtype=torch.float64, requires_grad=True)
    y = x * x
    z = y + x
    z.backward()
    check_close(
        "Q1 X_GRAD",
        {"x": 3.0},
        float(x.grad),
        value,
        hint="x reaches z three times: twice through y = x * x and once directly. Add the "
        "three shares (the multiplication gives each side the OTHER factor)",
        # a hand-typed answer: 3 significant digits are enough to show it was understood
        rtol=1e-3,
        atol=1e-3,
    )
    print(f"X_GRAD: right. {X_GRAD_EXPLANATION}")


# --- Q2: what .grad holds -------------------------------------------------------------------

GRAD_MEANS_HASH = "64b1bf94880c3f4050949b3c43561a2aa7bd0d752dd7e673baf046ea613e3190"
GRAD_MEANS_EXPLANATION = (
    "c. node.grad = d(f)/d(node): the sensitivity of the OUTPUT to this node, summed over every "
    "path from the node to f. That is why an optimizer can use it: w.grad tells how the loss "
    "would move if w moved. The local derivative (a) is only one factor of it; (b) is the "
    "derivative the wrong way round; and backward() never changes .data (d)."
)


def test_q2_what_grad_holds():
    _check_choice(
        "GRAD_MEANS",
        "Q2",
        GRAD_MEANS_HASH,
        "backward() starts from f.grad = 1 = d(f)/d(f) and moves towards the leaves: what is "
        "the numerator, and what the denominator, at every node?",
        GRAD_MEANS_EXPLANATION,
    )


# --- Q3: why shares add ---------------------------------------------------------------------

WHY_SHARES_ADD_HASH = "c3d4ddeee683318e5d22bda5e2058116b292237acd7b5998d104ee8aaa43a36a"
WHY_SHARES_ADD_EXPLANATION = (
    "a. If x feeds f along two paths, then f = F(g(x), h(x)) and the multivariable chain rule "
    "gives df/dx = dF/dg * g'(x) + dF/dh * h'(x): one term per path, summed. It is not a "
    "convention (b): keep only one share and Q1 gives 6 or 1 instead of the true slope 7 of "
    "x**2 + x at 3. It holds for every operation (c), and has nothing to do with vanishing "
    "gradients (d). In code: every _backward does .grad +=, never .grad =."
)


def test_q3_why_shares_add():
    _check_choice(
        "WHY_SHARES_ADD",
        "Q3",
        WHY_SHARES_ADD_HASH,
        "nudge x in Q1 by a tiny e: how much does each use of x move z, and what happens to "
        "the total?",
        WHY_SHARES_ADD_EXPLANATION,
    )


# --- Q4: why reverse topological order -----------------------------------------------------

WHY_REVERSE_ORDER_HASH = "bdaabbdf5fd164cfb58bcf2f00c389999141350007e4f9ff474694456a3eb2c9"
WHY_REVERSE_ORDER_EXPLANATION = (
    "d. A _backward reads node.grad once and passes it on. If it runs before every user of "
    "node has added its share, the missing shares never reach the leaves: the order matters "
    "for correctness, not only for speed (b). A topological order puts every node after its "
    "inputs, so reversed, every node comes after all the nodes that use it, the output first. "
    "Leaves (a) have nothing to pass on; their _backward does nothing."
)


def test_q4_why_reverse_topological_order():
    _check_choice(
        "WHY_REVERSE_ORDER",
        "Q4",
        WHY_REVERSE_ORDER_HASH,
        "what does node._backward() read, and who writes it?",
        WHY_REVERSE_ORDER_EXPLANATION,
    )


# --- Q5: the chain rule for a weight (correcting the notes) --------------------------------

DL_DW_EXPLANATION = (
    "dL/dw = dL/dz * dz/dw = 2z * x = 2 * 1.1 * 2.0 = 4.4. The notes' d(wx+b)/dx = w belongs to "
    "dL/dx, the gradient passed on to the layer's INPUT (2z * w = 1.1). The chain rule for a "
    "weight goes through the derivative with respect to that weight, dz/dw = x."
)


def test_q5_dl_dw():
    value = _number("DL_DW", "Q5")
    w = torch.tensor(0.5, dtype=torch.float64, requires_grad=True)
    x = torch.tensor(2.0, dtype=torch.float64, requires_grad=True)
    b = torch.tensor(0.1, dtype=torch.float64, requires_grad=True)
    loss = (w * x + b) ** 2
    loss.backward()
    check_close(
        "Q5 DL_DW",
        {"w": 0.5, "x": 2.0, "b": 0.1},
        float(w.grad),
        value,
        hint="dL/dw = dL/dz * dz/dw, and dz/dw for z = w * x + b is not the notes' dz/dx",
        # a hand-typed answer: 3 significant digits are enough to show it was understood
        rtol=1e-3,
        atol=1e-3,
    )
    print(f"DL_DW: right. {DL_DW_EXPLANATION}")
