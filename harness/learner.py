"""Loads the learner's code for a kata test, and keeps the learner's mistakes short and readable.

A kata test never imports the learner's file directly. It asks for it by name:

    activations = learner_module(__file__, "activations")

The file is loaded on first use, so a syntax error becomes one failing line per test instead
of a collection error. Where it is loaded from is decided when the tests run (see
``configure``): the kata's own folder, ``solutions/``, or a submission being graded.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import inspect
import sys
import traceback
from pathlib import Path

from harness import outcomes

# None means "the folder the test file sits in", which is what a learner runs.
_source_root: Path | None = None
_modules: dict[Path, object] = {}
_slow_imports: set[Path] = set()  # files whose import ran out of time once: not tried again
# When grading, a harness.sandbox.Sandbox: the learner's code then runs only in that process.
_sandbox = None
_learner_caches: list = []  # the caches of learner_cache, emptied when the learner changes


class LearnerFileError(Exception):
    """The learner's file is missing, does not import, or lacks a name the test needs."""

    kind = outcomes.BROKEN_FILE


class MissingFile(LearnerFileError):
    """The learner's file is not there."""

    kind = outcomes.MISSING_FILE


class BrokenFile(LearnerFileError):
    """The learner's file has a syntax error, or raised while being imported."""

    kind = outcomes.BROKEN_FILE


class MissingName(LearnerFileError):
    """The learner's file lacks a function or class the tests need."""

    kind = outcomes.MISSING_NAME


class AutogradNotAllowed(AssertionError):
    """A hand-written kata function called torch autograd."""

    kind = outcomes.AUTOGRAD_USED


def configure(source_root: Path | None) -> None:
    """Take learner files from each kata's own folder (None) or from ``source_root``/NN/."""
    global _source_root
    _source_root = Path(source_root).resolve() if source_root is not None else None
    _modules.clear()
    _slow_imports.clear()
    _timed_out.clear()
    _forget_learner_caches()


def use_sandbox(sandbox) -> None:
    """Send every access to learner code to ``sandbox`` (None: load it into this process)."""
    global _sandbox
    _sandbox = sandbox
    _forget_learner_caches()


def learner_cache(function):
    """``functools.cache`` for what a test helper gets from the learner's code (a function it
    looks up, a model it trains once for several tests): forgotten whenever the harness is
    pointed at other learner files or another sandbox, so one learner's answer never serves
    another's tests, or a closed sandbox's object a new one."""
    cached = functools.cache(function)
    _learner_caches.append(cached)
    return cached


def _forget_learner_caches() -> None:
    for cached in _learner_caches:
        cached.cache_clear()


def with_learner_objects(helper):
    """Marks a test's helper that only combines the learner's objects, such as kata 05's
    builders of graphs with thousands of ``Value`` nodes.

    When grading in a sandbox, a call that is given the learner's objects runs in the learner's
    process, where those objects live: one request instead of one per operation. Its result is
    judged like any answer of the learner's code, and torch's side still runs in the test. The
    helper must be a module-level function of the test file, so that it is found by name.
    """

    @functools.wraps(helper)
    def run(*args, **kwargs):
        if _sandbox is None:
            return helper(*args, **kwargs)
        return _sandbox.run_with_learner_objects(run, args, kwargs)

    run.runs_with_learner_objects = True
    return run


def learner_module(test_file: str, name: str) -> LearnerModule:
    """The learner's ``name``.py for the kata whose test file is ``test_file``."""
    kata_folder = Path(test_file).resolve().parent
    return LearnerModule(kata_folder, name)


def display_path(path: Path) -> str:
    """A path as a learner would type it: relative to where they run pytest when possible.

    Written with "/" on every platform (Windows accepts it too), so that messages, and the
    checks that read them, are the same everywhere.
    """
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


class LearnerModule:
    """Stands in for the learner's module; attribute access loads it and wraps its functions."""

    def __init__(self, kata_folder: Path, name: str):
        self._kata_id = kata_folder.name
        self._kata_folder = kata_folder
        self._name = name

    @property
    def path(self) -> Path:
        root = _source_root / self._kata_id if _source_root is not None else self._kata_folder
        return root / f"{self._name}.py"

    def load(self):
        path = self.path
        if path in _slow_imports:
            raise TimedOut(
                f"{display_path(path)} was not imported again: an earlier import did not finish "
                f"in time (an endless loop at its top level?)"
            )
        if path not in _modules:
            _modules[path] = _import_file(path, self._kata_id, self._name)
        return _modules[path]

    def __getattr__(self, attr: str):
        if attr.startswith("__"):
            raise AttributeError(attr)
        if _sandbox is not None:
            return _sandbox.module_attribute(self._kata_folder, self._name, attr)
        module = self.load()
        try:
            value = getattr(module, attr)
        except AttributeError:
            raise MissingName(
                f"{display_path(self.path)} has no {attr!r}: the tests need it, "
                f"so keep its name and signature as the stub gave them"
            ) from None
        if inspect.isfunction(value):
            return _watched(value, self._kata_id, not _autograd_allowed(self._kata_id))
        return value

    def __repr__(self) -> str:
        return f"<learner module {display_path(self.path)}>"


