"""train runs one epoch fewer than it is asked to (range(1, epochs))."""

TARGET = "capstone.py"
CAUGHT_BY = "one number per epoch (20 epochs)"

_train = train


def train(x, y, *, hidden=64, epochs=20, batch_size=32, lr=1e-2, seed=0):
    return _train(x, y, hidden=hidden, epochs=epochs - 1, batch_size=batch_size, lr=lr, seed=seed)
