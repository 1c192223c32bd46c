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

One module per job:

- ``framing``: length-prefixed messages on a socket, and a loader of plain data only;
- ``codec``: values as tagged plain data, other objects as handles;
- ``sync``: arguments changed in place, brought back to the judge's copies;
- ``client``: the judge's ``Sandbox`` and the ``RemoteObject`` proxies;
- ``landlock``: the kernel's confinement (Linux): read its own files and Python's, write
  nowhere, connect nowhere;
- ``server``: the locked-down sandbox process (POSIX only; imported when one starts).
"""

from harness.sandbox.client import RemoteObject, Sandbox, SandboxFailure

__all__ = ["RemoteObject", "Sandbox", "SandboxFailure"]
