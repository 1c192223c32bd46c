"""Quiz 04: can a linear layer output something larger than its input?

The notes this course grew from answer: "No, that is not possible, as the weights are
initialised in the range (-1, 1)." Decide for yourself, then prove it with numbers.
Run ``pytest katas/04/test_quiz.py -rP`` to check, and to read the explanation once you pass.
"""

import numpy as np  # noqa: F401  (you will need it)


# Q1. Can a linear layer output something larger than its input? Answer with an example: make
# larger_output_example return one.
def larger_output_example():
    """Return (x, W, b): a concrete linear layer and input whose output is larger than the input.

    Shapes as in linear.py: x of shape (in_features,) or (..., in_features), W of shape
    (out_features, in_features), b of shape (out_features,) or None.
    Play fair with the notes' claim: every entry of W (and of b) must lie strictly inside (-1, 1).
    "Larger" means the output y = x @ W.T + b has a larger largest |entry| than x, or a larger
    Euclidean norm (either one will do). The test computes y with torch.nn.functional.linear.
    """
    raise NotImplementedError


# Q2. A layer with in_features = 512 and out_features = 1. Every input, every weight and the bias
# may be anything in the CLOSED interval [-1, 1]. What is the largest value the output can take?
# (a whole number)
LARGEST_OUTPUT = None
