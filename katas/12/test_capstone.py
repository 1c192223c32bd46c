"""Tests for kata 12: the capstone network must be the same network as torch's, step for step,
and then learn the digits.

Torch is the oracle: the same network is built from nn.Linear layers holding the learner's
parameters, its loss is F.cross_entropy, its gradients come from autograd, and its Adam steps
from torch.optim.adam.adam (the function torch.optim.Adam.step runs, called directly: building
an optimizer would import torch._dynamo, which costs a kata run seconds).
"""

import functools
import math

import numpy as np
import torch
import torch.nn.functional as F
from threadpoolctl import threadpool_limits
from torch.optim.adam import adam as torch_adam

import harness.earlier  # noqa: F401  (the capstone's own import; see below)
from harness import check_close, check_true, fail, learner_cache, learner_module
from harness.compare import Subject, call_learner, matches
from harness.digits import load_digits, train_test_split

# The capstone imports harness.earlier and harness.digits. Imported here, they are loaded before
# the grading sandbox starts, since that process may read only the graded files and Python's.

cap = learner_module(__file__, "capstone")

# Training multiplies small matrices thousands of times: one BLAS thread does that faster than
# several that wait for each other (the plugin sets torch to one thread for the same reason).
# Set at import, before the grading sandbox is forked, so that the learner's process has it too.
threadpool_limits(1, user_api="blas")

PIXELS, CLASSES, HIDDEN = 64, 10, 64
ADAM = dict(beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0.0)  # adam_step's defaults
LR = 1e-2  # train's default learning rate
LOSS_TOLERANCE = 1e-6  # the first steps' losses agree with torch's to this
REQUIRED_ACCURACY = 0.95


@functools.cache
def digits():
    """(x_train, y_train, x_test, y_test), the fixed split every run uses."""
    return train_test_split(*load_digits())


def batch(start, size=32):
    x_train, y_train, _, _ = digits()
    return x_train[start : start + size], y_train[start : start + size]


def shown_batch(start, size=32):
    """How a failure shows the batch: where it comes from, rather than 2,048 pixels."""
    where = f"[{start}:{start + size}]"
    return {"x": Subject(f"x_train{where}"), "y": Subject(f"y_train{where}")}


# --- torch, the oracle ----------------------------------------------------------------------


class TorchNet(torch.nn.Module):
    """The capstone's network in torch: Linear, ReLU, Linear, holding copies of ``params``."""

    def __init__(self, params):
        super().__init__()
        W1, b1, W2, b2 = (torch.tensor(np.asarray(p, dtype=np.float64)) for p in params)
        self.first = torch.nn.Linear(W1.shape[1], W1.shape[0], dtype=torch.float64)
        self.second = torch.nn.Linear(W2.shape[1], W2.shape[0], dtype=torch.float64)
        with torch.no_grad():
            for layer, W, b in ((self.first, W1, b1), (self.second, W2, b2)):
                layer.weight.copy_(W)
                layer.bias.copy_(b)

    def forward(self, x):
        return self.second(torch.relu(self.first(torch.as_tensor(x))))

    def params(self):
        return [self.first.weight, self.first.bias, self.second.weight, self.second.bias]


def torch_params(hidden=HIDDEN, seed=0):
    """Parameters as torch.nn.Linear draws them, as NumPy arrays in the order [W1, b1, W2, b2]."""
    torch.manual_seed(seed)
    first = torch.nn.Linear(PIXELS, hidden, dtype=torch.float64)
    second = torch.nn.Linear(hidden, CLASSES, dtype=torch.float64)
    layers = (first, second)
    return [p.detach().numpy().copy() for layer in layers for p in (layer.weight, layer.bias)]


def torch_loss_and_grads(params, x, y):
    net = TorchNet(params)
    loss = F.cross_entropy(net(x), torch.as_tensor(y))
    grads = torch.autograd.grad(loss, net.params())
    return loss.item(), [g.numpy() for g in grads]


