"""backward() calls _backward in topological order (leaves first) instead of in reverse."""

TARGET = "autograd.py"
CAUGHT_BY = "reverse topological order"


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
