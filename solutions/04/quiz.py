"""Quiz 04: can a linear layer output something larger than its input? (reference answers)

Each right answer prints its explanation, a template whose {fields} the test fills with the
facts torch computes. After editing one, run `python -m harness.quiz seal 04`.
"""

import numpy as np


# Q1. A linear layer can output something larger than its input: an example.
def larger_output_example():
    """Return (x, W, b): every parameter in (-1, 1), yet the output is larger than the input."""
    x = np.ones(4)
    W = np.full((2, 4), 0.5)  # each output adds up four terms of 0.5
    b = np.full(2, 0.5)
    return x, W, b  # y = [2.5, 2.5], larger than every |x| = 1


# Q2. in_features = 512, out_features = 1, inputs, weights and bias all in [-1, 1]: the largest
# output is 512 * 1 * 1 + 1.
LARGEST_OUTPUT = 513

EXPLANATIONS = {
    "LARGEST_OUTPUT": (
        "The output is a sum of 512 products plus the bias. Each product W[0, i] * x[i] is at "
        "most 1 (both +1, or both -1), and so is the bias, so the largest output is 512 + 1 = "
        "{answer:g}: one output can be {answer:g} times larger than the largest input or "
        "weight. Parameters in [-1, 1] bound each TERM, not the sum."
    ),
}
