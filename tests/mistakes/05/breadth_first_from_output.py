"""backward() walks the graph breadth-first from the output instead of in reverse topological
order, so a node reached early by a short path passes its gradient on before the long path
has added its share. The deep-chain test must say that the order is wrong (each node's
closures are right), not that a visited set is missing."""

TARGET = "autograd.py"
CAUGHT_BY = (
    "reverse topological order",
    "g(v, x1); f = v, calling each node's own _backward once",
)

from collections import deque


def _backward_breadth_first(self):
    self.grad = 1.0
    queue, seen = deque([self]), {id(self)}
    while queue:
        node = queue.popleft()
        node._backward()
        for child in node._prev:
            if id(child) not in seen:
                seen.add(id(child))
                queue.append(child)


Value.backward = _backward_breadth_first
