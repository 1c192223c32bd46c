"""relu's backward lets the gradient through at exactly x = 0 (x >= 0 instead of x > 0), where
torch blocks it."""

TARGET = "autograd.py"
CAUGHT_BY = "at exactly x = 0 torch blocks it"


def _relu(self):
    out = Value(self.data if self.data > 0 else 0.0, (self,), "relu")

    def relu_backward():
        self.grad += (1.0 if self.data >= 0 else 0.0) * out.grad

    out._backward = relu_backward
    return out


Value.relu = _relu
