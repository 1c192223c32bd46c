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
