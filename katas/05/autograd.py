"""Kata 05: a scalar autograd engine, the computation graph and backward(), on one page.

Every arithmetic operation on a Value builds a new Value, `out`, that remembers its inputs
(its children in the graph, in out._prev) and a small function, out._backward, that pushes
out's gradient down to those inputs with the chain rule. backward() runs those functions,
every node's once, in the right order.

The bookkeeping is done for you: the constructor, the forward value of every operation and
the plumbing that lets a plain float stand on either side (2.0 * x, 1 - x, ...).
Your part, marked `raise NotImplementedError`:

1. Each operation's `..._backward` closure. Inside it, `out.grad` already holds
   d(final)/d(out); add this operation's share to each input's .grad:

       input.grad += (d out / d input) * out.grad          # the chain rule

   `+=`, never `=`: a Value used several times receives one share per use.
2. `backward()`: put the graph in topological order WITHOUT recursion, seed
   self.grad = 1, then call every node's _backward from the output back to the leaves.

Run `pytest katas/05` to check against torch.
"""

import math


class Value:
    """One scalar in a computation graph: its value (.data) and d(output)/d(this) (.grad)."""

    def __init__(self, data, _children=(), _op=""):
        self.data = float(data)
        self.grad = 0.0  # d(output)/d(self); filled in by output.backward()
        self._backward = lambda: None  # a leaf has nothing to pass its gradient on to
        self._prev = tuple(_children)  # the Values this one was computed from
        self._op = _op  # for printing and debugging only

    def __repr__(self):
        return f"Value(data={self.data}, grad={self.grad})"

    # --- operations: the forward value is given; write the local derivative -----------------

    def __add__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data + other.data, (self, other), "+")

        def add_backward():
            # out = a + b:  d out/d a = 1,  d out/d b = 1
            raise NotImplementedError

        out._backward = add_backward
        return out

    def __sub__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data - other.data, (self, other), "-")

        def sub_backward():
            # out = a - b:  d out/d a = ?,  d out/d b = ?  (mind the sign)
            raise NotImplementedError

        out._backward = sub_backward
        return out

    def __mul__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data * other.data, (self, other), "*")

        def mul_backward():
            # out = a * b:  d out/d a = b,  d out/d b = a
            raise NotImplementedError

        out._backward = mul_backward
        return out

    def __truediv__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data / other.data, (self, other), "/")

        def div_backward():
            # out = a / b:  d out/d a = 1/b,  d out/d b = ?  (the quotient rule, or a * b**-1)
            raise NotImplementedError

        out._backward = div_backward
        return out

    def __neg__(self):
        out = Value(-self.data, (self,), "neg")

        def neg_backward():
            # out = -a
            raise NotImplementedError

        out._backward = neg_backward
        return out

    def __pow__(self, n):
        assert isinstance(n, (int, float)), "only int or float exponents"
        out = Value(self.data**n, (self,), f"**{n}")

        def pow_backward():
            # out = a**n for a plain number n: 2, -1, 0.5, 2.5 ...
            # d out/d a = n * a**(n - 1), with n exactly as given (2.5 stays 2.5)
            raise NotImplementedError

        out._backward = pow_backward
        return out

    def tanh(self):
        out = Value(math.tanh(self.data), (self,), "tanh")

        def tanh_backward():
            # out = tanh(a):  d out/d a = 1 - tanh(a)**2, and tanh(a) is already computed
            raise NotImplementedError

        out._backward = tanh_backward
        return out

    def relu(self):
        out = Value(self.data if self.data > 0 else 0.0, (self,), "relu")

        def relu_backward():
            # out = max(a, 0):  d out/d a = 1 where a > 0, else 0
            raise NotImplementedError

        out._backward = relu_backward
        return out

    def sigmoid(self):
        if self.data >= 0:  # two forms, so that exp never overflows
            s = 1.0 / (1.0 + math.exp(-self.data))
        else:
            e = math.exp(self.data)
            s = e / (1.0 + e)
        out = Value(s, (self,), "sigmoid")

        def sigmoid_backward():
            # out = s = sigmoid(a):  d out/d a = s * (1 - s)
            raise NotImplementedError

        out._backward = sigmoid_backward
        return out

    def exp(self):
        out = Value(math.exp(self.data), (self,), "exp")

        def exp_backward():
            # out = e**a:  d out/d a = e**a
            raise NotImplementedError

        out._backward = exp_backward
        return out

    def log(self):
        out = Value(math.log(self.data), (self,), "log")

        def log_backward():
            # out = ln(a), for a > 0:  d out/d a = ?
            raise NotImplementedError

        out._backward = log_backward
        return out

    # --- plumbing: a plain float on the left-hand side (given) ------------------------------

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
        """Fill in every node's .grad with d(self)/d(node).

        1. Topological order: a list of every node reachable from self (follow ._prev), each
           node once, where every node comes AFTER all the nodes it was computed from.
           No recursion: a chain of thousands of nodes must not hit Python's recursion limit
           (about 1000 frames). Use a list as an explicit stack.
        2. Seed: d(self)/d(self) = 1.
        3. Walk that order in REVERSE (the output first) and call each node's _backward():
           by the time a node passes its gradient on, every node that uses it has already
           added its share to node.grad.
        """
        raise NotImplementedError
