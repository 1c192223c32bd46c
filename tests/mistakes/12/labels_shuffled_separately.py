"""Images and labels are each shuffled with their own permutation: every image gets a random
label."""

TARGET = "capstone.py"
CAUGHT_BY = "images and labels shuffled separately"


def train(x, y, *, hidden=64, epochs=20, batch_size=32, lr=1e-2, seed=0):
    x_train, y_train, x_test, y_test = train_test_split(x, y)
    rng = np.random.default_rng(seed)
    params = init_params(hidden, rng)
    state = None
    history = {"train_loss": [], "test_accuracy": []}
    for _ in range(epochs):
        xs = x_train[rng.permutation(len(x_train))]
        ys = y_train[rng.permutation(len(y_train))]
        losses = []
        for start in range(0, len(ys), batch_size):
            end = start + batch_size
            loss, state = train_step(params, xs[start:end], ys[start:end], state, lr)
            losses.append(loss)
        history["train_loss"].append(float(np.mean(losses)))
        history["test_accuracy"].append(float(np.mean(predict(params, x_test) == y_test)))
    return params, history
