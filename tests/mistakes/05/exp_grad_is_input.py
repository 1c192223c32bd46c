"""exp's derivative written as the input x instead of e**x."""

TARGET = "autograd.py"
CAUGHT_BY = "d e**x/dx = e**x"


def _exp(self):
    out = Value(math.exp(self.data), (self,), "exp")

    def exp_backward():
        self.grad += self.data * out.grad

    out._backward = exp_backward
    return out


Value.exp = _exp
