"""The model is never put in train mode: a model given in eval mode trains in eval mode."""

TARGET = "training.py"
CAUGHT_BY = "train mode"
SANDBOX = "torch modules, optimizers and batches must cross both ways"


def train(model, optimizer, loss_fn, batches, epochs=1):
    losses = []
    for _ in range(epochs):
        for x, y in batches:
            optimizer.zero_grad()
            loss = loss_fn(model(x), y)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
    return losses
