"""mul and tanh add only their local derivative, forgetting to multiply by out.grad: right
when the operation is the output (out.grad = 1), wrong anywhere inside a graph."""

TARGET = "autograd.py"
CAUGHT_BY = "out.grad is 1.5"


def _mul(self, other):
    other = other if isinstance(other, Value) else Value(other)
    out = Value(self.data * other.data, (self, other), "*")

    def mul_backward():
        self.grad += other.data
        other.grad += self.data

    out._backward = mul_backward
    return out


def _tanh(self):
    out = Value(math.tanh(self.data), (self,), "tanh")

    def tanh_backward():
        self.grad += 1 - out.data**2

    out._backward = tanh_backward
    return out


Value.__mul__ = _mul
Value.tanh = _tanh
