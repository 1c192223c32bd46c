"""train_step steps a copy of the parameters: the caller's arrays never change."""

TARGET = "capstone.py"
CAUGHT_BY = "train_step left the parameters unchanged"
SANDBOX = "the parameters are changed in place: the sandbox must carry that back, or not"


def train_step(params, x, y, state, lr):
    loss, grads = loss_and_grads(params, x, y)
    params = [p.copy() for p in params]
    return loss, adam.adam_step(params, grads, state, lr=lr)
