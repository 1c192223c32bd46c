"""The topological order built with a recursive function, as in micrograd: fine for small
graphs, a RecursionError on a chain deeper than about a thousand nodes."""

TARGET = "autograd.py"
CAUGHT_BY = "recursion limit"
SANDBOX = "Value objects live in the learner's process and are reached through handles"


def _backward_recursive(self):
    order, visited = [], set()

    def build(node):
        if node not in visited:
            visited.add(node)
            for child in node._prev:
                build(child)
            order.append(node)

    build(self)
    self.grad = 1.0
    for node in reversed(order):
        node._backward()


Value.backward = _backward_recursive
