"""zero_grad() called once before the loop instead of once per step."""

TARGET = "training.py"
CAUGHT_BY = "never clears the gradients"


def train(model, optimizer, loss_fn, batches, epochs=1):
    model.train()
    optimizer.zero_grad()
    losses = []
    for _ in range(epochs):
        for x, y in batches:
            loss = loss_fn(model(x), y)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
    return losses
