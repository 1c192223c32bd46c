"""Runs the learner's code in a process of its own, so the process that judges never imports it.

The instructor's grader turns this on (``--sandbox``). The judge runs the pristine kata tests
with torch as the oracle; every access to the learner's module becomes a request to a sandbox
process forked from the judge. Whatever the learner's code patches (numpy, torch, pytest) is
patched only in the sandbox, and what comes back is plain data read by a loader that cannot
build anything else: numbers, strings, containers, arrays, tensors, and handles to objects that
stay in the sandbox (kata 05's ``Value``). Arguments the learner's code changes in place are
copied back, so "updated in place" and "left unchanged" mean what they mean without a sandbox.

If the sandbox crashes, exits or runs past its time, the call fails, the sandbox is replaced,
and the next test starts fresh: one kata's infinite loop costs only that kata's tests.
"""

from __future__ import annotations

import builtins
import io
import os
import pickle
import resource
import signal
import socket
import struct
import sys
import tempfile
import types
import warnings
from pathlib import Path

import numpy as np
import torch

from harness import engine, learner
from harness.manifest import ROOT

MEMORY_LIMIT = 2 * 1024**3  # bytes the sandbox may allocate beyond what it starts with
OUTPUT_FILE_LIMIT = 0  # the learner's code writes no files while being graded
TRUSTED_MODULES = ("torch", "numpy", "math", "operator", "functools", "builtins")


class SandboxFailure(AssertionError):
    """The learner's process crashed, exited or ran out of time during a call."""


# --- framing ----------------------------------------------------------------------------------


def _send(sock: socket.socket, payload: bytes) -> None:
    sock.sendall(struct.pack("!Q", len(payload)) + payload)


def _recv_exactly(sock: socket.socket, size: int) -> bytes:
    chunks = []
    while size:
        chunk = sock.recv(min(size, 1 << 20))
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def _recv(sock: socket.socket) -> bytes:
    (size,) = struct.unpack("!Q", _recv_exactly(sock, 8))
    return _recv_exactly(sock, size)


class _PlainDataOnly(pickle.Unpickler):
    """Loads what the sandbox sends: builtin containers and scalars, never a class or callable."""

    def find_class(self, module, name):
        raise pickle.UnpicklingError(f"the sandbox may not send {module}.{name}")


def _load_plain(payload: bytes):
    return _PlainDataOnly(io.BytesIO(payload)).load()


# --- what crosses from the sandbox to the judge: plain data only -----------------------------


def _encode_array(array: np.ndarray):
    array = np.array(array, copy=None, order="C")  # keeps 0-d arrays 0-d, unlike ascontiguousarray
    if array.dtype.kind not in "biufc":
        raise TypeError(f"an array of {array.dtype} cannot be sent")
    return (array.dtype.str, tuple(int(n) for n in array.shape), array.tobytes())


def _decode_array(encoded) -> np.ndarray:
    dtype, shape, data = encoded
    return np.frombuffer(data, dtype=np.dtype(dtype)).reshape(shape).copy()


class _Encoder:
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
        if depth > 50:
            raise TypeError("the value is nested too deeply to send")
        kind = type(value)
        if value is None or kind in (bool, int, float, str, bytes):
            return value
        if value is NotImplemented:
            return ("notimplemented",)
        if isinstance(value, bool):
            return bool.__bool__(value)
        if isinstance(value, int):
            return int.__index__(value)
        if isinstance(value, float):
            return float.__float__(value)
        if isinstance(value, str):
            return str.__str__(value)
        if isinstance(value, torch.Tensor):
            return ("tensor", _encode_array(value.detach().cpu().numpy()), value.requires_grad)
        if isinstance(value, np.ndarray) and value.dtype.kind in "biufc":
            return ("ndarray", _encode_array(value), self.register(value))
        if isinstance(value, np.generic) and value.dtype.kind in "biufc":
            return ("scalar", _encode_array(np.asarray(value)))
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


