"""mul gives each input its OWN value times out.grad instead of the other input's."""

TARGET = "autograd.py"
CAUGHT_BY = "OTHER input"


def _mul(self, other):
    other = other if isinstance(other, Value) else Value(other)
    out = Value(self.data * other.data, (self, other), "*")

    def mul_backward():
        self.grad += self.data * out.grad
        other.grad += other.data * out.grad

    out._backward = mul_backward
    return out


Value.__mul__ = _mul
