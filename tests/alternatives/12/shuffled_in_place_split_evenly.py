"""train shuffles an index array in place with rng.shuffle, cuts it into nearly equal batches
with np.array_split, and averages the batch losses without weights."""

TARGET = "capstone.py"


def train(x, y, *, hidden=64, epochs=20, batch_size=32, lr=1e-2, seed=0):
    x_train, y_train, x_test, y_test = train_test_split(x, y)
    rng = np.random.default_rng(seed)
    params = init_params(hidden, rng)
    state = None
    history = {"train_loss": [], "test_accuracy": []}
    index = np.arange(len(y_train))
    batches = -(-len(index) // batch_size)
    for _ in range(epochs):
        rng.shuffle(index)
        losses = []
        for batch in np.array_split(index, batches):
            loss, state = train_step(params, x_train[batch], y_train[batch], state, lr)
            losses.append(loss)
        history["train_loss"].append(float(np.mean(losses)))
        right = predict(params, x_test) == y_test
        history["test_accuracy"].append(right.sum() / right.size)
    return params, history
