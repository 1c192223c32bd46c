"""The sandbox process: locked down (resource limits, Landlock, an audit hook, no repository on
its path), then answering the judge's requests until the judge hangs up.

What graded code may touch, it may only read: its own staged files, the Python installation
with its packages and the system's shared libraries. Landlock (``landlock``) makes the kernel
refuse everything else, from C as well as from Python; the audit hook refuses the same in
Python, names what was refused, and is all that remains where Landlock is missing. A request
that met a refusal is answered as ``AccessRefused``, which the judge reports as its own kind.

POSIX only (``resource``): imported when a sandbox is started, never by a learner's own run.
"""

from __future__ import annotations

import errno
import io
import os
import pickle
import resource
import signal
import site
import socket
import sys
import sysconfig
import tempfile
import warnings
from pathlib import Path

import numpy as np
import torch

# Graded code may write nowhere, so what torch loads on first use and writes while loading is
# loaded here, in the judge, before any sandbox starts: its compiler, imported when the first
# optimizer is built, makes a cache folder. (A warm worker has imported it already.)
import torch._dynamo  # noqa: F401

from harness import learner, limits, processes
from harness.manifest import KATAS_DIR, MANIFEST_PATH
from harness.sandbox import framing, landlock, sync
from harness.sandbox.codec import Encoder

FAILED_EXIT_CODE = 70  # EX_SOFTWARE: the sandbox itself went wrong


def serve_forever(sock: socket.socket, workdir: str) -> None:
    """The sandbox process's whole life: it never returns."""
    code = 0
    try:
        _lock_down(sock, workdir)
        objects: dict[int, object] = {}
        while True:
            try:
                message = _unpickle(framing.recv(sock), sock, objects)
            except EOFError:
                break
            framing.send(sock, pickle.dumps(_answer(sock, message, objects), protocol=4))
    except BaseException:
        code = FAILED_EXIT_CODE
    finally:
        os._exit(code)


def _lock_down(sock: socket.socket, workdir: str) -> None:
    processes.die_with_parent()
    keep = sock.fileno()
    processes.silence_stdio()
    # Nothing the judge had open (its result pipe above all) stays reachable.
    os.closerange(3, keep)
    os.closerange(keep + 1, 65536)
    os.chdir(workdir)
    readable = [os.path.realpath(path) for path in readable_paths()]
    # The repository (solutions/ included) is not importable from here; harness is loaded
    # already. Nor is any folder graded code may not read: imports never knock on those.
    sys.path[:] = [p for p in sys.path if p not in ("", ".") and _is_under(p, readable)]
    sys.path_importer_cache.clear()
    learner.use_sandbox(None)  # in here, the learner's module is loaded for real
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails, not kills
    output = limits.SANDBOX_OUTPUT_FILE
    resource.setrlimit(resource.RLIMIT_FSIZE, (output, output))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    memory = _current_address_space() + limits.SANDBOX_MEMORY
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    torch.set_num_threads(1)
    tempfile.gettempdir()  # found (by writing a file) while it still can be, and remembered
    try:
        landlock.confine(readable)
    except OSError:
        pass  # a kernel that refuses the ruleset: the audit hook below is what remains
    if not landlock.switched_off("hook"):
        _readable_roots[:] = readable
        _own_files[:] = readable[:1]
    sys.addaudithook(_refuse_side_effects)  # last: it cannot be removed, and applies from here


def readable_paths() -> list[str]:
    """Everything graded code may read: its own files, Python and its packages, the system's
    shared libraries, and the few files of the machine that torch and numpy look at."""
    staged = learner._source_root  # the submission being graded (None: the kata folders)
    own = [str(staged)] if staged is not None else [str(KATAS_DIR)]
    python = [sys.prefix, sys.exec_prefix, sys.base_prefix, sys.base_exec_prefix]
    python += [sysconfig.get_paths()[key] for key in ("stdlib", "platstdlib", "purelib")]
    python += site.getsitepackages()
    system = ["/lib", "/lib64", "/usr/lib", "/usr/lib64", "/usr/local/lib", "/etc/ld.so.cache"]
    machine = ["/proc/self", "/proc/cpuinfo", "/sys/devices/system/cpu", "/dev/null"]
    machine += ["/dev/zero", "/dev/urandom", "/dev/random"]
    # The manifest says which katas may use autograd; it holds no answers.
    return [*own, str(MANIFEST_PATH), *python, *system, *machine]  # its own files first


