"""Tests for kata 08: train(model, optimizer, loss_fn, batches, epochs=1).

Torch is the judge twice over: the learner's loop runs on a model, and a reference loop written
below runs on an exact copy of it (same weights, same optimizer, same seed). The losses of
every step and the final weights must agree. When they do not, the test replays the loop with
the classic mistakes to say which one the learner's trajectory looks like.
"""

import copy

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from hypothesis import Phase, given, settings
from hypothesis import strategies as st
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from harness import check_close, check_true, fail, learner_module, load_torch_optimizers

training = learner_module(__file__, "training")
load_torch_optimizers()  # the reference loops build real optimizers

SEED = 1234  # the CPU generator is seeded before each loop, so both see the same randomness
CALL = "train(model, optimizer, loss_fn, batches, epochs)"

OPTIMIZERS = {
    "SGD(lr=0.1)": lambda params: torch.optim.SGD(params, lr=0.1),
    "SGD(lr=0.05, momentum=0.9)": lambda params: torch.optim.SGD(params, lr=0.05, momentum=0.9),
    "Adam(lr=0.01)": lambda params: torch.optim.Adam(params, lr=0.01),
}

DTYPES = {"float32": torch.float32, "float64": torch.float64}


def seed(value: int) -> None:
    """torch.manual_seed for the CPU only: the same seeding, without torch.manual_seed's
    ~10 ms of lazy accelerator bookkeeping per call (it adds up over hypothesis examples)."""
    torch.random.default_generator.manual_seed(value)


@pytest.fixture(autouse=True, scope="module")
def one_thread():
    """These tensors are tiny: torch's thread pool only adds synchronisation, which on a busy
    machine costs tens of milliseconds per operation. Restored after this file's tests."""
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


class _Text(str):
    """A description shown as is in a failure message (no quotes)."""

    def __repr__(self) -> str:
        return str(self)


# --- the reference loop and the problems it runs on ------------------------------------------


def reference_train(model, optimizer, loss_fn, batches, epochs, *, zero_grad=True, swap=False):
    """The canonical loop. The keyword arguments replay a mistake, to diagnose a failure."""
    model.train()
    losses = []
    for _ in range(epochs):
        for x, y in batches:
            if zero_grad:
                optimizer.zero_grad()
            output = model(x)
            loss = loss_fn(y, output) if swap else loss_fn(output, y)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
    return losses


def make_batches(dtype, n_batches=4, batch_size=5, n_in=3, n_out=2, data_seed=0):
    """Inputs from a normal distribution; soft targets in (0, 1), fit for a BCE loss."""
    gen = torch.Generator().manual_seed(data_seed)
    return [
        (
            torch.randn(batch_size, n_in, generator=gen, dtype=dtype),
            torch.rand(batch_size, n_out, generator=gen, dtype=dtype),
        )
        for _ in range(n_batches)
    ]


def make_mlp(dtype, n_in=3, hidden=6, n_out=2, init_seed=0, tanh_out=False):
    seed(init_seed)
    layers = [nn.Linear(n_in, hidden), nn.Tanh(), nn.Linear(hidden, n_out)]
    if tanh_out:
        layers.append(nn.Tanh())
    return nn.Sequential(*layers).to(dtype)


def _short(module) -> str:
    if isinstance(module, nn.Linear):
        return f"Linear({module.in_features}, {module.out_features})"
    if isinstance(module, nn.BatchNorm1d):
        return f"BatchNorm1d({module.num_features})"
    return f"{type(module).__name__}()"


def describe(model, optimizer_name, loss_fn, batches, epochs) -> dict:
    """The inputs of a call, as short texts for a failure message."""
    layers = ", ".join(_short(m) for m in model.children()) or _short(model)
    x, y = next(iter(batches))
    kind = "DataLoader" if isinstance(batches, DataLoader) else "list"
    return {
        "model": _Text(f"{type(model).__name__}({layers})"),
        "optimizer": _Text(optimizer_name),
        "loss_fn": _Text(getattr(loss_fn, "__name__", None) or repr(loss_fn)),
        "batches": _Text(
            f"{kind} of {len(batches)} (x, y) pairs, x {tuple(x.shape)}, y {tuple(y.shape)}, "
            f"{str(x.dtype).replace('torch.', '')}"
        ),
        "epochs": epochs,
    }


