"""The second layer is drawn from a new, unseeded generator instead of the rng given."""

TARGET = "capstone.py"
CAUGHT_BY = "draw with the rng argument"


def init_params(hidden, rng):
    W1, b1 = linear.init_linear(PIXELS, hidden, rng)
    W2, b2 = linear.init_linear(hidden, CLASSES, np.random.default_rng())
    return [W1, b1, W2, b2]
