"""Quiz 05: the computation graph and the chain rule (reference answers).

Each right answer prints its explanation, a template whose {fields} the test fills with the
facts torch computes. After editing one, run `python -m harness.quiz seal 05`.
"""

X_GRAD = 7  # x.grad for z = x * x + x at x = 3: the shares 3, 3 and 1
GRAD_MEANS = "c"
WHY_SHARES_ADD = "a"
WHY_REVERSE_ORDER = "d"
DL_DW = 2 * (0.5 * 2.0 + 0.1) * 2.0  # dL/dz * dz/dw = 2z * x

EXPLANATIONS = {
    "X_GRAD": (
        "z = x*x + x. The multiplication uses x twice, and each use receives the OTHER factor: "
        "shares {mul_left:g} and {mul_right:g}. The addition sends {add:g} more. They add up to "
        "{answer:g} = 2x + 1, the derivative of x**2 + x at 3."
    ),
    "GRAD_MEANS": (
        "node.grad = d(f)/d(node): the sensitivity of the OUTPUT f to this node, summed over "
        "every path from the node to f. That is why an optimizer can use it: w.grad tells how "
        "the loss would move if w moved. The local derivative of one operation is only one "
        "factor of each path's product."
    ),
    "WHY_SHARES_ADD": (
        "If x feeds f along two paths, then f = F(g(x), h(x)) and the multivariable chain rule "
        "gives df/dx = dF/dg * g'(x) + dF/dh * h'(x): one term per path, summed. In Q1 the "
        "three uses of x send the shares {mul_left:g}, {mul_right:g} and {add:g}; only their sum, "
        "{slope:g}, is the slope of x**2 + x at 3. In code: every _backward does .grad +=, "
        "never .grad =."
    ),
    "WHY_REVERSE_ORDER": (
        "A _backward reads node.grad once and passes it on to node's inputs. If it ran before "
        "every user of node had added its share, the missing shares would never reach the "
        "leaves: the order is what makes the gradients right. A topological order puts every "
        "node after its inputs, so reversed, every node comes after all the nodes that use it, "
        "the output first."
    ),
    "DL_DW": (
        "dL/dw = dL/dz * dz/dw = 2z * x = 2 * {z:g} * 2.0 = {answer:g}. The notes' "
        "d(wx+b)/dx = w belongs to dL/dx, the gradient passed on to the layer's INPUT "
        "(2z * w = {dl_dx:g}). The chain rule for a weight goes through the derivative with "
        "respect to that weight, dz/dw = x."
    ),
}
