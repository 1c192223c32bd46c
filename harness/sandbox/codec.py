"""What crosses from the sandbox to the judge: values as tagged plain data, other objects as
handles that stay behind in the sandbox."""

from __future__ import annotations

import types
from collections.abc import Callable

import numpy as np
import torch

MAX_DEPTH = 50  # containers nested deeper than this are not sent


def encode_array(array: np.ndarray):
    array = np.array(array, copy=None, order="C")  # keeps 0-d arrays 0-d, unlike ascontiguousarray
    if array.dtype.kind not in "biufc":
        raise TypeError(f"an array of {array.dtype} cannot be sent")
    return (array.dtype.str, tuple(int(n) for n in array.shape), array.tobytes())


def decode_array(encoded) -> np.ndarray:
    dtype, shape, data = encoded
    return np.frombuffer(data, dtype=np.dtype(dtype)).reshape(shape).copy()


def _exact_scalar(value):
    """A builtin scalar (or a subclass of one, reduced to the builtin), else None."""
    for kind, convert in ((bool, bool.__bool__), (int, int.__index__), (float, float.__float__)):
        if isinstance(value, kind):
            return convert(value)
    return str.__str__(value) if isinstance(value, str) else None


class Encoder:
    """Sandbox side: values become tagged plain data; other objects stay behind as handles."""

    def __init__(self, objects: dict[int, object]):
        self.objects = objects

    def register(self, value) -> int:
        """Keep ``value`` here under a key, so the judge's copy and this one stay one object."""
        self.objects[id(value)] = value
        return id(value)

    def handle(self, value) -> tuple:
        key = self.register(value)
        named = isinstance(value, (type, types.FunctionType, types.MethodType))
        label = getattr(value, "__name__", None) if named else None
        return ("handle", key, str(label or type(value).__name__))

    def encode(self, value, depth: int = 0):
        if depth > MAX_DEPTH:
            raise TypeError("the value is nested too deeply to send")
        kind = type(value)
        if value is None or kind in (bool, int, float, str, bytes):
            return value
        if value is NotImplemented:
            return ("notimplemented",)
        scalar = _exact_scalar(value)
        if scalar is not None:
            return scalar
        if isinstance(value, torch.Tensor):
            return ("tensor", encode_array(value.detach().cpu().numpy()), value.requires_grad)
        if isinstance(value, np.ndarray) and value.dtype.kind in "biufc":
            return ("ndarray", encode_array(value), self.register(value))
        if isinstance(value, np.generic) and value.dtype.kind in "biufc":
            return ("scalar", encode_array(np.asarray(value)))
        return self._encode_container(value, kind, depth)

    def _encode_container(self, value, kind, depth: int):
        if kind is tuple:
            return ("tuple", [self.encode(item, depth + 1) for item in value])
        if kind is list:
            return ("list", [self.encode(item, depth + 1) for item in value], self.register(value))
        if kind is dict:
            items = [
                (self.encode(k, depth + 1), self.encode(v, depth + 1)) for k, v in value.items()
            ]
            return ("dict", items, self.register(value))
        return self.handle(value)


class Decoder:
    """Judge side: tagged plain data becomes values; handles become proxies.

    ``twin(key, value)`` gives the judge's one object for a sandbox object (so aliasing holds
    across the boundary); ``remote(key, type_name)`` builds the proxy for a handle.
    """

    def __init__(self, twin: Callable, remote: Callable):
        self.twin = twin
        self.remote = remote

    def decode(self, value):
        if not isinstance(value, tuple):
            return value
        tag = value[0]
        if tag == "tensor":
            tensor = torch.from_numpy(decode_array(value[1]))
            return tensor.requires_grad_(value[2]) if tensor.is_floating_point() else tensor
        if tag == "ndarray":
            return self.twin(value[2], decode_array(value[1]))
        if tag == "scalar":
            return decode_array(value[1])[()]
        return self._decode_container(tag, value)

    def _decode_container(self, tag: str, value):
        if tag == "list":
            return self.twin(value[2], [self.decode(item) for item in value[1]])
        if tag == "tuple":
            return tuple(self.decode(item) for item in value[1])
        if tag == "dict":
            items = {self.decode(k): self.decode(v) for k, v in value[1]}
            return self.twin(value[2], items)
        if tag == "handle":
            return self.remote(value[1], value[2])
        if tag == "notimplemented":
            return NotImplemented
        raise ValueError(f"unknown tag {tag!r} from the sandbox")