def torch_adam_run(params, batches, lr):
    """torch's loss on each batch, and the parameters after the last Adam step."""
    net = TorchNet(params)
    tensors = net.params()
    exp_avgs = [torch.zeros_like(t) for t in tensors]
    exp_avg_sqs = [torch.zeros_like(t) for t in tensors]
    steps = [torch.tensor(0.0) for _ in tensors]
    losses = []
    for x, y in batches:
        loss = F.cross_entropy(net(x), torch.as_tensor(y))
        grads = list(torch.autograd.grad(loss, tensors))
        with torch.no_grad():
            torch_adam(
                tensors, grads, exp_avgs, exp_avg_sqs, [], steps,
                foreach=False, amsgrad=False, maximize=False, lr=lr, **ADAM,
            )  # fmt: skip
        losses.append(loss.item())
    return np.array(losses), [t.detach().numpy().copy() for t in tensors]


def torch_accuracy(params, x, y):
    with torch.no_grad():
        labels = TorchNet(params)(x).argmax(dim=1)
    return (labels == torch.as_tensor(y)).double().mean().item()


def torch_mean_loss(params, x, y):
    with torch.no_grad():
        return F.cross_entropy(TorchNet(params)(x), torch.as_tensor(y)).item()


# --- hints ----------------------------------------------------------------------------------

NAMES = ("W1", "b1", "W2", "b2")
SHAPES_HINT = (
    "params is the list [W1, b1, W2, b2]: W1 (hidden, 64), b1 (hidden,), W2 (10, hidden), "
    "b2 (10,), as init_linear(in_features, out_features, rng) returns them"
)
HINT_FORWARD = (
    "the network is linear_forward(x, W1, b1), then relu, then linear_forward(h, W2, b2); "
    "forward returns those raw logits, with no softmax at the end"
)
HINT_SOFTMAX_TWICE = (
    "softmax applied twice: cross_entropy takes the raw logits and applies softmax itself, "
    "so pass it the output of the last linear layer, not softmax(logits)"
)
HINT_NOT_DIVIDED = (
    "gradients not divided by the batch: the loss is the MEAN over the batch, so every "
    "gradient is the sum over the examples divided by N (cross_entropy_grad with its default "
    "reduction='mean' does it once; do not undo it, and do not use reduction='sum')"
)
HINT_DIVIDED_TWICE = (
    "gradients divided by the batch twice: cross_entropy_grad with reduction='mean' already "
    "divides by N, so the backward pass must not divide again"
)
HINT_RELU_GRAD = (
    "backward through relu: multiply the gradient flowing into the hidden layer by "
    "relu_grad(a), a being the pre-activation x @ W1.T + b1"
)
HINT_SECOND_INPUT = (
    "the second layer's input is the hidden activation h = relu(a), not the image x: pass h to "
    "linear_backward for W2, and x for W1"
)
HINT_BACKWARD = (
    "backward runs the forward pass in reverse: dL/dlogits = cross_entropy_grad(logits, y); "
    "then linear_backward(h, W2, ...) gives dL/dh and W2's and b2's gradients; multiply dL/dh "
    "by relu_grad(a); then linear_backward(x, W1, ...) gives W1's and b1's"
)
HINT_SHARED_STATE = (
    "adam_step keeps one state for the whole list of parameters: call it once per step with "
    "all four parameters and their four gradients (a state made for one parameter does not "
    "fit another, and each call counts a step)"
)
HINT_FIRST_STEP = (
    "one training step is adam_step(params, grads, state, lr=lr) with all four parameters, "
    "updating them in place: pass lr on (adam_step's own default is 1e-3), and the gradients "
    "of this batch's mean loss"
)
HINT_STATE = (
    "pass on the state: each train_step call gets the state the previous one returned; a "
    "fresh state (None) every step restarts Adam's moments and bias correction"
)
HINT_PREDICT = (
    "predict returns labels, not logits or probabilities: the index of the largest logit "
    "of each image, argmax over the classes axis (axis=1), as an integer array of shape (N,)"
)
HINT_SHUFFLE = (
    "images and labels shuffled separately: draw ONE permutation per epoch and index both "
    "with it (x_train[order], y_train[order]); two shuffles give each image a random label"
)
HINT_HELD_OUT = (
    "measure the test accuracy on the held-out test images of train_test_split (x_test, "
    "y_test), never on the images the network trained on"
)
HINT_AFTER_EPOCH = (
    "measure each epoch's test accuracy after the epoch's training steps, so that the last "
    "entry is the accuracy of the parameters train returns"
)
HINT_EPOCH_LOSS = (
    "each epoch's train loss is the mean of its batch losses (weighted by batch size), not "
    "their sum, and not one batch's loss"
)


