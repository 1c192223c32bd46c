"""Local derivatives written from the input instead of the output: tanh' = 1/cosh(x)**2,
sigmoid' = e**-x / (1 + e**-x)**2, exp' recomputed as e**x, relu' tested on out.data."""

TARGET = "autograd.py"


def _tanh(self):
    out = Value(math.tanh(self.data), (self,), "tanh")

    def tanh_backward():
        self.grad += out.grad / math.cosh(self.data) ** 2

    out._backward = tanh_backward
    return out


def _sigmoid(self):
    out = Value(1 / (1 + math.exp(-self.data)), (self,), "sigmoid")

    def sigmoid_backward():
        e = math.exp(-self.data)
        self.grad += e / (1 + e) ** 2 * out.grad

    out._backward = sigmoid_backward
    return out


def _exp(self):
    out = Value(math.exp(self.data), (self,), "exp")

    def exp_backward():
        self.grad += math.exp(self.data) * out.grad

    out._backward = exp_backward
    return out


def _relu(self):
    out = Value(max(0.0, self.data), (self,), "relu")

    def relu_backward():
        self.grad += (out.data > 0) * out.grad

    out._backward = relu_backward
    return out


Value.tanh = _tanh
Value.sigmoid = _sigmoid
Value.exp = _exp
Value.relu = _relu
