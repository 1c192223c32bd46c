"""float(loss) instead of loss.item(); batches unpacked inside the loop."""

TARGET = "training.py"


def train(model, optimizer, loss_fn, batches, epochs=1):
    model.train()
    losses = []
    for _epoch in range(epochs):
        for batch in batches:
            x, y = batch
            optimizer.zero_grad()
            output = model(x)
            loss = loss_fn(output, y)
            loss.backward()
            optimizer.step()
            losses.append(float(loss))
    return losses