class _Decoder:
    """Judge side: tagged plain data becomes values; handles become ``RemoteObject``s."""

    def __init__(self, sandbox: Sandbox):
        self.sandbox = sandbox

    def decode(self, value):
        if not isinstance(value, tuple):
            return value
        tag = value[0]
        if tag == "tensor":
            tensor = torch.from_numpy(_decode_array(value[1]))
            return tensor.requires_grad_(value[2]) if tensor.is_floating_point() else tensor
        if tag == "ndarray":
            return self.sandbox.twin(value[2], _decode_array(value[1]))
        if tag == "scalar":
            return _decode_array(value[1])[()]
        if tag == "list":
            return self.sandbox.twin(value[2], [self.decode(item) for item in value[1]])
        if tag == "tuple":
            return tuple(self.decode(item) for item in value[1])
        if tag == "dict":
            items = {self.decode(k): self.decode(v) for k, v in value[1]}
            return self.sandbox.twin(value[2], items)
        if tag == "handle":
            return RemoteObject(self.sandbox, value[1], value[2])
        if tag == "notimplemented":
            return NotImplemented
        raise ValueError(f"unknown tag {tag!r} from the sandbox")


# --- arguments the learner's code may change in place ----------------------------------------


def _mutables(tree, found: list, seen: set) -> list:
    """The arrays, lists, dicts, modules and optimizers in an argument tree, in a fixed order."""
    if id(tree) in seen:
        return found
    if isinstance(tree, (np.ndarray, torch.nn.Module, torch.optim.Optimizer, list, dict)):
        seen.add(id(tree))
        found.append(tree)
    if isinstance(tree, (list, tuple)):
        for item in tree:
            _mutables(item, found, seen)
    elif isinstance(tree, dict):
        for item in tree.values():
            _mutables(item, found, seen)
    return found


def _state_of(value, encoder: _Encoder, position: dict[int, int]):
    """Sandbox side: the state of one mutable argument after the call."""

    def ref_or_encode(item):
        return ("ref", position[id(item)]) if id(item) in position else encoder.encode(item)

    if isinstance(value, np.ndarray):
        return ("ndarray", _encode_array(value))
    if isinstance(value, list):
        return ("list", [ref_or_encode(item) for item in value])
    if isinstance(value, dict):
        return ("dict", [(encoder.encode(k), ref_or_encode(v)) for k, v in value.items()])
    if isinstance(value, torch.nn.Module):
        parameters = [
            (
                name,
                _encode_array(p.detach().numpy()),
                None if p.grad is None else _encode_array(p.grad.detach().numpy()),
            )
            for name, p in value.named_parameters()
        ]
        buffers = [(name, _encode_array(b.numpy())) for name, b in value.named_buffers()]
        modes = [(name, bool(m.training)) for name, m in value.named_modules()]
        return ("module", parameters, buffers, modes)
    if isinstance(value, torch.optim.Optimizer):
        return ("optimizer", encoder.encode(value.state_dict()))
    return None


def _apply_state(target, state, originals: list, decoder: _Decoder) -> None:
    """Judge side: make one of the judge's arguments match what the call left in the sandbox."""

    def resolve(item):
        if isinstance(item, tuple) and item and item[0] == "ref":
            return originals[item[1]]
        return decoder.decode(item)

    tag = state[0]
    if tag == "ndarray":
        np.copyto(target, _decode_array(state[1]).reshape(target.shape), casting="unsafe")
    elif tag == "list":
        target[:] = [resolve(item) for item in state[1]]
    elif tag == "dict":
        items = {decoder.decode(k): resolve(v) for k, v in state[1]}
        target.clear()
        target.update(items)
    elif tag == "module":
        _, parameters, buffers, modes = state
        named = dict(target.named_parameters())
        with torch.no_grad():
            for name, data, grad in parameters:
                named[name].copy_(torch.from_numpy(_decode_array(data)))
                named[name].grad = None if grad is None else torch.from_numpy(_decode_array(grad))
            named_buffers = dict(target.named_buffers())
            for name, data in buffers:
                named_buffers[name].copy_(torch.from_numpy(_decode_array(data)))
        named_modules = dict(target.named_modules())
        for name, training in modes:
            named_modules[name].training = training
    elif tag == "optimizer":
        target.load_state_dict(decoder.decode(state[1]))