# --- what a failure says ----------------------------------------------------------------------

HINT_NO_ZERO_GRAD = (
    "your losses match a loop that never clears the gradients: backward() ADDS into .grad, so "
    "without optimizer.zero_grad() once per step, step() follows the sum of every gradient so far"
)
HINT_ZERO_GRAD_BETWEEN = (
    "the weights never changed and no gradient is left: zero_grad() ran between backward() and "
    "step(), so step() found no gradients. Order: zero_grad, forward, loss, backward, step"
)
HINT_STEP_BEFORE_BACKWARD = (
    "the weights never changed although gradients were computed: step() ran before backward() "
    "(or was never called), when .grad was still empty. Order: zero_grad, forward, loss, "
    "backward, step"
)
HINT_SWAPPED = (
    "your losses match loss_fn(target, output): the arguments are swapped. torch's losses take "
    "(input, target), the model's output first; for an asymmetric loss like BCE the order matters"
)
HINT_GENERIC = (
    "each step is: optimizer.zero_grad(), output = model(x), loss = loss_fn(output, y), "
    "loss.backward(), optimizer.step(); once per (x, y), for every epoch"
)


def diagnose(initial, make_optimizer, loss_fn, batches, epochs, got_losses, trained) -> str:
    """The one hint that fits a wrong trajectory best."""
    steps = epochs * len(batches)
    unchanged = all(
        torch.equal(a, b) for a, b in zip(initial.parameters(), trained.parameters(), strict=True)
    )
    if steps and unchanged:
        grads_left = any(p.grad is not None and bool(p.grad.any()) for p in trained.parameters())
        return HINT_STEP_BEFORE_BACKWARD if grads_left else HINT_ZERO_GRAD_BETWEEN

    def matches(**mistake) -> bool:
        model = copy.deepcopy(initial)
        seed(SEED)
        losses = reference_train(
            model, make_optimizer(model.parameters()), loss_fn, batches, epochs, **mistake
        )
        return np.allclose(losses, got_losses, rtol=1e-4, atol=1e-7)

    if matches(zero_grad=False):
        return HINT_NO_ZERO_GRAD
    if matches(swap=True):
        return HINT_SWAPPED
    return HINT_GENERIC


def check_losses_form(got, epochs, n_batches) -> None:
    """A list (or tuple) of Python floats, one per step: epochs * n_batches of them."""
    __tracebackhide__ = True
    expected = epochs * n_batches
    where = f"(epochs={epochs}, {n_batches} batches: {expected} steps)"
    check_true(
        isinstance(got, (list, tuple)),
        f"{CALL} returned {type(got).__name__} {str(got)[:80]}, expected a list of floats, "
        f"one loss per step {where}",
        "collect loss.item() of every step in a list, and return the list",
    )
    tensors = [v for v in got if isinstance(v, torch.Tensor)]
    check_true(
        not tensors,
        f"{CALL} returned {len(tensors)} losses as torch tensors, expected Python floats. "
        f"A loss tensor keeps its step's graph nodes alive (backward() freed the activations "
        f"they saved, not the nodes): {len(tensors)} graph skeletons in memory instead of "
        f"{len(tensors)} numbers.",
        "append loss.item() (a Python float), not the loss tensor",
    )
    others = [v for v in got if not isinstance(v, float)]
    check_true(
        not others,
        f"{CALL} returned losses of type {type(others[0]).__name__ if others else ''}, "
        f"expected Python floats: first one {others[0] if others else ''!r}",
        "append loss.item() (a Python float)",
    )
    if len(got) == expected:
        return
    if epochs > 1 and len(got) == n_batches:
        fail(
            f"{CALL} returned {len(got)} losses {where}: only one epoch ran.\n"
            f"  hint: loop `for epoch in range(epochs)` around the loop over batches, and "
            f"iterate `batches` afresh in every epoch (it is re-iterable; a single iter() of it "
            f"is used up after one epoch)"
        )
    if len(got) == epochs and n_batches > 1:
        fail(
            f"{CALL} returned {len(got)} losses {where}: one loss per epoch, not per step.\n"
            f"  hint: append every step's loss.item() to the list, without averaging"
        )
    fail(
        f"{CALL} returned {len(got)} losses, expected {expected} {where}.\n"
        f"  hint: one loss per optimizer step, for every (x, y) in every epoch"
    )


