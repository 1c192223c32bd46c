"""The power rule rounds the exponent to an int: 2.5 becomes 2."""

TARGET = "autograd.py"
CAUGHT_BY = "2.5 stays 2.5"


def _pow(self, n):
    out = Value(self.data**n, (self,), f"**{n}")

    def pow_backward():
        k = int(n)
        self.grad += k * self.data ** (k - 1) * out.grad

    out._backward = pow_backward
    return out


Value.__pow__ = _pow
