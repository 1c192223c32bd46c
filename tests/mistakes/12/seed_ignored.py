"""train always draws from default_rng(0), whatever seed it is given."""

TARGET = "capstone.py"
CAUGHT_BY = "draw everything from it"

_train = train


def train(x, y, *, hidden=64, epochs=20, batch_size=32, lr=1e-2, seed=0):
    return _train(x, y, hidden=hidden, epochs=epochs, batch_size=batch_size, lr=lr, seed=0)