def check_training(model, optimizer_name, loss_fn, batches, epochs, make_optimizer=None):
    """Run the learner's loop and the reference loop on copies of ``model`` and compare them."""
    __tracebackhide__ = True
    make_optimizer = make_optimizer or OPTIMIZERS[optimizer_name]
    inputs = describe(model, optimizer_name, loss_fn, batches, epochs)
    initial = copy.deepcopy(model)
    reference = copy.deepcopy(model)

    seed(SEED)
    got = training.train(model, make_optimizer(model.parameters()), loss_fn, batches, epochs)
    check_losses_form(got, epochs, len(batches))

    seed(SEED)
    want = reference_train(
        reference, make_optimizer(reference.parameters()), loss_fn, batches, epochs
    )

    want_state = {k: v.detach().numpy() for k, v in reference.state_dict().items()}
    got_state = {k: v.detach().numpy() for k, v in model.state_dict().items()}
    dtype = next(reference.parameters()).dtype
    rtol = {torch.float32: 1e-5, torch.float64: 1e-10}[dtype]
    agree = np.allclose(got, want, rtol=rtol, atol=rtol) and all(
        np.allclose(got_state[k], want_state[k], rtol=rtol, atol=rtol) for k in want_state
    )
    hint = "" if agree else diagnose(initial, make_optimizer, loss_fn, batches, epochs, got, model)
    # The losses are Python floats whatever the model's dtype: compare them at the model's
    # precision (check_close takes its tolerance from the dtype of torch's answer).
    want_losses = np.asarray(want, dtype=np.float32 if dtype == torch.float32 else np.float64)
    got_losses = np.asarray(got, dtype=np.float64)
    check_close(f"the list of losses returned by {CALL[:5]}", inputs, want_losses, got_losses, hint)
    for name, value in want_state.items():
        check_close(f"model[{name!r}] after {CALL[:5]}", inputs, value, got_state[name], hint)


# --- the tests --------------------------------------------------------------------------------


def test_returns_one_python_float_per_step():
    model = make_mlp(torch.float64)
    batches = make_batches(torch.float64, n_batches=4)
    got = training.train(
        model, torch.optim.SGD(model.parameters(), lr=0.1), nn.MSELoss(), batches, epochs=3
    )
    check_losses_form(got, epochs=3, n_batches=4)


@pytest.mark.parametrize("optimizer_name", OPTIMIZERS)
@pytest.mark.parametrize("dtype_name", DTYPES)
def test_matches_the_reference_loop(dtype_name, optimizer_name):
    dtype = DTYPES[dtype_name]
    check_training(
        make_mlp(dtype), optimizer_name, nn.BCEWithLogitsLoss(), make_batches(dtype), epochs=3
    )


