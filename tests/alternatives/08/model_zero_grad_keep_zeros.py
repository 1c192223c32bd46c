"""model.zero_grad(set_to_none=False): zeros instead of None, through the model."""

TARGET = "training.py"
SANDBOX = "torch modules, gradients and returned containers must cross both ways"


def train(model, optimizer, loss_fn, batches, epochs=1):
    model.train()
    losses = []
    for _ in range(epochs):
        for x, y in batches:
            model.zero_grad(set_to_none=False)
            loss = loss_fn(model(x), y)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
    return losses
