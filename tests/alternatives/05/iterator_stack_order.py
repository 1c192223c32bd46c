"""The topological order from an explicit stack of (node, iterator over its children), and
_prev kept as a set, as in micrograd."""

TARGET = "autograd.py"
SANDBOX = "Value objects live in the learner's process and are reached through handles"

_original_init = Value.__init__


def _init(self, data, _children=(), _op=""):
    _original_init(self, data, _children, _op)
    self._prev = set(_children)


def _backward_iterators(self):
    order, visited = [], {self}
    stack = [(self, iter(self._prev))]
    while stack:
        node, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            order.append(node)
        elif child not in visited:
            visited.add(child)
            stack.append((child, iter(child._prev)))
    self.grad = 1
    for node in order[::-1]:
        node._backward()


Value.__init__ = _init
Value.backward = _backward_iterators