# --- the judge's side ------------------------------------------------------------------------


class _Pickler(pickle.Pickler):
    """Judge to sandbox: by value, except handles, twins and the tests' own functions."""

    def __init__(self, file, sandbox: Sandbox):
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.sandbox = sandbox

    def persistent_id(self, obj):
        if isinstance(obj, RemoteObject):
            if object.__getattribute__(obj, "_generation") != self.sandbox.generation:
                raise SandboxFailure(
                    "a learner object from before the learner's process restarted was reused"
                )
            return ("handle", object.__getattribute__(obj, "_key"))
        if isinstance(obj, types.FunctionType) and not str(obj.__module__).startswith(
            TRUSTED_MODULES
        ):
            # A function from a test runs in the judge when the learner's code calls it.
            self.sandbox.callbacks[id(obj)] = obj
            return ("callback", id(obj))
        key = self.sandbox.twin_keys.get(id(obj))
        if key is not None and self.sandbox.twins.get(key) is obj:
            # The sandbox's twin of this object is updated to this content, in place.
            snapshot = np.array(obj) if isinstance(obj, np.ndarray) else type(obj)(obj)
            return ("twin", key, snapshot)
        return None


class Sandbox:
    """The judge's connection to one sandbox process, replaced whenever a call goes wrong."""

    def __init__(self, call_timeout: float | None = None):
        self.call_timeout = call_timeout
        self.pid: int | None = None
        self.sock: socket.socket | None = None
        self.callbacks: dict[int, object] = {}
        self.decoder = _Decoder(self)
        self.generation = 0  # which sandbox process handles and twins belong to
        # Arrays, lists and dicts that crossed over: the judge's object for each sandbox key,
        # so that one object stays one object on both sides (aliasing means the same here
        # as in a learner's own run).
        self.twins: dict[int, object] = {}
        self.twin_keys: dict[int, int] = {}
        self.functions: dict[tuple, RemoteObject] = {}
        # Functions that once ran out of time: later calls fail at once instead of waiting
        # again, so one endless loop cannot eat the time every other kata needs.
        self.hung: set[str] = set()

    def module_attribute(self, kata_folder: Path, module: str, attr: str):
        origin = (kata_folder, module, attr)
        if origin in self.functions:  # a learner's function or class: looked up once
            return self.functions[origin]
        value = self.request(("attr", str(kata_folder), module, attr), what=attr)
        if isinstance(value, RemoteObject):
            object.__setattr__(value, "_origin", origin)
            self.functions[origin] = value
        return value

    def twin(self, key: int, value):
        """The judge's object for sandbox object ``key``, now holding ``value``'s content."""
        existing = self.twins.get(key)
        if isinstance(existing, np.ndarray) and isinstance(value, np.ndarray):
            if existing.shape == value.shape and existing.flags.writeable:
                np.copyto(existing, value, casting="unsafe")
                return existing
        elif isinstance(existing, list) and isinstance(value, list):
            existing[:] = value
            return existing
        elif isinstance(existing, dict) and isinstance(value, dict):
            existing.clear()
            existing.update(value)
            return existing
        self.twins[key] = value
        self.twin_keys[id(value)] = key
        return value

    def request(self, message: tuple, what: str, arguments=None):
        """Send one request and serve the sandbox's callbacks until its answer arrives."""
        if what in self.hung:
            raise SandboxFailure(
                f"{what} was not run again: an earlier call did not finish within "
                f"{self.call_timeout:g} s (an infinite loop?)"
            )
        if self.pid is None:
            self._start()
        generation = self.pid
        buffer = io.BytesIO()
        self.callbacks = {}
        try:
            _Pickler(buffer, self).dump(message)
        except (pickle.PicklingError, TypeError, AttributeError) as error:
            raise SandboxFailure(
                f"the test could not send its arguments to {what}: {error}"
            ) from None
        try:
            _send(self.sock, buffer.getvalue())
            reply = _load_plain(self._receive(what))
            while reply[0] == "callback":
                self._serve_callback(reply)
                reply = _load_plain(self._receive(what))
        except BaseException:
            # A broken reply, a test timeout or Ctrl-C mid-call: the sandbox's state is unknown.
            if self.pid == generation:
                self.stop()
            raise
        if arguments is not None and reply[-2]:
            originals = _mutables(arguments, [], set())
            states, keys = reply[-2], reply[-1]
            for target, state, key in zip(originals, states, keys, strict=True):
                if key is not None:
                    self.twins[key] = target
                    self.twin_keys[id(target)] = key
                if state is not None:
                    _apply_state(target, state, originals, self.decoder)
        if reply[0] == "error":
            raise _rebuild_error(*reply[1:4])
        _, result, raised_warnings = reply[:3]
        for category, message in raised_warnings:
            # Warned again here, so a test that turns warnings into errors sees them.
            kind = getattr(builtins, category, None)
            if not (isinstance(kind, type) and issubclass(kind, Warning)):
                kind = UserWarning
            warnings.warn(message, kind, stacklevel=2)
        return self.decoder.decode(result)

    def _receive(self, what: str) -> bytes:
        self.sock.settimeout(self.call_timeout)
        try:
            return _recv(self.sock)
        except TimeoutError:
            self.stop()
            self.hung.add(what)
            raise SandboxFailure(
                f"{what} did not finish within {self.call_timeout:g} s (an infinite loop?)"
            ) from None
        except (EOFError, OSError):
            status = self.stop()
            raise SandboxFailure(f"{what} ended the learner's process: {status}") from None

    def _serve_callback(self, reply) -> None:
        _, key, args = reply
        function = self.callbacks[key]
        buffer = io.BytesIO()
        try:
            value = function(*self.decoder.decode(args))
            _Pickler(buffer, self).dump(("ok", value))
        except Exception as error:
            buffer = io.BytesIO()
            pickle.dump(("error", type(error).__name__, str(error)), buffer)
        _send(self.sock, buffer.getvalue())

    def _start(self) -> None:
        judge_end, sandbox_end = socket.socketpair()
        workdir = tempfile.mkdtemp(prefix="kata-sandbox-")
        pid = os.fork()
        if pid == 0:
            judge_end.close()
            _serve_forever(sandbox_end, workdir)
        sandbox_end.close()
        self.pid, self.sock = pid, judge_end
        self.generation += 1
        self.twins.clear()
        self.twin_keys.clear()
        self.functions.clear()

    def stop(self) -> str:
        """End the sandbox process (if any) and say how it ended."""
        if self.pid is None:
            return "not running"
        pid, self.pid = self.pid, None
        self.sock.close()
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        _, status = os.waitpid(pid, 0)
        if os.WIFSIGNALED(status) and os.WTERMSIG(status) != signal.SIGKILL:
            return f"it crashed ({signal.Signals(os.WTERMSIG(status)).name})"
        if os.WIFEXITED(status):
            return f"it exited with code {os.WEXITSTATUS(status)}"
        return "it was stopped"


