"""batches indexed by position: a DataLoader is re-iterable but not subscriptable."""

TARGET = "training.py"
CAUGHT_BY = "not subscriptable"
SANDBOX = "torch modules, optimizers and batches must cross both ways"


def train(model, optimizer, loss_fn, batches, epochs=1):
    model.train()
    losses = []
    for _ in range(epochs):
        for i in range(len(batches)):
            x, y = batches[i]
            optimizer.zero_grad()
            loss = loss_fn(model(x), y)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
    return losses
