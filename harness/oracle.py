"""Torch's answers, computed in the test: torch is the oracle, never numbers typed into a test."""

from __future__ import annotations

import numpy as np
import torch


def as_numpy(tensor: torch.Tensor) -> np.ndarray:
    """A tensor's value as a NumPy array (detached, on the CPU)."""
    return tensor.detach().cpu().numpy()


def torch_grad(function, x) -> np.ndarray:
    """d/dx of ``function(x).sum()`` by torch autograd, in x's dtype and shape.

    For an elementwise ``function`` this is f'(x) at every element.
    """
    x = np.asarray(x)
    leaf = torch.tensor(x, requires_grad=True)
    function(leaf).sum().backward()
    return as_numpy(leaf.grad).astype(x.dtype, copy=False)


def load_torch_optimizers() -> None:
    """Pay now for what torch imports the first time any optimizer is built.

    Building a ``torch.optim`` optimizer imports torch's compiler (``torch._dynamo``): about a
    second here, several on a slow laptop. A kata test module that builds optimizers calls this
    as it loads, so that the cost falls on collection and not on its first test's time limit.
    Katas that only need an optimizer's arithmetic call torch's functional form instead
    (``torch.optim.sgd.sgd``) and never pay it.
    """
    import torch._dynamo  # noqa: F401
