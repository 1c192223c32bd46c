"""Gradients cleared after step() instead of before the forward pass."""

TARGET = "training.py"


def train(model, optimizer, loss_fn, batches, epochs=1):
    model.train()
    losses = []
    for _ in range(epochs):
        for x, y in batches:
            loss = loss_fn(model(x), y)
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()
            losses.append(loss.item())
    return losses
