"""Collects loss.detach().tolist() (a float for a 0-d tensor) and returns a tuple."""

TARGET = "training.py"
SANDBOX = "torch modules, gradients and returned containers must cross both ways"


def train(model, optimizer, loss_fn, batches, epochs=1):
    model.train(True)
    history = []
    for epoch in range(epochs):
        for step, (x, y) in enumerate(batches):
            optimizer.zero_grad(set_to_none=True)
            prediction = model(x)
            loss = loss_fn(prediction, y)
            loss.backward()
            optimizer.step()
            history.append(loss.detach().tolist())
    return tuple(history)
