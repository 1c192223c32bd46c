"""The power rule written from the output, n * out / x: equal to n * x**(n - 1) everywhere
except at x = 0, where it divides by zero (d(x**3)/dx is 0 there)."""

TARGET = "autograd.py"
CAUGHT_BY = "ZeroDivisionError"


def _pow(self, n):
    out = Value(self.data**n, (self,), f"**{n}")

    def pow_backward():
        self.grad += n * out.data / self.data * out.grad

    out._backward = pow_backward
    return out


Value.__pow__ = _pow