def _is_under(path: str, roots: list[str]) -> bool:
    """Whether ``path`` is one of ``roots`` (resolved already) or lies beneath one."""
    real = os.path.realpath(path)
    return any(real == root or real.startswith(root.rstrip("/") + "/") for root in roots)


# Graded code computes; it has no business changing files, starting programs or signalling
# processes. Audit hooks are no full sandbox, but with the resource limits above and the judge
# in another process they close the easy ways to forge or destroy results.
_REFUSED_EVENTS = {
    "os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork", "os.forkpty",
    "subprocess.Popen", "os.kill", "os.killpg", "os.remove", "os.rename", "os.rmdir",
    "os.truncate", "os.chmod", "os.chown", "os.link", "os.symlink", "os.mkdir", "os.utime",
    "shutil.rmtree", "shutil.move", "ctypes.dlopen", "ctypes.dlsym", "pty.spawn",
}  # fmt: skip
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
# Events that read a path: the path is their first argument.
_READING_EVENTS = {"os.listdir", "os.scandir", "glob.glob", "shutil.copyfile", "os.chdir"}
_NETWORK_EVENTS = {"socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg"}
_WATCHED_EVENTS = frozenset({"open", *_READING_EVENTS, *_NETWORK_EVENTS, *_REFUSED_EVENTS})
# The folders and files graded code may read, resolved (empty: the hook checks no paths).
_readable_roots: list[str] = []
_own_files: list[str] = []  # the folder of the learner's files, resolved
# What the current request was refused: a request that met a refusal answers AccessRefused.
_refusals: list[str] = []


def _refuse_side_effects(event: str, args: tuple) -> None:
    if event not in _WATCHED_EVENTS:  # most events (every id() call raises one): at once
        return
    if event == "open":
        path, mode, flags = args
        writes = any(c in mode for c in "wax+") if isinstance(mode, str) else False
        if writes or (isinstance(flags, int) and flags & _WRITE_FLAGS):
            raise PermissionError(errno.EACCES, "graded code may not write files", path)
        _refuse_unreadable(path)
    elif event in _READING_EVENTS:
        _refuse_unreadable(args[0])
    elif event in _NETWORK_EVENTS and _readable_roots:
        address = args[1] if len(args) > 1 else "?"
        _refusals.append(f"a network connection ({address!r})")
        raise PermissionError(f"graded code may not use the network ({event} {address!r})")
    elif event in _REFUSED_EVENTS:
        raise PermissionError(f"graded code may not do this: {event}")


def _learner_is_asking() -> bool:
    """Whether the learner's code is on the stack: not, say, the judge's report of an error
    reading the harness's own source lines for a traceback (refused all the same)."""
    frame = sys._getframe(2)
    while frame is not None:
        if _is_under(frame.f_code.co_filename, _own_files):
            return True
        frame = frame.f_back
    return False


def _refuse_unreadable(path) -> None:
    if not _readable_roots or isinstance(path, int) or path is None:
        return  # an open file descriptor was granted when it was opened
    shown = os.fsdecode(path) if isinstance(path, (str, bytes, os.PathLike)) else str(path)
    if not _is_under(shown, _readable_roots):
        if _learner_is_asking():
            _refusals.append(shown)
        raise PermissionError(
            errno.EACCES, "graded code may read only its own files and Python's", shown
        )


def _current_address_space() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 8 * 1024**3  # no /proc: assume a large process, so the limit never bites early


