"""sigmoid's derivative written x * (1 - x) with the input, instead of s * (1 - s)."""

TARGET = "autograd.py"
CAUGHT_BY = "s * (1 - s)"


def _sigmoid(self):
    out = Value(1 / (1 + math.exp(-self.data)), (self,), "sigmoid")

    def sigmoid_backward():
        self.grad += self.data * (1 - self.data) * out.grad

    out._backward = sigmoid_backward
    return out


Value.sigmoid = _sigmoid
