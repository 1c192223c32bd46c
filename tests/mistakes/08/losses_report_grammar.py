"""train returns each loss doubled. The report's subject is a list: "the list of losses returned
by train(...) does not match torch", not "the losses ... does not match"."""

TARGET = "training.py"
CAUGHT_BY = "the list of losses returned by train(model, optimizer, loss_fn, batches, epochs) does"

_train_as_written = train


def train(model, optimizer, loss_fn, batches, epochs=1):
    return [2.0 * loss for loss in _train_as_written(model, optimizer, loss_fn, batches, epochs)]
