"""backward() runs each node's _backward as soon as a depth-first walk reaches it (preorder),
not after every node that uses it."""

TARGET = "autograd.py"
CAUGHT_BY = "reverse topological order"


def _backward_preorder(self):
    self.grad = 1.0
    stack, seen = [self], set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        node._backward()
        stack.extend(node._prev)


Value.backward = _backward_preorder
