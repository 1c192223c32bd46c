"""Process helpers shared by the engine's test runs (forked or spawned) and the grading sandbox.

All of them start children that must never outlive the tool that started them, must not write
to its terminal, and must be described in a few words when they die. The helpers for spawned
children work on Windows, macOS and Linux alike.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading


def die_with_parent() -> None:
    """Ask Linux to kill this process when its parent dies, so no child outlives its tool."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # not Linux: the parent's timeouts still apply


def silence_stdio() -> None:
    """Point stdin, stdout and stderr at /dev/null: a child's output never reaches the tool's."""
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    os.close(devnull)


def kill(pid: int) -> None:
    """SIGKILL ``pid`` (a negative number: its process group), if it still exists."""
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def was_killed(wait_status: int) -> bool:
    """True when the child ended by SIGKILL: our own kill, or the kernel out of memory."""
    return os.WIFSIGNALED(wait_status) and os.WTERMSIG(wait_status) == signal.SIGKILL


def signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


def describe_death(wait_status: int) -> str:
    """How a test run's child ended early, in a few words ("crashed (SIGSEGV)")."""
    if was_killed(wait_status):
        return "were killed (SIGKILL: out of memory?)"
    if os.WIFSIGNALED(wait_status):
        return f"crashed ({signal_name(os.WTERMSIG(wait_status))})"
    return f"exited early with code {os.WEXITSTATUS(wait_status)}"


def describe_stop(wait_status: int) -> str:
    """How a sandbox process ended, for a message about the call that ended it."""
    if os.WIFSIGNALED(wait_status) and not was_killed(wait_status):
        return f"it crashed ({signal_name(os.WTERMSIG(wait_status))})"
    if os.WIFEXITED(wait_status):
        return f"it exited with code {os.WEXITSTATUS(wait_status)}"
    return "it was stopped"


# --- spawned children (every platform) -----------------------------------------------------


def spawn_python(program: str) -> subprocess.Popen:
    """``python -c program`` with pipes to its stdin and stdout, in a process group of its own.

    Its own group: a Ctrl-C in the terminal reaches the tool, which decides, and on POSIX
    ``end`` can stop whatever the child started along with it.
    """
    if os.name == "nt":
        options = {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP}
    else:
        options = {"start_new_session": True}
    return subprocess.Popen(
        [sys.executable, "-c", program], stdin=subprocess.PIPE, stdout=subprocess.PIPE, **options
    )


def end(process: subprocess.Popen) -> None:
    """Stop ``process`` at once, with its process group where there is one, and reap it."""
    killpg = getattr(os, "killpg", None)
    if killpg is not None and hasattr(signal, "SIGKILL"):
        try:
            killpg(process.pid, signal.SIGKILL)  # the child and anything it left running
        except (ProcessLookupError, PermissionError):
            pass  # it ended, and nothing it started is left
    elif process.poll() is None:
        process.terminate()  # Windows: TerminateProcess, as final as SIGKILL
    process.wait()
    for pipe in (process.stdin, process.stdout):
        try:
            pipe.close()
        except (OSError, AttributeError):
            pass


def end_when_parent_goes(pipe) -> None:
    """End this process once ``pipe`` from its parent closes: the parent ended or gave up.

    Linux has ``die_with_parent`` for this; a pipe works on every platform.
    """

    def wait() -> None:
        while pipe.read(1):
            pass
        os._exit(1)

    threading.Thread(target=wait, daemon=True).start()


def describe_exit(returncode: int | None) -> str:
    """How a spawned child ended early, in the words ``describe_death`` uses for a forked one."""
    if returncode is None:
        return "were stopped"
    if returncode < 0:  # POSIX: killed by a signal
        if -returncode == getattr(signal, "SIGKILL", 9):
            return "were killed (SIGKILL: out of memory?)"
        return f"crashed ({signal_name(-returncode)})"
    if os.name == "nt" and returncode >= 0xC0000000:  # a Windows exception, such as 0xC0000005
        return f"crashed (Windows error 0x{returncode:08X})"
    return f"exited early with code {returncode}"


def posix_missing() -> str | None:
    """What this platform lacks for the instructor's batch grader (fork, resource limits), or None.

    The grader judges each student in a child forked from a warm worker and locks the student's
    code in a sandbox with POSIX resource limits; the learner's commands need neither.
    """
    try:
        import resource  # noqa: F401
    except ImportError:
        return "POSIX resource limits (the resource module)"
    return None if hasattr(os, "fork") else "os.fork"


def exit_unless_posix(command: str) -> None:
    """Say in one line that ``command`` needs Linux or macOS, and exit with status 2, if so."""
    missing = posix_missing()
    if missing is not None:
        print(
            f"{command}: batch grading runs on Linux or macOS only (this platform lacks "
            f"{missing}); the learner's commands work here",
            file=sys.stderr,
        )
        raise SystemExit(2)
