"""init_linear is given (out_features, in_features): the first layer comes out transposed."""

TARGET = "capstone.py"
CAUGHT_BY = "as init_linear(in_features, out_features, rng) returns them"


def init_params(hidden, rng):
    W1, b1 = linear.init_linear(hidden, PIXELS, rng)
    W2, b2 = linear.init_linear(CLASSES, hidden, rng)
    return [W1, b1, W2, b2]
