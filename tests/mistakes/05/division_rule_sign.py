"""Division's derivative for the denominator written x / y**2, without the minus sign."""

TARGET = "autograd.py"
CAUGHT_BY = "-x / y**2"


def _truediv(self, other):
    other = other if isinstance(other, Value) else Value(other)
    out = Value(self.data / other.data, (self, other), "/")

    def div_backward():
        self.grad += out.grad / other.data
        other.grad += self.data / other.data**2 * out.grad

    out._backward = div_backward
    return out


Value.__truediv__ = _truediv
