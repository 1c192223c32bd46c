"""tanh's derivative written as 1 - x**2 with the input x, instead of 1 - t**2 with the output."""

TARGET = "autograd.py"
CAUGHT_BY = "1 - t**2"


def _tanh(self):
    out = Value(math.tanh(self.data), (self,), "tanh")

    def tanh_backward():
        self.grad += (1 - self.data**2) * out.grad

    out._backward = tanh_backward
    return out


Value.tanh = _tanh
