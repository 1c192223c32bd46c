"""zero_grad() between backward() and step(): step() finds no gradients."""

TARGET = "training.py"
CAUGHT_BY = "zero_grad() ran between backward() and step()"


def train(model, optimizer, loss_fn, batches, epochs=1):
    model.train()
    losses = []
    for _ in range(epochs):
        for x, y in batches:
            loss = loss_fn(model(x), y)
            loss.backward()
            optimizer.zero_grad()
            optimizer.step()
            losses.append(loss.item())
    return losses