def grad_hint(index, got, want, n):
    """The hint for a wrong gradient of parameter ``index``, recognising the usual mistakes."""
    if matches(want * n, got):
        return HINT_NOT_DIVIDED
    if matches(want / n, got):
        return HINT_DIVIDED_TWICE
    if index < 2:
        return HINT_RELU_GRAD
    return HINT_SECOND_INPUT if index == 2 else HINT_BACKWARD


# --- the parts ------------------------------------------------------------------------------


def check_params_list(what, params, hidden, inputs=None):
    __tracebackhide__ = True
    shapes = [(hidden, PIXELS), (hidden,), (CLASSES, hidden), (CLASSES,)]
    check_true(
        isinstance(params, (list, tuple)) and len(params) == 4,
        f"{what} gave {type(params).__name__} {params!r:.120}, not a list of 4 arrays.",
        SHAPES_HINT,
    )
    for name, p, shape in zip(NAMES, params, shapes, strict=True):
        check_true(
            np.shape(p) == shape and np.asarray(p).dtype == np.float64,
            f"{what}: {name} has shape {np.shape(p)} and dtype {np.asarray(p).dtype}; expected "
            f"shape {shape}, float64 (hidden={hidden}).",
            SHAPES_HINT,
        )


def test_init_params_like_nn_linear():
    hidden = 32
    params = call_learner(
        "init_params", cap.init_params, {"hidden": hidden, "rng": np.random.default_rng(5)},
        SHAPES_HINT,
    )  # fmt: skip
    check_params_list(f"init_params(hidden={hidden}, rng)", params, hidden)
    reference = torch_params(hidden)  # nn.Linear's weights: their in_features set the bounds
    for name, p in zip(NAMES, params, strict=True):
        fan_in, _ = torch.nn.init._calculate_fan_in_and_fan_out(
            torch.as_tensor(reference[0 if name.endswith("1") else 2])
        )
        bound = 1 / math.sqrt(fan_in)
        largest = float(np.max(np.abs(p)))
        # Hundreds of weights drawn from U(-bound, bound) reach past 0.8 * bound for certain;
        # a bias of 10 entries may not, so only its upper bound is checked.
        spread = largest > 0.8 * bound if name.startswith("W") else True
        check_true(
            largest <= bound and spread,
            f"init_params(hidden={hidden}, rng): {name} spans up to {np.max(np.abs(p)):.4g}, "
            f"but nn.Linear draws it from U(-{bound:.4g}, {bound:.4g}) (1/sqrt(in_features)).",
            "draw each layer with your init_linear(in_features, out_features, rng): 64 inputs "
            "for the first layer, hidden inputs for the second",
        )
    W1, _, W2, _ = params
    first_draws = W1.ravel()[: W2.size] * math.sqrt(PIXELS)
    check_true(
        not np.allclose(W2.ravel() * math.sqrt(hidden), first_draws),
        f"init_params(hidden={hidden}, rng): W2 repeats W1's first random numbers.",
        "draw both layers from the rng you are given, one after the other: a new generator "
        "for each layer (default_rng(seed) again) repeats the same numbers",
    )
    again = cap.init_params(hidden, np.random.default_rng(5))
    other = cap.init_params(hidden, np.random.default_rng(6))
    check_true(
        all(np.array_equal(a, b) for a, b in zip(params, again, strict=True))
        and not np.array_equal(params[0], other[0]),
        f"init_params(hidden={hidden}, rng) does not follow the rng it is given: the same seed "
        "must give the same parameters, another seed other ones.",
        "draw with the rng argument (rng.uniform, through init_linear), not np.random",
    )


