"""A warm worker: imports torch and pytest once, then runs one kata-test request per fork.

Where kata runs cannot fork (``engine.forks``), each request spawns a fresh child instead and
the worker only relays.

Run as ``python -m harness.worker``. It reads JSON requests, one a line, on stdin, such as
``{"katas": ["01"], "source": "/path/or/null", "timeout": 60, "extra": ["--sandbox"]}``,
and answers each with one JSON line on stdout: ``engine.Run.to_json()``.
``Worker`` is the client side.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from harness import engine, manifest
from harness.manifest import ROOT


def serve() -> None:
    # torch imports its compiler the first time any optimizer is built; in a worker that
    # serves many runs, pay for that once here rather than in every child.
    if engine.forks():
        import torch._dynamo  # noqa: F401

    engine.warm_up_if_forking(collect=[kata.id for kata in manifest.load()])

    for line in sys.stdin:
        request = json.loads(line)
        source = request.get("source")
        run = engine.run_isolated(
            request["katas"],
            Path(source) if source else None,
            timeout=request.get("timeout"),
            extra=request.get("extra", ()),
        )
        sys.stdout.write(json.dumps(run.to_json()) + "\n")
        sys.stdout.flush()


class Worker:
    """A ``harness.worker`` subprocess to send requests to; use it as a context manager."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "harness.worker"],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            # Its own session: a Ctrl-C in the terminal reaches the tool, which decides.
            start_new_session=True,
        )

    def run(
        self, katas, source: Path | None = None, timeout: float | None = None, extra=()
    ) -> engine.Run:
        source = str(source) if source else None
        request = {"katas": list(katas), "source": source, "timeout": timeout, "extra": list(extra)}
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline()
        if not answer:
            raise RuntimeError("the kata worker stopped unexpectedly")
        return engine.Run.from_json(json.loads(answer))

    def kill(self) -> None:
        """Stop at once, with any run in progress (its forked children are killed with it)."""
        self.process.kill()
        self.process.wait()

    def close(self) -> None:
        try:
            self.process.stdin.close()
            self.process.wait(timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            self.process.kill()

    def __enter__(self) -> Worker:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


if __name__ == "__main__":
    serve()
