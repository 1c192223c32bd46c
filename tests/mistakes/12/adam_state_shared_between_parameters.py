"""adam_step called once per parameter, all of them sharing one state."""

TARGET = "capstone.py"
CAUGHT_BY = "one state for the whole list of parameters"


def train_step(params, x, y, state, lr):
    loss, grads = loss_and_grads(params, x, y)
    for p, g in zip(params, grads):
        state = adam.adam_step([p], [g], state, lr=lr)
    return loss, state
