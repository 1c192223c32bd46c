"""The topological order has no visited set: a node shared by several users enters the order
once per path, and its _backward runs (and passes its gradient on) that many times."""

TARGET = "autograd.py"
CAUGHT_BY = "exactly once"
SANDBOX = "Value objects live in the learner's process and are reached through handles"


def _backward_without_visited(self):
    order = []
    stack = [(self, False)]
    while stack:
        node, children_done = stack.pop()
        if children_done:
            order.append(node)
        else:
            stack.append((node, True))
            stack.extend((child, False) for child in node._prev)
    self.grad = 1.0
    for node in reversed(order):
        node._backward()


Value.backward = _backward_without_visited