class RemoteObject:
    """Judge side: an object that lives in the sandbox (a learner function, class or instance)."""

    __slots__ = ("_sandbox", "_key", "_type", "_generation", "_origin")

    def __init__(self, sandbox: Sandbox, key: int, type_name: str):
        object.__setattr__(self, "_sandbox", sandbox)
        object.__setattr__(self, "_key", key)
        object.__setattr__(self, "_type", type_name)
        object.__setattr__(self, "_generation", sandbox.generation)
        object.__setattr__(self, "_origin", None)

    def _ask(self, message, what, arguments=None):
        sandbox = object.__getattribute__(self, "_sandbox")
        if object.__getattribute__(self, "_generation") != sandbox.generation:
            self._refresh(sandbox)
            message = (message[0], object.__getattribute__(self, "_key"), *message[2:])
        return sandbox.request(message, what, arguments)

    def _refresh(self, sandbox: Sandbox) -> None:
        """After a restart, look a module's function or class up again in the new process."""
        origin = object.__getattribute__(self, "_origin")
        if origin is None:
            raise SandboxFailure(
                f"this {self._type_name()} was lost when the learner's process restarted"
            )
        fresh = sandbox.module_attribute(*origin)
        object.__setattr__(self, "_key", object.__getattribute__(fresh, "_key"))
        object.__setattr__(self, "_generation", sandbox.generation)

    def __getattr__(self, name):
        return self._ask(("getattr", object.__getattribute__(self, "_key"), name), name)

    def __setattr__(self, name, value):
        self._ask(("setattr", object.__getattribute__(self, "_key"), name, value), name)

    def __call__(self, *args, **kwargs):
        key = object.__getattribute__(self, "_key")
        return self._ask(("call", key, args, kwargs), self._type_name(), (args, kwargs))

    def _type_name(self):
        return object.__getattribute__(self, "_type")

    def __repr__(self):
        return f"<{self._type_name()} in the learner's process>"