def test_default_is_one_epoch():
    model = make_mlp(torch.float64)
    batches = make_batches(torch.float64, n_batches=3)
    reference = copy.deepcopy(model)
    got = training.train(model, torch.optim.SGD(model.parameters(), lr=0.1), nn.MSELoss(), batches)
    check_losses_form(got, epochs=1, n_batches=3)
    want = reference_train(
        reference, torch.optim.SGD(reference.parameters(), lr=0.1), nn.MSELoss(), batches, 1
    )
    inputs = describe(model, "SGD(lr=0.1)", nn.MSELoss(), batches, 1)
    del inputs["epochs"]  # not passed: the default is under test
    check_close(
        "the list of losses returned by train",
        inputs,
        np.asarray(want),
        np.asarray(got, dtype=np.float64),
        "epochs defaults to 1: one pass over the batches",
    )


def test_iterates_a_dataloader_every_epoch():
    gen = torch.Generator().manual_seed(3)
    x = torch.randn(12, 3, generator=gen, dtype=torch.float64)
    y = torch.rand(12, 2, generator=gen, dtype=torch.float64)
    batches = DataLoader(TensorDataset(x, y), batch_size=4, shuffle=False)
    check_training(
        make_mlp(torch.float64),
        "SGD(lr=0.05, momentum=0.9)",
        nn.BCEWithLogitsLoss(),
        batches,
        epochs=2,
    )


def test_loss_fn_gets_output_then_target():
    # binary_cross_entropy_with_logits is not symmetric: loss_fn(y, output) trains the model
    # towards something else, and diagnose() recognises that trajectory.
    check_training(
        make_mlp(torch.float64),
        "SGD(lr=0.1)",
        F.binary_cross_entropy_with_logits,
        make_batches(torch.float64, n_batches=3),
        epochs=2,
    )


def test_model_runs_and_ends_in_train_mode():
    # BatchNorm1d tells the modes apart: in train mode it normalises with the batch's statistics
    # and counts the batch in num_batches_tracked; in eval mode it uses (and keeps) its running
    # statistics. The model arrives in eval mode.
    seed(0)
    model = nn.Sequential(nn.Linear(3, 4), nn.BatchNorm1d(4), nn.Tanh(), nn.Linear(4, 2))
    model = model.to(torch.float64).eval()
    batches = make_batches(torch.float64, n_batches=3)
    untouched = copy.deepcopy(model)
    epochs = 2
    training.train(
        model, torch.optim.SGD(model.parameters(), lr=0.1), nn.BCEWithLogitsLoss(), batches, epochs
    )
    counted = int(model[1].num_batches_tracked)
    check_true(
        counted == epochs * len(batches),
        f"{CALL} ran BatchNorm1d in train mode in {counted} of {epochs * len(batches)} steps "
        f"(its num_batches_tracked); the model was given in eval mode, and the forward passes "
        f"must run in train mode.",
        "call model.train() before the loop: it sets training=True on the model AND every "
        "submodule (setting model.training by hand does not), so BatchNorm and Dropout train",
    )
    not_training = [type(m).__name__ for m in model.modules() if not m.training]
    check_true(
        not not_training,
        f"after {CALL} these modules are not in train mode: {', '.join(not_training)}",
        "model.train() once before the loop, and no model.eval() inside it",
    )
    check_training(untouched, "SGD(lr=0.1)", nn.BCEWithLogitsLoss(), batches, epochs)


# No explain phase: on a failing loop it reruns the test many times for a report that the
# plugin's short failure message does not show anyway.
@settings(max_examples=15, phases=(Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink))
@given(
    epochs=st.integers(0, 3),
    n_batches=st.integers(1, 4),
    batch_size=st.integers(1, 4),
    lr=st.floats(0.01, 0.5),
    data_seed=st.integers(0, 2**16),
)
def test_matches_the_reference_loop_for_any_sizes(epochs, n_batches, batch_size, lr, data_seed):
    batches = make_batches(torch.float64, n_batches, batch_size, data_seed=data_seed)
    model = make_mlp(torch.float64, init_seed=data_seed, tanh_out=True)  # the course's MLP

    def make_optimizer(params):
        return torch.optim.SGD(params, lr=lr)

    check_training(model, f"SGD(lr={lr:.4g})", nn.MSELoss(), batches, epochs, make_optimizer)
