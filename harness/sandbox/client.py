"""The judge's side: a connection to one sandbox process, and proxies for the learner's objects
that live there."""

from __future__ import annotations

import builtins
import io
import os
import pickle
import shutil
import socket
import tempfile
import types
import warnings
from pathlib import Path

import numpy as np

from harness import learner, outcomes, processes
from harness.sandbox import framing, sync
from harness.sandbox.codec import Decoder

# Functions from these modules are sent by name; any other function is a test's own, and runs
# in the judge when the learner's code calls it.
TRUSTED_MODULES = ("torch", "numpy", "math", "operator", "functools", "builtins")


class SandboxFailure(AssertionError):
    """The learner's process crashed, exited or ran out of time during a call.

    ``kind`` says which (``harness.outcomes``): the plugin reports it as the test's kind.
    """

    def __init__(self, message: str, kind: str = outcomes.FAILED):
        super().__init__(message)
        self.kind = kind


class AccessRefused(SandboxFailure):
    """The learner's code reached for a file, folder or connection that graded code may not."""

    def __init__(self, message: str):
        super().__init__(message, outcomes.REFUSED_ACCESS)


# Values that are never a handle, a twin or a function: pickled as they are.
_PLAIN_TYPES = frozenset({type(None), bool, int, float, complex, str, bytes, tuple})


class _Pickler(pickle.Pickler):
    """Judge to sandbox: by value, except handles, twins and the tests' own functions."""

    def __init__(self, file, sandbox: Sandbox):
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.sandbox = sandbox

    def persistent_id(self, obj):
        if type(obj) in _PLAIN_TYPES:  # most of what a message holds: decided at once
            return None
        if isinstance(obj, RemoteObject):
            if object.__getattribute__(obj, "_generation") != self.sandbox.generation:
                raise SandboxFailure(
                    "a learner object from before the learner's process restarted was reused"
                )
            return ("handle", object.__getattribute__(obj, "_key"))
        if isinstance(obj, types.FunctionType) and getattr(obj, "runs_with_learner_objects", False):
            return None  # a test's helper for the learner's objects: runs there, found by name
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
        self.workdir: str | None = None  # the sandbox process's working folder
        self.callbacks: dict[int, object] = {}
        # The kata whose code the current request runs: objects it returns belong to that kata.
        self.scope: str | None = None
        self.decoder = Decoder(
            self.twin, lambda key, name: RemoteObject(self, key, name, self.scope)
        )
        self.generation = 0  # which sandbox process handles and twins belong to
        # Arrays, lists and dicts that crossed over: the judge's object for each sandbox key,
        # so that one object stays one object on both sides (aliasing means the same here
        # as in a learner's own run).
        self.twins: dict[int, object] = {}
        self.twin_keys: dict[int, int] = {}
        self.functions: dict[tuple, RemoteObject] = {}
        # Functions that once ran out of time, as (kata folder, name): later calls fail at once
        # instead of waiting again, so one endless loop cannot eat the time every other kata
        # needs, and another kata's function of the same name still runs.
        self.hung: set[tuple] = set()

    def module_attribute(self, kata_folder: Path, module: str, attr: str):
        origin = (kata_folder, module, attr)
        if origin in self.functions:  # a learner's function or class: looked up once
            return self.functions[origin]
        scope, importing = str(kata_folder), f"{module}.py"
        if (scope, importing) in self.hung:
            raise SandboxFailure(
                f"{importing} was not imported again: an earlier import did not finish within "
                f"{self.call_timeout:g} s (an endless loop at its top level?)",
                outcomes.TIMED_OUT,
            )
        barred = (scope, attr) in self.hung
        try:
            value = self.request(("attr", scope, module, attr), what=attr, scope=scope)
        except BaseException:
            if not barred and (scope, attr) in self.hung:  # this lookup ran out of time: the
                self.hung.add((scope, importing))  # import did, so no other name is tried
            raise
        if isinstance(value, RemoteObject):
            object.__setattr__(value, "_origin", origin)
            self.functions[origin] = value
        return value

    def run_with_learner_objects(self, helper, args: tuple, kwargs: dict):
        """``helper(*args, **kwargs)`` in the sandbox when it is given the learner's objects,
        else here (``harness.learner.with_learner_objects``)."""
        given = [value for value in (*args, *kwargs.values()) if isinstance(value, RemoteObject)]
        if not given:  # torch's side of a test, say: nothing of the learner's is involved
            return helper.__wrapped__(*args, **kwargs)
        # Messages name the learner's function or class it was given (a time-out bars that).
        what, scope = (object.__getattribute__(given[0], name) for name in ("_type", "_scope"))
        return self.request(("run", helper, args, kwargs), what, (args, kwargs), scope)

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

    def request(self, message: tuple, what: str, arguments=None, scope: str | None = None):
        """Send one request and serve the sandbox's callbacks until its answer arrives.

        ``what`` names the learner's function for messages; ``scope`` is the kata folder it
        belongs to, which keeps one kata's endless loop from barring another kata's function.
        """
        self.scope = scope
        if (scope, what) in self.hung:
            raise SandboxFailure(
                f"{what} was not run again: an earlier call did not finish within "
                f"{self.call_timeout:g} s (an infinite loop?)",
                outcomes.TIMED_OUT,
            )
        if self.pid is None:
            self._start()
        reply = self._exchange(self._pickled(message, what), what)
        if arguments is not None and reply[-2]:
            self._sync_arguments(arguments, states=reply[-2], keys=reply[-1])
        if reply[0] == "error":
            raise _rebuild_error(*reply[1:4])
        _, result, raised_warnings = reply[:3]
        _warn_again(raised_warnings)
        return self.decoder.decode(result)

    def _pickled(self, message: tuple, what: str) -> bytes:
        buffer = io.BytesIO()
        self.callbacks = {}
        try:
            _Pickler(buffer, self).dump(message)
        except (pickle.PicklingError, TypeError, AttributeError) as error:
            raise SandboxFailure(
                f"the test could not send its arguments to {what}: {error}"
            ) from None
        return buffer.getvalue()

    def _exchange(self, payload: bytes, what: str):
        """Send a request; answer the sandbox's callbacks; return its reply."""
        generation = self.pid
        try:
            framing.send(self.sock, payload)
            reply = framing.load_plain(self._receive(what))
            while reply[0] == "callback":
                self._serve_callback(reply)
                reply = framing.load_plain(self._receive(what))
        except BaseException:
            # A broken reply, a test timeout or Ctrl-C mid-call: the sandbox's state is unknown.
            if self.pid == generation:
                self.stop()
            if learner.ran_out_of_time():  # the test's own limit struck while this ran
                self.hung.add((self.scope, what))
            raise
        return reply

    def _sync_arguments(self, arguments, states, keys) -> None:
        """Bring the judge's arguments to what the call left in the sandbox."""
        originals = sync.mutables(arguments, [], set())
        for target, state, key in zip(originals, states, keys, strict=True):
            if key is not None:
                self.twins[key] = target
                self.twin_keys[id(target)] = key
            if state is not None:
                sync.apply_state(target, state, originals, self.decoder)

    def _receive(self, what: str) -> bytes:
        self.sock.settimeout(self.call_timeout)
        try:
            return framing.recv(self.sock)
        except TimeoutError:
            self.stop()
            self.hung.add((self.scope, what))
            raise SandboxFailure(
                f"{what} did not finish within {self.call_timeout:g} s (an infinite loop?)",
                outcomes.TIMED_OUT,
            ) from None
        except (EOFError, OSError):
            status = self.stop()
            raise SandboxFailure(
                f"{what} ended the learner's process: {status}", outcomes.CRASHED
            ) from None

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
        framing.send(self.sock, buffer.getvalue())

    def _start(self) -> None:
        from harness.sandbox import server  # POSIX only: imported when a sandbox is needed

        judge_end, sandbox_end = socket.socketpair()
        workdir = tempfile.mkdtemp(prefix="kata-sandbox-")
        pid = os.fork()
        if pid == 0:
            judge_end.close()
            server.serve_forever(sandbox_end, workdir)
        sandbox_end.close()
        self.pid, self.sock, self.workdir = pid, judge_end, workdir

    def _forget_its_objects(self) -> None:
        """Handles and twins end with their process: the next call looks functions up afresh."""
        self.generation += 1
        self.twins.clear()
        self.twin_keys.clear()
        self.functions.clear()

    def stop(self) -> str:
        """End the sandbox process (if any) and say how it ended."""
        if self.pid is None:
            return "not running"
        pid, self.pid = self.pid, None
        self._forget_its_objects()
        self.sock.close()
        processes.kill(pid)
        _, status = os.waitpid(pid, 0)
        # Its working folder is empty (it may not write files): a class's grading would
        # otherwise leave one behind per sandbox started.
        shutil.rmtree(self.workdir, ignore_errors=True)
        return processes.describe_stop(status)


