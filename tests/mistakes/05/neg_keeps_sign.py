"""Negation passes out.grad through unchanged instead of -out.grad."""

TARGET = "autograd.py"
CAUGHT_BY = "d(-x)/dx = -1"


def _neg(self):
    out = Value(-self.data, (self,), "neg")

    def neg_backward():
        self.grad += out.grad

    out._backward = neg_backward
    return out


Value.__neg__ = _neg
