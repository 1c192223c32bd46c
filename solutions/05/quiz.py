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
        "a.grad = d(f)/d(a): the sensitivity of the OUTPUT f to this node, summed over every "
        "path from a to f. Nudge a.data up by a small h and f moves by about -2 * h. That is "
        "why an optimizer can use it: w.grad tells how the loss would move if w moved. The "
        "local derivative of one operation is only one factor of each path's product."
    ),
    "WHY_SHARES_ADD": (
        "Each use of x moves f by its own share times the nudge, and to first order those moves "
        "add up: torch's shares are {share1:g}, {share2:g} and {share3:g}, their sum {slope:g} "
        "is the slope of x**3 at 2, and (2.001**3 - 2**3) / 0.001 = {measured:.4f}. That is the "
        "multivariable chain rule: if x feeds f along two paths, f = F(g(x), h(x)) and "
        "df/dx = dF/dg * g'(x) + dF/dh * h'(x), one term per path, summed. In code: every "
        "_backward does .grad +=, never .grad =."
    ),
    "WHY_REVERSE_ORDER": (
        "A _backward reads node.grad once and passes it on to node's inputs. y is used by z and "
        "by f: run y._backward() before z's and y.grad holds only f's share, {early:g}, so "
        "x.grad ends at {wrong:g}; z's share, {lost:g}, reaches y.grad too late to reach x. In "
        "the reverse topological order y.grad is complete ({full:g}) when it is passed on, and "
        "x.grad = {right:g}, as torch says. A topological order puts every node after its "
        "inputs, so reversed, every node comes after all the nodes that use it, the output first."
    ),
    "DL_DW": (
        "dL/dw = dL/dz * dz/dw = 2z * x = 2 * {z:g} * 2.0 = {answer:g}. The notes' "
        "d(wx+b)/dx = w belongs to dL/dx, the gradient passed on to the layer's INPUT "
        "(2z * w = {dl_dx:g}). The chain rule for a weight goes through the derivative with "
        "respect to that weight, dz/dw = x."
    ),
}
