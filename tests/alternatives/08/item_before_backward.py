"""The loss read with .item() before backward(), and train() called at every step."""

TARGET = "training.py"


def train(model, optimizer, loss_fn, batches, epochs=1):
    losses = []
    for _ in range(epochs):
        for x, y in batches:
            model.train()
            optimizer.zero_grad()
            loss = loss_fn(model(x), y)
            losses.append(loss.item())
            loss.backward()
            optimizer.step()
    return losses
