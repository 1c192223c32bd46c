"""relu's backward checks the sign of the incoming gradient instead of the sign of its input."""

TARGET = "autograd.py"
CAUGHT_BY = "where the input x > 0"


def _relu(self):
    out = Value(max(self.data, 0.0), (self,), "relu")

    def relu_backward():
        self.grad += out.grad if out.grad > 0 else 0.0

    out._backward = relu_backward
    return out


Value.relu = _relu
