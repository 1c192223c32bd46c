"""Division differentiated like multiplication: each input gets the other input's value."""

TARGET = "autograd.py"
CAUGHT_BY = "1 / y"


def _truediv(self, other):
    other = other if isinstance(other, Value) else Value(other)
    out = Value(self.data / other.data, (self, other), "/")

    def div_backward():
        self.grad += other.data * out.grad
        other.grad += self.data * out.grad

    out._backward = div_backward
    return out


Value.__truediv__ = _truediv
