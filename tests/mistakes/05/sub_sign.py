"""Subtraction passes +out.grad to its second input instead of -out.grad."""

TARGET = "autograd.py"
CAUGHT_BY = "MINUS out.grad"


def _sub(self, other):
    other = other if isinstance(other, Value) else Value(other)
    out = Value(self.data - other.data, (self, other), "-")

    def sub_backward():
        self.grad += out.grad
        other.grad += out.grad

    out._backward = sub_backward
    return out


Value.__sub__ = _sub
