"""tanh_grad as 1 / cosh(x)**2 (sech squared). np.cosh overflows (with a warning) for large |x|,
but 1 / inf**2 = 0 is the right answer, so this must pass."""

TARGET = "activations.py"
SANDBOX = "a warning raised in the learner's process must not fail the judge's test"

import numpy as np


def tanh_grad(x):
    return 1 / np.cosh(x) ** 2
