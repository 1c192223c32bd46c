"""log's derivative written 1 / out.data (one over the output) instead of 1 / x."""

TARGET = "autograd.py"
CAUGHT_BY = "d ln(x)/dx = 1 / x"


def _log(self):
    out = Value(math.log(self.data), (self,), "log")

    def log_backward():
        self.grad += out.grad / out.data

    out._backward = log_backward
    return out


Value.log = _log
