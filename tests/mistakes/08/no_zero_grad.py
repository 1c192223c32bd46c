"""The loop never calls zero_grad(): backward() keeps adding into .grad."""

TARGET = "training.py"
CAUGHT_BY = "never clears the gradients"
SANDBOX = "torch modules, optimizers and batches must cross both ways"


def train(model, optimizer, loss_fn, batches, epochs=1):
    model.train()
    losses = []
    for _ in range(epochs):
        for x, y in batches:
            loss = loss_fn(model(x), y)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
    return losses
