"""train builds its network with 64 hidden units, whatever hidden it is given."""

TARGET = "capstone.py"
CAUGHT_BY = "expected shape (16, 64), float64 (hidden=16)"


def train(x, y, *, hidden=64, epochs=20, batch_size=32, lr=1e-2, seed=0):
    x_train, y_train, x_test, y_test = train_test_split(x, y)
    rng = np.random.default_rng(seed)
    params = init_params(64, rng)
    state = None
    history = {"train_loss": [], "test_accuracy": []}
    for _ in range(epochs):
        order = rng.permutation(len(y_train))
        losses = []
        for start in range(0, len(order), batch_size):
            batch = order[start : start + batch_size]
            loss, state = train_step(params, x_train[batch], y_train[batch], state, lr)
            losses.append(loss)
        history["train_loss"].append(float(np.mean(losses)))
        history["test_accuracy"].append(float(np.mean(predict(params, x_test) == y_test)))
    return params, history
