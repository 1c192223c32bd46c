"""Arguments the learner's code may change in place: their state after a call in the sandbox,
and the judge's copies brought to match it, so that "updated in place" and "left unchanged"
mean what they mean without a sandbox."""

from __future__ import annotations

import numpy as np
import torch

from harness.sandbox.codec import Decoder, Encoder, decode_array, encode_array

MUTABLE_TYPES = (np.ndarray, torch.nn.Module, torch.optim.Optimizer, list, dict)


def mutables(tree, found: list, seen: set) -> list:
    """The arrays, lists, dicts, modules and optimizers in an argument tree, in a fixed order."""
    if id(tree) in seen:
        return found
    if isinstance(tree, MUTABLE_TYPES):
        seen.add(id(tree))
        found.append(tree)
    if isinstance(tree, (list, tuple)):
        for item in tree:
            mutables(item, found, seen)
    elif isinstance(tree, dict):
        for item in tree.values():
            mutables(item, found, seen)
    return found


# --- the sandbox's side ----------------------------------------------------------------------


def state_of(value, encoder: Encoder, position: dict[int, int]):
    """Sandbox side: the state of one mutable argument after the call."""

    def ref_or_encode(item):
        return ("ref", position[id(item)]) if id(item) in position else encoder.encode(item)

    if isinstance(value, np.ndarray):
        return ("ndarray", encode_array(value))
    if isinstance(value, list):
        return ("list", [ref_or_encode(item) for item in value])
    if isinstance(value, dict):
        return ("dict", [(encoder.encode(k), ref_or_encode(v)) for k, v in value.items()])
    if isinstance(value, torch.nn.Module):
        return _module_state(value)
    if isinstance(value, torch.optim.Optimizer):
        return ("optimizer", encoder.encode(value.state_dict()))
    return None


def _module_state(module: torch.nn.Module) -> tuple:
    parameters = [
        (
            name,
            encode_array(p.detach().numpy()),
            None if p.grad is None else encode_array(p.grad.detach().numpy()),
        )
        for name, p in module.named_parameters()
    ]
    buffers = [(name, encode_array(b.numpy())) for name, b in module.named_buffers()]
    modes = [(name, bool(m.training)) for name, m in module.named_modules()]
    return ("module", parameters, buffers, modes)


def update_twin(original, content):
    """Sandbox side: the judge changed its copy of ``original``; change it the same way."""
    try:
        if isinstance(original, np.ndarray) and original.shape == np.shape(content):
            np.copyto(original, content, casting="unsafe")
            return original
        if isinstance(original, list):
            original[:] = content
            return original
        if isinstance(original, dict):
            original.clear()
            original.update(content)
            return original
    except (ValueError, TypeError):
        pass  # a read-only array, say: the judge's content stands on its own
    return content


# --- the judge's side ------------------------------------------------------------------------


def apply_state(target, state, originals: list, decoder: Decoder) -> None:
    """Judge side: make one of the judge's arguments match what the call left in the sandbox."""

    def resolve(item):
        if isinstance(item, tuple) and item and item[0] == "ref":
            return originals[item[1]]
        return decoder.decode(item)

    tag = state[0]
    if tag == "ndarray":
        np.copyto(target, decode_array(state[1]).reshape(target.shape), casting="unsafe")
    elif tag == "list":
        target[:] = [resolve(item) for item in state[1]]
    elif tag == "dict":
        items = {decoder.decode(k): resolve(v) for k, v in state[1]}
        target.clear()
        target.update(items)
    elif tag == "module":
        _apply_module_state(target, state)
    elif tag == "optimizer":
        target.load_state_dict(decoder.decode(state[1]))


def _apply_module_state(target: torch.nn.Module, state) -> None:
    _, parameters, buffers, modes = state
    named = dict(target.named_parameters())
    with torch.no_grad():
        for name, data, grad in parameters:
            named[name].copy_(torch.from_numpy(decode_array(data)))
            named[name].grad = None if grad is None else torch.from_numpy(decode_array(grad))
        named_buffers = dict(target.named_buffers())
        for name, data in buffers:
            named_buffers[name].copy_(torch.from_numpy(decode_array(data)))
    named_modules = dict(target.named_modules())
    for name, training in modes:
        named_modules[name].training = training
