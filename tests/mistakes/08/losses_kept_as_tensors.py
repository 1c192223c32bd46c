"""The loss tensors themselves are returned, each holding on to its graph."""

TARGET = "training.py"
CAUGHT_BY = "loss.item()"
SANDBOX = "torch modules, optimizers and batches must cross both ways"


def train(model, optimizer, loss_fn, batches, epochs=1):
    model.train()
    losses = []
    for _ in range(epochs):
        for x, y in batches:
            optimizer.zero_grad()
            loss = loss_fn(model(x), y)
            loss.backward()
            optimizer.step()
            losses.append(loss)
    return losses
