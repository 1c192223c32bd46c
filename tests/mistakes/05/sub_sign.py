"""Subtraction passes +out.grad to its second input instead of -out.grad. The report names the
value checked and the graph in plain words ("y.grad after f.backward(), where f = x - y"), not
"... at (x, y) does not match torch"."""

TARGET = "autograd.py"
CAUGHT_BY = (
    "MINUS out.grad",
    "y.grad after f.backward(), where f = x - y, does not match torch.\n  x     = 0.5",
)


def _sub(self, other):
    other = other if isinstance(other, Value) else Value(other)
    out = Value(self.data - other.data, (self, other), "-")

    def sub_backward():
        self.grad += out.grad
        other.grad += out.grad

    out._backward = sub_backward
    return out


Value.__sub__ = _sub
