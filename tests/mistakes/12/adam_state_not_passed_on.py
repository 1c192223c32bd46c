"""Every step starts Adam afresh: the state it returned is dropped."""

TARGET = "capstone.py"
CAUGHT_BY = "a fresh state (None) every step"


def train_step(params, x, y, state, lr):
    loss, grads = loss_and_grads(params, x, y)
    adam.adam_step(params, grads, None, lr=lr)
    return loss, None
