"""backward() in Kahn's order: count each node's users, and run a node once all have run."""

TARGET = "autograd.py"
SANDBOX = "Value objects live in the learner's process and are reached through handles"

from collections import deque


def _backward_kahn(self):
    users, seen, stack = {}, {id(self)}, [self]
    while stack:
        node = stack.pop()
        for child in node._prev:
            users[id(child)] = users.get(id(child), 0) + 1
            if id(child) not in seen:
                seen.add(id(child))
                stack.append(child)
    self.grad = 1
    ready = deque([self])
    while ready:
        node = ready.popleft()
        node._backward()
        for child in node._prev:
            users[id(child)] -= 1
            if users[id(child)] == 0:
                ready.append(child)


Value.backward = _backward_kahn
