"""epochs is ignored: one pass over the batches only."""

TARGET = "training.py"
CAUGHT_BY = "only one epoch ran"


def train(model, optimizer, loss_fn, batches, epochs=1):
    model.train()
    losses = []
    for x, y in batches:
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return losses