def test_forward_matches_torch():
    params = torch_params()
    x, _ = batch(0)
    inputs = {"params": params, "x": x}
    logits = call_learner("forward", cap.forward, inputs, HINT_FORWARD)
    with torch.no_grad():
        want = TorchNet(params)(x)
    hint = HINT_FORWARD
    if matches(torch.softmax(want, dim=1).numpy(), logits):
        hint = "forward returned probabilities: " + HINT_FORWARD
    shown = {"params": params, "x": shown_batch(0)["x"]}
    check_close("forward", shown, want.numpy(), logits, hint, dtype=np.float64)


def loss_and_grads_on_a_batch(size: int):
    """(params, x, y, the inputs as shown, (loss, grads)) from the learner's loss_and_grads."""
    __tracebackhide__ = True
    params = torch_params()
    x, y = batch(size)
    inputs = {"params": params, "x": x, "y": y}
    shown = {"params": params, **shown_batch(size)}
    result = call_learner("loss_and_grads", cap.loss_and_grads, inputs, HINT_BACKWARD)
    check_true(
        isinstance(result, (tuple, list)) and len(result) == 2,
        f"loss_and_grads returned {result!r:.120}, not (loss, grads).",
        "return loss, [grad_W1, grad_b1, grad_W2, grad_b2]",
    )
    return params, x, y, shown, result


def test_loss_matches_torch():
    params, x, y, shown, result = loss_and_grads_on_a_batch(32)
    want, _ = torch_loss_and_grads(params, x, y)
    with torch.no_grad():
        probabilities = torch.softmax(TorchNet(params)(x), dim=1)
        twice = F.cross_entropy(probabilities, torch.as_tensor(y)).item()
    hint = HINT_SOFTMAX_TWICE if matches(twice, result[0]) else HINT_FORWARD
    check_close(
        Subject("the loss from loss_and_grads(params, x, y)"), shown, want, result[0],
        hint + "; the loss is cross_entropy(logits, y), the batch's mean",
    )  # fmt: skip


def test_gradients_match_autograd():
    """The gradient check: one training step's gradients, against torch autograd's."""
    params, x, y, shown, result = loss_and_grads_on_a_batch(64)
    grads = result[1]
    check_true(
        isinstance(grads, (list, tuple)) and len(grads) == 4,
        f"loss_and_grads returned grads = {grads!r:.120}, not a list of 4 arrays.",
        "return the gradients in the order of params: [grad_W1, grad_b1, grad_W2, grad_b2]",
    )
    _, want = torch_loss_and_grads(params, x, y)
    for index in (3, 2, 1, 0):  # backward's order: a mistake shows first where it is made
        got = grads[index]
        hint = grad_hint(index, np.asarray(got, dtype=np.float64), want[index], len(y))
        if np.shape(got) != want[index].shape:
            hint = SHAPES_HINT
        check_close(
            Subject(f"dL/d{NAMES[index]} from loss_and_grads(params, x, y)"), shown,
            want[index], got, hint,
            dtype=np.float64,
        )  # fmt: skip


def is_number(value) -> bool:
    """A real number, or a 0-d array of one (what np.mean returns is fine too)."""
    array = np.asarray(value) if not isinstance(value, (list, tuple, dict)) else None
    return array is not None and array.ndim == 0 and array.dtype.kind in "fiu"