class _Callback:
    """Sandbox side: a test's function; calling it asks the judge to run it."""

    def __init__(self, sock: socket.socket, key: int, objects: dict[int, object]):
        self.sock, self.key, self.objects = sock, key, objects

    def __call__(self, *args):
        encoded = Encoder(self.objects).encode(args)
        framing.send(self.sock, pickle.dumps(("callback", self.key, encoded), protocol=4))
        reply = pickle.loads(framing.recv(self.sock))
        if reply[0] == "error":
            raise RuntimeError(f"the test's function raised {reply[1]}: {reply[2]}")
        return reply[1]


def _unpickle(payload: bytes, sock, objects):
    unpickler = pickle.Unpickler(io.BytesIO(payload))

    def persistent_load(pid):
        if pid[0] == "handle":
            return objects[pid[1]]
        if pid[0] == "twin":
            return sync.update_twin(objects.get(pid[1]), pid[2])
        return _Callback(sock, pid[1], objects)

    unpickler.persistent_load = persistent_load
    return unpickler.load()


def _answer(sock, message, objects):
    """Run one request; any exception from the learner's code is an answer too."""
    encoder = Encoder(objects)
    originals = []  # the mutable arguments as they were passed, before the call
    _refusals.clear()
    ended_with = None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            reply = ("ok", encoder.encode(_run_request(message, objects, originals)))
        except BaseException as error:  # anything at all, SystemExit included
            reply, ended_with = _describe_error(error), error
    refused = _refused_in(ended_with) or _refusals[:1]
    if refused:  # even where the learner's code caught the refusal and carried on
        reply = _access_refused(message, objects, refused[0])
    if reply[0] == "ok":
        kept = caught[: limits.WARNINGS_KEPT]
        warned = [(type(w.message).__name__, str(w.message)[: limits.WARNING_LIMIT]) for w in kept]
        reply += (warned,)
    try:
        position = {id(item): index for index, item in enumerate(originals)}
        states = [sync.state_of(item, encoder, position) for item in originals]
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
    if kind in ("call", "run"):  # "run": a test's helper, found by name (with_learner_objects)
        _, target, args, kwargs = message
        originals += sync.mutables((args, kwargs), [], set())
        return (objects[target] if kind == "call" else target)(*args, **kwargs)
    if kind == "method":
        _, key, name, args = message
        originals += sync.mutables(args, [], set())
        return getattr(objects[key], name)(*args)
    raise ValueError(f"unknown request {kind!r}")


def _refused_in(error: BaseException | None) -> list[str]:
    """What was refused, if a refusal is what the request ended with (or what caused it)."""
    seen = set()
    try:  # the learner's own exceptions may misbehave in any way: then it was no refusal
        while error is not None and id(error) not in seen:
            seen.add(id(error))
            if isinstance(error, OSError) and error.errno in (errno.EACCES, errno.EPERM):
                return [os.fsdecode(error.filename) if error.filename else str(error)]
            if "Permission denied" in str(error):  # torch's file errors are RuntimeErrors
                return [str(error)]
            error = error.__cause__ or error.__context__
    except Exception:
        pass
    return []


def _access_refused(message, objects, what: str):
    """The answer to a request that met a refusal: it says what was refused, and to whom."""
    if message[0] == "attr":  # the learner's file is imported when a name is first looked up
        who = f"{Path(message[1]).name}/{message[2]}.py"
    else:
        who = getattr(objects.get(message[1]), "__name__", None) or "the learner's code"
    text = (
        f"refused access: {who} tried to reach {what}. Graded code may read only its own "
        "files and Python's, write nowhere and use no network"
    )
    return ("error", "AccessRefused", text[: limits.MESSAGE_LIMIT], None)


def _describe_error(error: BaseException):
    try:
        message = str(error)
    except BaseException:
        message = "(its message could not be shown)"
    if not isinstance(message, str):
        message = repr(message)
    origin = learner.learner_origin(error)
    origin = None if origin is None else tuple(str(part) for part in origin)
    return ("error", type(error).__name__, message[: limits.MESSAGE_LIMIT], origin)
