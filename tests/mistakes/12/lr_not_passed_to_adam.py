"""train_step forgets to pass lr on: adam_step takes its own default of 1e-3."""

TARGET = "capstone.py"
CAUGHT_BY = "pass lr on"


def train_step(params, x, y, state, lr):
    loss, grads = loss_and_grads(params, x, y)
    return loss, adam.adam_step(params, grads, state)
