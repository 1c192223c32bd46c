"""step() before backward(): each step reads gradients that were just cleared."""

TARGET = "training.py"
CAUGHT_BY = "step() ran before backward()"


def train(model, optimizer, loss_fn, batches, epochs=1):
    model.train()
    losses = []
    for _ in range(epochs):
        for x, y in batches:
            optimizer.zero_grad()
            loss = loss_fn(model(x), y)
            optimizer.step()
            loss.backward()
            losses.append(loss.item())
    return losses
