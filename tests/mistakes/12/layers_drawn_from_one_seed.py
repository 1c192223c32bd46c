"""Each layer gets a generator of its own, seeded alike: W2 repeats W1's first numbers."""

TARGET = "capstone.py"
CAUGHT_BY = "repeats the same numbers"


def init_params(hidden, rng):
    seed = int(rng.integers(2**31))
    W1, b1 = linear.init_linear(PIXELS, hidden, np.random.default_rng(seed))
    W2, b2 = linear.init_linear(hidden, CLASSES, np.random.default_rng(seed))
    return [W1, b1, W2, b2]
