"""Kata 08: the training loop, written with PyTorch itself.

Katas 04-07 built every piece by hand: the layer, backward, the loss, the optimizer step.
Here torch does those pieces, and you write the loop that puts them together.
"""


def train(model, optimizer, loss_fn, batches, epochs=1):
    """Train ``model`` on ``batches`` for ``epochs`` epochs and return every step's loss.

    model      a torch.nn.Module. It may arrive in eval mode: put it in train mode first.
    optimizer  a torch.optim optimizer that already holds the model's parameters.
    loss_fn    called as ``loss_fn(output, target)``: the model's output first, the
               target second (torch's losses take ``(input, target)`` in that order).
    batches    a re-iterable of ``(x, y)`` tensor pairs (a list, or a DataLoader). Go
               through all of it once per epoch. Do not index it, iterate it.
    epochs     how many passes over ``batches``.

    One step, for every (x, y) in every epoch:

        clear the old gradients -> forward pass -> loss -> backward -> optimizer step

    Returns a list of Python floats, one per step, in order: its length is
    ``epochs * (number of batches)``. Keep numbers, not tensors (see the README).
    """
    raise NotImplementedError
