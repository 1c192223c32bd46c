"""Kata 08: the training loop, written with PyTorch itself (reference solution)."""


def train(model, optimizer, loss_fn, batches, epochs=1):
    """Train ``model`` on ``batches`` for ``epochs`` epochs and return every step's loss."""
    model.train()
    losses = []
    for _ in range(epochs):
        for x, y in batches:
            optimizer.zero_grad()
            output = model(x)
            loss = loss_fn(output, y)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
    return losses
