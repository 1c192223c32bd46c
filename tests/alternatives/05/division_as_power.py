"""Division built from multiplication and a power: a / b = a * b**-1 (no div_backward at all)."""

TARGET = "autograd.py"


def _truediv(self, other):
    other = other if isinstance(other, Value) else Value(other)
    return self * other**-1


Value.__truediv__ = _truediv
