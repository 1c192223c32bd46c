"""Process helpers shared by the engine's forked test runs and the grading sandbox.

Both start children that must never outlive the tool that started them, must not write to its
terminal, and must be described in a few words when they die.
"""

from __future__ import annotations

import os
import signal


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