def run_steps(params, batches, lr):
    """The learner's train_step on each batch in turn, passing the state along: the losses."""
    state, losses = None, []
    for step, (x, y) in enumerate(batches, start=1):
        inputs = {"params": params, "x": x, "y": y, "state": state, "lr": lr}
        hint = HINT_SHARED_STATE + "; " + HINT_FIRST_STEP
        result = call_learner(f"train_step (step {step})", cap.train_step, inputs, hint)
        check_true(
            isinstance(result, (tuple, list)) and len(result) == 2,
            f"train_step (step {step}) returned {result!r:.120}, not (loss, state).",
            "return the batch's loss and the state adam_step returned",
        )
        check_true(
            is_number(result[0]),
            f"train_step (step {step}) returned the loss {result[0]!r:.120}, not a number.",
            "return the batch's mean loss as a float: float(loss)",
        )
        losses.append(float(result[0]))
        state = result[1]
    return np.array(losses, dtype=np.float64)


def test_one_training_step_matches_torch_adam():
    params = torch_params()
    x, y = batch(96)
    before = [p.copy() for p in params]
    _, want_params = torch_adam_run(before, [(x, y)], LR)
    run_steps(params, [(x, y)], LR)
    for name, got, want, old in zip(NAMES, params, want_params, before, strict=True):
        hint = HINT_FIRST_STEP
        if np.array_equal(got, old):
            hint = "train_step left the parameters unchanged: " + HINT_FIRST_STEP
        check_close(
            Subject(f"{name} after one train_step(params, x, y, None, lr)"),
            {"params": before, **shown_batch(96), "lr": LR}, want, got, hint, dtype=np.float64,
        )  # fmt: skip


def test_first_five_steps_losses_match_torch():
    params = torch_params(seed=1)
    batches = [batch(32 * k) for k in range(5)]
    want, _ = torch_adam_run(params, batches, LR)
    got = run_steps(params, batches, LR)
    wrong = np.flatnonzero(np.abs(got - want) > LOSS_TOLERANCE * (1 + np.abs(want)))
    first = int(wrong[0]) if wrong.size else None
    hint = {None: "", 0: HINT_FORWARD, 1: HINT_FIRST_STEP}.get(first, HINT_STATE)
    check_close(
        Subject("the losses train_step returned at steps 1 to 5"),
        {"batches": Subject("x_train[0:32], x_train[32:64], ... (and their labels)"), "lr": LR},
        want, got,
        hint, rtol=LOSS_TOLERANCE, atol=LOSS_TOLERANCE,
    )  # fmt: skip


def test_predict_gives_torchs_labels():
    params = torch_params()
    x, _ = batch(128, 64)
    inputs = {"params": params, "x": x}
    labels = call_learner("predict", cap.predict, inputs, HINT_PREDICT)
    with torch.no_grad():
        want = TorchNet(params)(x).argmax(dim=1).numpy()
    shown = {"params": params, "x": shown_batch(128, 64)["x"]}
    check_close("predict", shown, want, labels, HINT_PREDICT)
    check_true(
        np.issubdtype(np.asarray(labels).dtype, np.integer),
        f"predict returned dtype {np.asarray(labels).dtype}: labels are integers.",
        HINT_PREDICT,
    )


# --- training on the digits -----------------------------------------------------------------


@learner_cache
def trained():
    """train's default run, once: (params, history). Its time is bounded by the test's limit."""
    x, y = load_digits()
    result = call_learner("train", cap.train, {"x": x, "y": y}, HINT_FIRST_STEP)
    check_true(
        isinstance(result, (tuple, list)) and len(result) == 2,
        f"train returned {result!r:.120}, not (params, history).",
        "return params, history",
    )
    check_params_list("train(x, y)", result[0], HIDDEN)
    return result[0], result[1]