def _import_file(path: Path, kata_id: str, name: str):
    shown = display_path(path)
    if not path.is_file():
        raise MissingFile(f"{shown} is missing: restore it from the kata's stub")
    digest = hashlib.sha1(str(path).encode()).hexdigest()[:8]
    module_name = f"learner_{kata_id}_{name}_{digest}"
    spec = importlib.util.spec_from_file_location(module_name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    except SyntaxError as error:
        del sys.modules[module_name]
        raise BrokenFile(
            f"{shown} has a syntax error at line {error.lineno}: {error.msg}"
        ) from None
    except BaseException as error:  # the learner's top-level code may raise anything
        del sys.modules[module_name]
        if _time_is_up:  # the test's time limit struck while the file was being imported
            _slow_imports.add(path)
            raise TimedOut(
                f"{shown} did not finish importing in time (an endless loop at its top level?)"
            ) from None
        line = _last_line_in(error, path)
        where = f"{shown}:{line}" if line else shown
        raise BrokenFile(
            f"{where} raised {type(error).__name__} while being imported: {error}"
        ) from None
    return module


def _last_line_in(error: BaseException, path: Path) -> int | None:
    frames = [f for f in traceback.extract_tb(error.__traceback__) if Path(f.filename) == path]
    return frames[-1].lineno if frames else None


# --- "write it by hand": torch autograd is off limits inside a kata function -----------------

_guarded_call: list[str] = []  # the learner function being run, if any


@functools.cache
def _autograd_allowed(kata_id: str) -> bool:
    from harness import manifest

    try:
        return manifest.by_id(kata_id).autograd
    except (KeyError, OSError):
        return False


# Learner functions that ran out of time once: later calls fail at once, so an endless loop
# costs one test's time limit, not every test's. Each maps to where it was stuck, if known.
_timed_out: dict[tuple[str, str], str] = {}  # (kata, function name): " at FILE:LINE  ->  code"
# Whether the current test's time limit has been reached (set by the plugin's alarm handler).
_time_is_up = False


class TimedOut(AssertionError):
    """A learner's function did not finish within the test's time limit."""

    kind = outcomes.TIMED_OUT


def start_test_clock() -> None:
    """A test's time limit starts: its time is not up yet."""
    global _time_is_up
    _time_is_up = False


def time_is_up() -> None:
    """The test's time limit was reached; whatever is running is about to be interrupted."""
    global _time_is_up
    _time_is_up = True


def ran_out_of_time() -> bool:
    return _time_is_up


def _watched(function, kata_id: str, forbid_autograd: bool):
    """``function`` run with the autograd tripwire (if asked) and the memory of time-outs."""
    if forbid_autograd:
        _install_autograd_tripwire()
    name = function.__name__

    @functools.wraps(function)
    def watched(*args, **kwargs):
        if (kata_id, name) in _timed_out:
            raise TimedOut(
                f"{name} was not run again: an earlier call did not finish in time "
                f"(an infinite loop?){_timed_out[kata_id, name]}"
            )
        if forbid_autograd:
            _guarded_call.append(name)
        try:
            return function(*args, **kwargs)
        except TimedOut:
            raise  # a learner function called from this one ran out of time: already said
        except BaseException as error:
            if _time_is_up:  # the test's time limit interrupted this call
                _timed_out[kata_id, name] = _stuck_at(error)
                raise TimedOut(
                    f"{name} did not finish in time (an infinite loop?){_timed_out[kata_id, name]}"
                ) from None
            raise
        finally:
            if forbid_autograd:
                _guarded_call.pop()

    return watched


def _stuck_at(interruption: BaseException) -> str:
    """Where the learner's code was when its time ran out: " at FILE:LINE  ->  code", or ""."""
    origin = learner_origin(interruption)
    if origin is None:
        return ""
    _, path, line, source = origin
    return f" at {path}:{line}" + (f"  ->  {source}" if source else "")


_tripwire_installed = False


def _install_autograd_tripwire() -> None:
    global _tripwire_installed
    if _tripwire_installed:
        return
    import torch.autograd

    def tripwire(original, what):
        @functools.wraps(original)
        def checked(*args, **kwargs):
            if _guarded_call:
                raise AutogradNotAllowed(
                    f"{_guarded_call[-1]} called torch's {what}: this kata is written by hand "
                    f"in NumPy, and torch is only the judge. Work out the derivative yourself."
                )
            return original(*args, **kwargs)

        return checked

    torch.autograd.backward = tripwire(torch.autograd.backward, "autograd (backward)")
    torch.autograd.grad = tripwire(torch.autograd.grad, "autograd (torch.autograd.grad)")
    _tripwire_installed = True


# --- where in the learner's code an exception came from --------------------------------------


def learner_origin(error: BaseException) -> tuple[str, str, int, str] | None:
    """(function, file, line, source line) of the innermost learner frame that raised ``error``.

    An exception rebuilt from the grading sandbox carries its origin as an attribute.
    """
    origin = getattr(error, "learner_origin", None)
    if origin is not None:
        return origin
    tb = error.__traceback__
    found = None
    while tb is not None:
        frame = tb.tb_frame
        if str(frame.f_globals.get("__name__", "")).startswith("learner_"):
            found = (frame.f_code.co_name, tb.tb_lineno, frame.f_code.co_filename)
        tb = tb.tb_next
    if found is None:
        return None
    function, line, filename = found
    source = traceback.FrameSummary(filename, line, function).line or ""
    return function, display_path(Path(filename)), line, source.strip()
