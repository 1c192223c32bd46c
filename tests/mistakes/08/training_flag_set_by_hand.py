"""model.training = True sets the flag on the top module only, not on its submodules."""

TARGET = "training.py"
CAUGHT_BY = "train mode"
SANDBOX = "torch modules, optimizers and batches must cross both ways"


def train(model, optimizer, loss_fn, batches, epochs=1):
    model.training = True
    losses = []
    for _ in range(epochs):
        for x, y in batches:
            optimizer.zero_grad()
            loss = loss_fn(model(x), y)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
    return losses
