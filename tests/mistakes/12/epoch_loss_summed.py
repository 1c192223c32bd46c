"""Each epoch's train loss is the sum of its batch losses, not their mean."""

TARGET = "capstone.py"
CAUGHT_BY = "not their sum"


def train(x, y, *, hidden=64, epochs=20, batch_size=32, lr=1e-2, seed=0):
    x_train, y_train, x_test, y_test = train_test_split(x, y)
    rng = np.random.default_rng(seed)
    params = init_params(hidden, rng)
    state = None
    history = {"train_loss": [], "test_accuracy": []}
    for _ in range(epochs):
        order = rng.permutation(len(y_train))
        total = 0.0
        for start in range(0, len(order), batch_size):
            batch = order[start : start + batch_size]
            loss, state = train_step(params, x_train[batch], y_train[batch], state, lr)
            total += loss
        history["train_loss"].append(total)
        history["test_accuracy"].append(float(np.mean(predict(params, x_test) == y_test)))
    return params, history