def _forward(name):
    def method(self, *args):
        key = object.__getattribute__(self, "_key")
        return self._ask(("method", key, name, args), name, args)

    method.__name__ = name
    return method


for _name in (
    "add radd sub rsub mul rmul truediv rtruediv pow rpow neg pos abs lt le gt ge"
).split():
    setattr(RemoteObject, f"__{_name}__", _forward(f"__{_name}__"))


def _rebuild_error(type_name: str, message: str, origin):
    """Judge side: the learner's exception as a genuine builtin type, pointing into their file."""
    if type_name == "LearnerFileError":
        return learner.LearnerFileError(message)
    if type_name == "AutogradNotAllowed":
        return learner.AutogradNotAllowed(message)
    kind = getattr(builtins, type_name, None)
    if not (isinstance(kind, type) and issubclass(kind, Exception)):
        kind, message = RuntimeError, f"{type_name}: {message}"
    try:
        error = kind(message)
    except Exception:
        error = RuntimeError(f"{type_name}: {message}")
    if origin is not None:
        error.learner_origin = tuple(origin)
    return error


# --- the sandbox's side ----------------------------------------------------------------------


def _serve_forever(sock: socket.socket, workdir: str) -> None:
    """The sandbox process: locked down, then answering requests until the judge hangs up."""
    code = 0
    try:
        _lock_down(sock, workdir)
        objects: dict[int, object] = {}
        while True:
            try:
                message = _unpickle(_recv(sock), sock, objects)
            except EOFError:
                break
            _send(sock, pickle.dumps(_answer(sock, message, objects), protocol=4))
    except BaseException:
        code = 70
    finally:
        os._exit(code)


def _lock_down(sock: socket.socket, workdir: str) -> None:
    engine.die_with_parent()
    keep = sock.fileno()
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    os.close(devnull)
    # Nothing the judge had open (its result pipe above all) stays reachable.
    os.closerange(3, keep)
    os.closerange(keep + 1, 65536)
    os.chdir(workdir)
    # The repository (solutions/ included) is not importable from here; harness is loaded already.
    sys.path[:] = [p for p in sys.path if p not in ("", ".") and Path(p).resolve() != ROOT]
    learner.use_sandbox(None)  # in here, the learner's module is loaded for real
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails, not kills
    resource.setrlimit(resource.RLIMIT_FSIZE, (OUTPUT_FILE_LIMIT, OUTPUT_FILE_LIMIT))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    limit = _current_address_space() + MEMORY_LIMIT
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    torch.set_num_threads(1)
    sys.addaudithook(_refuse_side_effects)  # last: it cannot be removed, and applies from here


