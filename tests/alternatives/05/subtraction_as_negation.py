"""Subtraction built from addition and negation, as micrograd does: a - b = a + (-b)."""

TARGET = "autograd.py"
SANDBOX = "Value objects live in the learner's process and are reached through handles"


def _sub(self, other):
    other = other if isinstance(other, Value) else Value(other)
    return self + (-other)


Value.__sub__ = _sub
