"""loss_fn(target, output): the arguments of the loss swapped."""

TARGET = "training.py"
CAUGHT_BY = "arguments are swapped"


def train(model, optimizer, loss_fn, batches, epochs=1):
    model.train()
    losses = []
    for _ in range(epochs):
        for x, y in batches:
            optimizer.zero_grad()
            loss = loss_fn(y, model(x))
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
    return losses
