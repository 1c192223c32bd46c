"""The power rule written as n * x**n: the exponent does not drop by one."""

TARGET = "autograd.py"
CAUGHT_BY = "n * x ** (n - 1)"


def _pow(self, n):
    out = Value(self.data**n, (self,), f"**{n}")

    def pow_backward():
        self.grad += n * self.data**n * out.grad

    out._backward = pow_backward
    return out


Value.__pow__ = _pow