# Graded code computes; it has no business changing files, starting programs or signalling
# processes. Audit hooks are no full sandbox, but with the resource limits above and the judge
# in another process they close the easy ways to forge or destroy results.
_REFUSED_EVENTS = {
    "os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork", "os.forkpty",
    "subprocess.Popen", "os.kill", "os.killpg", "os.remove", "os.rename", "os.rmdir",
    "os.truncate", "os.chmod", "os.chown", "os.link", "os.symlink", "os.mkdir", "os.utime",
    "shutil.rmtree", "shutil.move", "ctypes.dlopen", "ctypes.dlsym", "socket.connect",
    "socket.bind", "pty.spawn",
}  # fmt: skip
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


def _refuse_side_effects(event: str, args: tuple) -> None:
    if event == "open":
        _, mode, flags = args
        writes = any(c in mode for c in "wax+") if isinstance(mode, str) else False
        if writes or (isinstance(flags, int) and flags & _WRITE_FLAGS):
            raise PermissionError(f"graded code may not write files ({args[0]!r})")
    elif event in _REFUSED_EVENTS:
        raise PermissionError(f"graded code may not do this: {event}")


def _current_address_space() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 8 * 1024**3


class _Callback:
    """Sandbox side: a test's function; calling it asks the judge to run it."""

    def __init__(self, sock: socket.socket, key: int, objects: dict[int, object]):
        self.sock, self.key, self.objects = sock, key, objects

    def __call__(self, *args):
        encoded = _Encoder(self.objects).encode(args)
        _send(self.sock, pickle.dumps(("callback", self.key, encoded), protocol=4))
        reply = pickle.loads(_recv(self.sock))
        if reply[0] == "error":
            raise RuntimeError(f"the test's function raised {reply[1]}: {reply[2]}")
        return reply[1]


def _unpickle(payload: bytes, sock, objects):
    unpickler = pickle.Unpickler(io.BytesIO(payload))

    def persistent_load(pid):
        if pid[0] == "handle":
            return objects[pid[1]]
        if pid[0] == "twin":
            return _update_twin(objects.get(pid[1]), pid[2])
        return _Callback(sock, pid[1], objects)

    unpickler.persistent_load = persistent_load
    return unpickler.load()


def _update_twin(original, content):
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


def _answer(sock, message, objects):
    """Sandbox side: run one request; any exception from the learner's code is an answer too."""
    encoder = _Encoder(objects)
    originals = []  # the mutable arguments as they were passed, before the call
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            reply = ("ok", encoder.encode(_run_request(message, objects, originals)))
        except BaseException as error:  # anything at all, SystemExit included
            reply = _describe_error(error)
    if reply[0] == "ok":
        reply += ([(type(w.message).__name__, str(w.message)[:500]) for w in caught[:20]],)
    try:
        position = {id(item): index for index, item in enumerate(originals)}
        states = [_state_of(item, encoder, position) for item in originals]
        keys = [
            encoder.register(item) if isinstance(item, (np.ndarray, list, dict)) else None
            for item in originals
        ]
    except BaseException as error:
        return (*_describe_error(error), [], [])
    return (*reply, states, keys)


def _run_request(message, objects, originals: list):
    kind = message[0]
    if kind == "attr":
        _, kata_folder, module, attr = message
        return getattr(learner.LearnerModule(Path(kata_folder), module), attr)
    if kind == "getattr":
        return getattr(objects[message[1]], message[2])
    if kind == "setattr":
        setattr(objects[message[1]], message[2], message[3])
        return None
    if kind == "call":
        _, key, args, kwargs = message
        originals += _mutables((args, kwargs), [], set())
        return objects[key](*args, **kwargs)
    if kind == "method":
        _, key, name, args = message
        originals += _mutables(args, [], set())
        return getattr(objects[key], name)(*args)
    raise ValueError(f"unknown request {kind!r}")


def _describe_error(error: BaseException):
    from harness.plugin import learner_origin

    try:
        message = str(error)
    except BaseException:
        message = "(its message could not be shown)"
    if not isinstance(message, str):
        message = repr(message)
    origin = learner_origin(error)
    origin = None if origin is None else tuple(str(part) for part in origin)
    return ("error", type(error).__name__, message[:2000], origin)
