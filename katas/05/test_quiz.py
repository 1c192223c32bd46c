"""Checks kata 05's quiz (katas/05/quiz.py) without giving the answers away.

Choice answers are compared through a salted hash; numbers are computed by torch right here.
A right answer prints its explanation: run `pytest katas/05/test_quiz.py -rP` to read them.
"""

import torch

from harness import Quiz

quiz = Quiz(__file__)


# --- Q1: a value used twice -----------------------------------------------------------------

X_GRAD_EXPLANATION = (
    "z = x*x + x. The multiplication uses x twice, and each use sends its share: "
    "d(x*x)/dx = x + x = 6 (the other factor, once per side). The addition sends 1 more. "
    "They add up to 7 = 2x + 1, the derivative of x**2 + x at 3."
)


def test_q1_x_grad():
    x = torch.tensor(3.0, dtype=torch.float64, requires_grad=True)
    y = x * x
    z = y + x
    z.backward()
    quiz.check_number(
        "X_GRAD",
        x.grad.item(),
        "x reaches z three times: twice through y = x * x and once directly. Add the "
        "three shares (the multiplication gives each side the OTHER factor)",
        X_GRAD_EXPLANATION,
        # a hand-typed answer: 3 significant digits are enough to show it was understood
        rtol=1e-3,
        atol=1e-3,
    )


# --- Q2: what .grad holds -------------------------------------------------------------------

GRAD_MEANS_HASH = "5984ecaf66b292f0b0b6cd001568e039ae27d4ab4c76d024c4c5c61dc7964740"
GRAD_MEANS_EXPLANATION = (
    "node.grad = d(f)/d(node): the sensitivity of the OUTPUT to this node, summed over every "
    "path from the node to f. That is why an optimizer can use it: w.grad tells how the loss "
    "would move if w moved. The local derivative (a) is only one factor of it; (b) is the "
    "derivative the wrong way round; and backward() never changes .data (d)."
)


def test_q2_what_grad_holds():
    quiz.check_choice(
        "GRAD_MEANS",
        GRAD_MEANS_HASH,
        "backward() starts from f.grad = 1 = d(f)/d(f) and moves towards the leaves: what is "
        "the numerator, and what the denominator, at every node?",
        GRAD_MEANS_EXPLANATION,
    )


# --- Q3: why shares add ---------------------------------------------------------------------

WHY_SHARES_ADD_HASH = "c7278b15459753422083f4a2d7f161b72f54291a79e4d885629b62609df1d2c1"
WHY_SHARES_ADD_EXPLANATION = (
    "If x feeds f along two paths, then f = F(g(x), h(x)) and the multivariable chain rule "
    "gives df/dx = dF/dg * g'(x) + dF/dh * h'(x): one term per path, summed. It is not a "
    "convention (b): keep only one share and Q1 gives 6 or 1 instead of the true slope 7 of "
    "x**2 + x at 3. It holds for every operation (c), and has nothing to do with vanishing "
    "gradients (d). In code: every _backward does .grad +=, never .grad =."
)


def test_q3_why_shares_add():
    quiz.check_choice(
        "WHY_SHARES_ADD",
        WHY_SHARES_ADD_HASH,
        "nudge x in Q1 by a tiny e: how much does each use of x move z, and what happens to "
        "the total?",
        WHY_SHARES_ADD_EXPLANATION,
    )


# --- Q4: why reverse topological order -----------------------------------------------------

WHY_REVERSE_ORDER_HASH = "e0de00e040c7828e0dd7314415eb60423a33d0217a497d56c8ef16bb9e4fe765"
WHY_REVERSE_ORDER_EXPLANATION = (
    "A _backward reads node.grad once and passes it on. If it runs before every user of "
    "node has added its share, the missing shares never reach the leaves: the order matters "
    "for correctness, not only for speed (b). A topological order puts every node after its "
    "inputs, so reversed, every node comes after all the nodes that use it, the output first. "
    "Leaves (a) have nothing to pass on; their _backward does nothing."
)


def test_q4_why_reverse_topological_order():
    quiz.check_choice(
        "WHY_REVERSE_ORDER",
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
    w = torch.tensor(0.5, dtype=torch.float64, requires_grad=True)
    x = torch.tensor(2.0, dtype=torch.float64, requires_grad=True)
    b = torch.tensor(0.1, dtype=torch.float64, requires_grad=True)
    loss = (w * x + b) ** 2
    loss.backward()
    quiz.check_number(
        "DL_DW",
        w.grad.item(),
        "dL/dw = dL/dz * dz/dw, and dz/dw for z = w * x + b is not the notes' dz/dx",
        DL_DW_EXPLANATION,
        # a hand-typed answer: 3 significant digits are enough to show it was understood
        rtol=1e-3,
        atol=1e-3,
    )
