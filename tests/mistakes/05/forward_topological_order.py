"""backward() calls _backward in topological order (leaves first) instead of in reverse. The
closures are all right, so every failing operation test must point at backward(), not at the
closures (no "out.grad is 1.5")."""

TARGET = "autograd.py"
CAUGHT_BY = (
    "reverse topological order",
    "where f = (x * y) * 1.5, calling each node's own _backward once",
)
SANDBOX = "Value objects live in the learner's process and their closures are called there"


def _backward_leaves_first(self):
    order, visited = [], set()
    stack = [(self, False)]
    while stack:
        node, children_done = stack.pop()
        if children_done:
            order.append(node)
        elif id(node) not in visited:
            visited.add(id(node))
            stack.append((node, True))
            stack.extend((child, False) for child in node._prev)
    self.grad = 1.0
    for node in order:  # forgot reversed(...)
        node._backward()


Value.backward = _backward_leaves_first
