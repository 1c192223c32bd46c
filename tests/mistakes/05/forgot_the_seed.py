"""backward() never sets self.grad = 1, so every gradient stays 0."""

TARGET = "autograd.py"
CAUGHT_BY = "self.grad = 1"
SANDBOX = "Value objects live in the learner's process and are reached through handles"


def _backward_without_seed(self):
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
    for node in reversed(order):
        node._backward()


Value.backward = _backward_without_seed
