"""Linux Landlock through ctypes: a process gives up every file and network access but a few.

Once ``confine`` has run, the process (and whatever it starts) may read and execute files only
under the folders it was given, write nowhere, and, where the kernel's Landlock ABI is 4 or
later, open no TCP connection and bind no TCP port. Nothing the process does afterwards can
lift it. Landlock needs Linux 5.13 or later; ``missing_protection`` says what is lost without.

The kernel's interface, from ``include/uapi/linux/landlock.h``: three system calls, whose
numbers are the same on every architecture, and a ruleset that lists the accesses it handles
(everything not granted by a rule is then refused).
"""

from __future__ import annotations

import ctypes
import errno
import os
import sys
from collections.abc import Iterable

_CREATE_RULESET, _ADD_RULE, _RESTRICT_SELF = 444, 445, 446
_ASK_VERSION = 1  # LANDLOCK_CREATE_RULESET_VERSION
_RULE_PATH_BENEATH = 1
_PR_SET_NO_NEW_PRIVS = 38

# Filesystem rights, by the ABI version that introduced them.
EXECUTE, WRITE_FILE, READ_FILE, READ_DIR = 1 << 0, 1 << 1, 1 << 2, 1 << 3
_FS_RIGHTS_BY_ABI = {1: (1 << 13) - 1, 2: (1 << 14) - 1, 3: (1 << 15) - 1, 5: (1 << 16) - 1}
# Rights that make sense on a file (not a folder): a rule for a file may grant only these.
_FILE_RIGHTS = EXECUTE | WRITE_FILE | READ_FILE | (1 << 14) | (1 << 15)
_NETWORK_ABI = 4  # TCP bind and connect
_NET_BIND_TCP, _NET_CONNECT_TCP = 1 << 0, 1 << 1
_SCOPE_ABI = 6  # abstract unix sockets and signals, to processes outside the sandbox
_SCOPE_ABSTRACT_UNIX_SOCKET, _SCOPE_SIGNAL = 1 << 0, 1 << 1

READ = EXECUTE | READ_FILE | READ_DIR  # what a rule grants: read, list and run, never write

# For tests of the grader only: "landlock" skips Landlock, as on a kernel without it; "refuse"
# makes every ruleset fail, as on a kernel that offers Landlock but refuses it (a container's
# seccomp filter can); "all" also skips the audit hook's file and network checks. Graded code
# cannot reach the judge's environment, so it cannot set this for itself.
TEST_SWITCH = "_KATA_TEST_UNCONFINED"
_PROBE_FAILED = 255  # refused_here's trial ended without an answer from the kernel (no errno)


class _RulesetAttr(ctypes.Structure):
    _fields_ = [
        ("handled_access_fs", ctypes.c_uint64),
        ("handled_access_net", ctypes.c_uint64),
        ("scoped", ctypes.c_uint64),
    ]


class _PathBeneathAttr(ctypes.Structure):
    _pack_ = 1  # packed in the kernel's header
    _fields_ = [("allowed_access", ctypes.c_uint64), ("parent_fd", ctypes.c_int32)]


def _libc():
    libc = ctypes.CDLL(None, use_errno=True)
    libc.syscall.restype = ctypes.c_long
    return libc


def abi_version() -> int:
    """The kernel's Landlock ABI version: 0 where there is none (not Linux, too old, disabled)."""
    if not sys.platform.startswith("linux") or switched_off("landlock"):
        return 0
    try:
        version = _libc().syscall(_CREATE_RULESET, None, ctypes.c_size_t(0), _ASK_VERSION)
    except (OSError, AttributeError):
        return 0
    return max(int(version), 0)


def switched_off(layer: str) -> bool:
    """True when the grader's tests turned ``layer`` ("landlock" or "hook") off."""
    value = os.environ.get(TEST_SWITCH, "")
    return value == "all" or value == layer


def missing_protection() -> str | None:
    """One line naming what graded code is not kept from on this machine, or None."""
    version = abi_version()
    if version < 1:
        return (
            "Landlock is not available (it needs Linux 5.13 or later): graded code is kept "
            "from files and the network only by an audit hook, which code in C gets around"
        )
    if (refusal := refused_here()) is not None:
        return (
            f"the kernel refuses a Landlock ruleset here ({refusal}; a container's seccomp "
            "filter can do this): graded code is kept from files and the network only by an "
            "audit hook, which code in C gets around"
        )
    if version < _NETWORK_ABI:
        return (
            f"this kernel's Landlock (ABI {version}) cannot refuse network connections: graded "
            "code is kept from the network only by an audit hook"
        )
    return None


def refused_here() -> str | None:
    """Why the kernel refuses a Landlock ruleset, tried in a throwaway child, or None.

    A kernel can report a Landlock ABI and still refuse the calls that apply one.
    """
    child = os.fork()
    if child == 0:
        code = _PROBE_FAILED  # until confine says otherwise
        try:
            confine([sys.prefix])
            code = 0
        except OSError as error:
            code = error.errno or _PROBE_FAILED
        finally:
            os._exit(code)
    code = os.waitstatus_to_exitcode(os.waitpid(child, 0)[1])
    if code == 0:
        return None
    if 0 < code < _PROBE_FAILED:
        return os.strerror(code)  # the kernel's refusal, by its errno
    return "the trial process failed before Landlock answered"


def confine(readable: Iterable[str]) -> int:
    """Let this process read only under ``readable`` (folders or files), write nowhere, and
    open no TCP connection. Returns the ABI version used; 0 means nothing was applied.

    Paths that do not exist are skipped. Raises OSError if the kernel refuses the ruleset.
    """
    version = abi_version()
    if version < 1:
        return 0
    if os.environ.get(TEST_SWITCH) == "refuse":
        raise OSError(errno.EPERM, f"Landlock: {os.strerror(errno.EPERM)}")
    libc = _libc()
    handled_fs = _FS_RIGHTS_BY_ABI[max(v for v in _FS_RIGHTS_BY_ABI if v <= version)]
    attr = _RulesetAttr(handled_fs, 0, 0)
    size = 8
    if version >= _NETWORK_ABI:
        attr.handled_access_net, size = _NET_BIND_TCP | _NET_CONNECT_TCP, 16
    if version >= _SCOPE_ABI:
        attr.scoped, size = _SCOPE_ABSTRACT_UNIX_SOCKET | _SCOPE_SIGNAL, 24
    ruleset = _checked(libc.syscall(_CREATE_RULESET, ctypes.byref(attr), ctypes.c_size_t(size), 0))
    try:
        for path in dict.fromkeys(readable):  # once each, in order
            _allow(libc, ruleset, path)
        # Required of an unprivileged process; it also keeps setuid programs from gaining rights.
        _checked(libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0))
        _checked(libc.syscall(_RESTRICT_SELF, ruleset, 0))
    finally:
        os.close(ruleset)
    return version


def _allow(libc, ruleset: int, path: str) -> None:
    try:
        fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
    except OSError:
        return  # not there: nothing to grant
    try:
        rights = READ if os.path.isdir(path) else READ & _FILE_RIGHTS
        rule = _PathBeneathAttr(rights, fd)
        _checked(libc.syscall(_ADD_RULE, ruleset, _RULE_PATH_BENEATH, ctypes.byref(rule), 0))
    finally:
        os.close(fd)


def _checked(result: int) -> int:
    if result < 0:
        error = ctypes.get_errno()
        raise OSError(error, f"Landlock: {os.strerror(error)}")
    return result
