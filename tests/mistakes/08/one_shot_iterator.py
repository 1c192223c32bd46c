"""One iter(batches) shared by all epochs: it is used up after the first one."""

TARGET = "training.py"
CAUGHT_BY = "only one epoch ran"
SANDBOX = "torch modules, optimizers and batches must cross both ways"


def train(model, optimizer, loss_fn, batches, epochs=1):
    model.train()
    losses = []
    batch_iterator = iter(batches)
    for _ in range(epochs):
        for x, y in batch_iterator:
            optimizer.zero_grad()
            loss = loss_fn(model(x), y)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
    return losses
