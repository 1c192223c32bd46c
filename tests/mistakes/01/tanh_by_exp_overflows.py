"""tanh from its exp definition: exp(1e4) overflows and inf / inf is nan."""

TARGET = "activations.py"
CAUGHT_BY = "tanh(x) raised a warning"
SANDBOX = "warnings raised in the learner's process must be raised again in the judge"

import numpy as np


def tanh(x):
    return (np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x))
