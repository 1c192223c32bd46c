"""optimizer.step written without parentheses: the step is never taken."""

TARGET = "training.py"
CAUGHT_BY = "or was never called"


def train(model, optimizer, loss_fn, batches, epochs=1):
    model.train()
    losses = []
    for _ in range(epochs):
        for x, y in batches:
            optimizer.zero_grad()
            loss = loss_fn(model(x), y)
            loss.backward()
            optimizer.step  # noqa: B018
            losses.append(loss.item())
    return losses