def _warn_again(raised_warnings) -> None:
    """The learner's warnings, warned here, so a test that turns warnings into errors sees them."""
    for category, message in raised_warnings:
        kind = getattr(builtins, category, None)
        if not (isinstance(kind, type) and issubclass(kind, Warning)):
            kind = UserWarning
        warnings.warn(message, kind, stacklevel=3)


class RemoteObject:
    """Judge side: an object that lives in the sandbox (a learner function, class or instance)."""

    __slots__ = ("_sandbox", "_key", "_type", "_generation", "_origin", "_scope")

    def __init__(self, sandbox: Sandbox, key: int, type_name: str, scope: str | None = None):
        object.__setattr__(self, "_sandbox", sandbox)
        object.__setattr__(self, "_key", key)
        object.__setattr__(self, "_type", type_name)
        object.__setattr__(self, "_generation", sandbox.generation)
        object.__setattr__(self, "_origin", None)
        object.__setattr__(self, "_scope", scope)  # the kata folder whose code made it

    def _ask(self, message, what, arguments=None):
        sandbox = object.__getattribute__(self, "_sandbox")
        if object.__getattribute__(self, "_generation") != sandbox.generation:
            self._refresh(sandbox)
            message = (message[0], object.__getattribute__(self, "_key"), *message[2:])
        return sandbox.request(message, what, arguments, object.__getattribute__(self, "_scope"))

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

# The harness's own exceptions, rebuilt as themselves when the sandbox reports them.
_HARNESS_ERRORS = {
    error.__name__: error
    for error in (
        learner.LearnerFileError,
        learner.MissingFile,
        learner.BrokenFile,
        learner.MissingName,
        learner.AutogradNotAllowed,
        learner.TimedOut,
    )
}


def _rebuild_error(type_name: str, message: str, origin):
    """Judge side: the learner's exception as a genuine builtin type, pointing into their file."""
    if type_name in _HARNESS_ERRORS:
        return _HARNESS_ERRORS[type_name](message)
    if type_name == "AccessRefused" and origin is None:  # the sandbox's own verdict
        return AccessRefused(message)
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