def accuracy_hint(on_training):
    """Why the test accuracy is low, from how well the network learned its own images."""
    if on_training < 0.5:  # not even the training images: they cannot carry their labels
        return HINT_SHUFFLE
    if on_training < REQUIRED_ACCURACY:
        return "the network did not even learn its training images: " + HINT_STATE
    return (
        "the network learned its training images but not the test ones: keep train's "
        "defaults, shuffle the training images anew every epoch, and use every batch"
    )


def test_train_reaches_95_percent_on_the_test_images():
    params, _ = trained()
    x_train, y_train, x_test, y_test = digits()
    accuracy = torch_accuracy(params, x_test, y_test)
    if accuracy < REQUIRED_ACCURACY:
        on_training = torch_accuracy(params, x_train, y_train)
        fail(
            f"train(x, y) with its defaults reached a test accuracy of {accuracy:.4f} (torch's "
            f"count on the {len(y_test)} held-out images); {REQUIRED_ACCURACY} is needed. On the "
            f"images it trained on: {on_training:.4f}.\n  hint: " + accuracy_hint(on_training)
        )


def test_history_has_every_epoch():
    params, history = trained()
    epochs = 20
    check_true(
        isinstance(history, dict)
        and all(len(history.get(key, ())) == epochs for key in ("train_loss", "test_accuracy")),
        f"train(x, y) returned history = {history!r:.160}; it must be a dict with "
        f"'train_loss' and 'test_accuracy', one number per epoch ({epochs} epochs).",
        "append one train loss and one test accuracy at the end of every epoch",
    )
    x_train, y_train, x_test, y_test = digits()
    want = torch_accuracy(params, x_test, y_test)
    on_training = torch_accuracy(params, x_train, y_train)
    got = history["test_accuracy"][-1]
    hint = HINT_HELD_OUT if matches(on_training, got) else HINT_AFTER_EPOCH
    check_close(
        Subject("history['test_accuracy'][-1], from train(x, y),"),
        {"accuracy on the training images": on_training}, want, got, hint,
    )  # fmt: skip
    final = torch_mean_loss(params, x_train, y_train)
    last = history["train_loss"][-1]
    check_true(
        np.isfinite(last) and final / 4 - 0.01 <= last <= 4 * final + 0.01,
        f"train(x, y): history['train_loss'][-1] = {last:.6g}, but torch's mean loss on the "
        f"training images with the returned parameters is {final:.6g}; the last epoch's mean "
        f"batch loss must be near it.",
        HINT_EPOCH_LOSS,
    )


def test_train_uses_its_arguments():
    x, y = load_digits()
    keywords = dict(hidden=16, epochs=2, batch_size=64, lr=5e-3, seed=1)
    inputs = {"x": x, "y": y}
    run = call_learner("train", cap.train, inputs, HINT_FIRST_STEP, keywords=keywords)
    check_true(
        isinstance(run, (tuple, list)) and len(run) == 2 and isinstance(run[1], dict),
        f"train returned {run!r:.120}, not (params, history).",
        "return params, history, history being a dict of two lists",
    )
    check_params_list("train(x, y, hidden=16, ...)", run[0], 16)
    history = run[1]
    check_true(
        all(len(history.get(key, ())) == 2 for key in ("train_loss", "test_accuracy")),
        "train(x, y, epochs=2, ...) did not record 2 epochs.",
        "run epochs passes over the training images, recording one entry of each per epoch",
    )
    again = cap.train(x, y, **keywords)
    other = cap.train(x, y, **{**keywords, "seed": 2})
    check_true(
        all(np.array_equal(a, b) for a, b in zip(run[0], again[0], strict=True))
        and not np.array_equal(run[0][0], other[0][0]),
        "train is not repeatable from its seed: the same seed must give the same parameters, "
        "another seed other ones.",
        "make one rng = np.random.default_rng(seed) and draw everything from it: the "
        "initial parameters, then each epoch's shuffle",
    )
