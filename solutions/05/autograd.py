"""A scalar autograd engine: the computation graph and backward(), on one page.

Every arithmetic operation on a Value builds a new Value that remembers its inputs (its
children in the graph) and a small function, _backward, that pushes the output's gradient
to those inputs with the chain rule. backward() runs those functions in the right order.
"""

import math


class Value:
    """One scalar in a computation graph: its value (.data) and d(output)/d(this) (.grad)."""

    def __init__(self, data, _children=(), _op=""):
        self.data = float(data)
        self.grad = 0.0
        self._backward = lambda: None  # a leaf has nothing to pass its gradient on to
        self._prev = tuple(_children)
        self._op = _op

    def __repr__(self):
        return f"Value(data={self.data}, grad={self.grad})"

    # --- operations: forward value, and the local derivative in _backward ------------------

    def __add__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data + other.data, (self, other), "+")

        def add_backward():
            self.grad += 1.0 * out.grad
            other.grad += 1.0 * out.grad

        out._backward = add_backward
        return out

    def __sub__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data - other.data, (self, other), "-")

        def sub_backward():
            self.grad += 1.0 * out.grad
            other.grad += -1.0 * out.grad

        out._backward = sub_backward
        return out

    def __mul__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data * other.data, (self, other), "*")

        def mul_backward():
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad

        out._backward = mul_backward
        return out

    def __truediv__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data / other.data, (self, other), "/")

        def div_backward():
            self.grad += (1.0 / other.data) * out.grad
            other.grad += (-self.data / other.data**2) * out.grad

        out._backward = div_backward
        return out

    def __neg__(self):
        out = Value(-self.data, (self,), "neg")

        def neg_backward():
            self.grad += -1.0 * out.grad

        out._backward = neg_backward
        return out

    def __pow__(self, n):
        assert isinstance(n, (int, float)), "only int or float exponents"
        out = Value(self.data**n, (self,), f"**{n}")

        def pow_backward():
            self.grad += n * self.data ** (n - 1) * out.grad

        out._backward = pow_backward
        return out

    def tanh(self):
        out = Value(math.tanh(self.data), (self,), "tanh")

        def tanh_backward():
            self.grad += (1.0 - out.data**2) * out.grad

        out._backward = tanh_backward
        return out

    def relu(self):
        out = Value(self.data if self.data > 0 else 0.0, (self,), "relu")

        def relu_backward():
            self.grad += (1.0 if self.data > 0 else 0.0) * out.grad

        out._backward = relu_backward
        return out

    def sigmoid(self):
        if self.data >= 0:
            s = 1.0 / (1.0 + math.exp(-self.data))
        else:
            e = math.exp(self.data)
            s = e / (1.0 + e)
        out = Value(s, (self,), "sigmoid")

        def sigmoid_backward():
            self.grad += out.data * (1.0 - out.data) * out.grad

        out._backward = sigmoid_backward
        return out

    def exp(self):
        out = Value(math.exp(self.data), (self,), "exp")

        def exp_backward():
            self.grad += out.data * out.grad

        out._backward = exp_backward
        return out

    def log(self):
        out = Value(math.log(self.data), (self,), "log")

        def log_backward():
            self.grad += (1.0 / self.data) * out.grad

        out._backward = log_backward
        return out

    # --- plumbing: a plain float on the left-hand side --------------------------------------

    def __radd__(self, other):  # other + self
        return Value(other) + self

    def __rsub__(self, other):  # other - self
        return Value(other) - self

    def __rmul__(self, other):  # other * self
        return Value(other) * self

    def __rtruediv__(self, other):  # other / self
        return Value(other) / self

    # --- backward: the chain rule over the whole graph --------------------------------------

    def backward(self):
        # Topological order, built without recursion (a chain of 10,000 nodes is fine): a node
        # is appended only after all of its children, so reversed, every node comes before the
        # nodes it was built from, i.e. after every node that uses it.
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

        self.grad = 1.0  # d(self)/d(self)
        for node in reversed(order):
            node._backward()
