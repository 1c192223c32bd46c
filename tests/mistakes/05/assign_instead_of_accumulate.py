"""Every _backward assigns its share (grad = ...) instead of adding it (grad += ...)."""

TARGET = "autograd.py"
CAUGHT_BY = "never overwrite it with ="
SANDBOX = "Value objects live in the learner's process and are reached through handles"


def _add(self, other):
    other = other if isinstance(other, Value) else Value(other)
    out = Value(self.data + other.data, (self, other), "+")

    def add_backward():
        self.grad = out.grad
        other.grad = out.grad

    out._backward = add_backward
    return out


def _sub(self, other):
    other = other if isinstance(other, Value) else Value(other)
    out = Value(self.data - other.data, (self, other), "-")

    def sub_backward():
        self.grad = out.grad
        other.grad = -out.grad

    out._backward = sub_backward
    return out


def _mul(self, other):
    other = other if isinstance(other, Value) else Value(other)
    out = Value(self.data * other.data, (self, other), "*")

    def mul_backward():
        self.grad = other.data * out.grad
        other.grad = self.data * out.grad

    out._backward = mul_backward
    return out


Value.__add__ = _add
Value.__sub__ = _sub
Value.__mul__ = _mul
