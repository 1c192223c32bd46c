"""The learner's own earlier katas, for a kata that builds on them (the capstone, kata 12).

A learner's file reaches an earlier kata's module through here, never by importing it:

    from harness.earlier import earlier_kata

    linear = earlier_kata("04", "linear")  # your katas/04/linear.py
    y = linear.linear_forward(x, W, b)

The module comes from wherever the kata files come from in this run: the learner's own
``katas/NN/`` by default, ``solutions/NN/`` under ``--solutions``, a submission's ``NN/`` when
grading (``--kata-source``), inside the grading sandbox as well. So a capstone is judged with the
learner's own parts, and the reference capstone with the reference parts. The module is loaded
on first use, and a missing, broken or unfinished earlier kata fails the test with the short
message that kata's own tests would give.
"""

from __future__ import annotations

from harness import learner
from harness.manifest import KATAS_DIR


class EarlierKata(learner.LearnerModule):
    """A learner's module whose names are looked up once for each source of kata files.

    A training loop calls these functions thousands of times; looking each one up again (the
    file's path, the loaded module, the watched wrapper) would take as long as the training.
    """

    def __init__(self, kata_folder, name: str):
        super().__init__(kata_folder, name)
        self._found: dict[tuple, object] = {}

    def __getattr__(self, attr: str):
        if attr.startswith("__") or attr == "_found":  # _found: while being built, or copied
            raise AttributeError(attr)
        key = (learner._source_root, attr)
        if key not in self._found:
            self._found[key] = super().__getattr__(attr)
        return self._found[key]


def earlier_kata(kata_id: str, name: str) -> EarlierKata:
    """The learner's ``name``.py of kata ``kata_id`` ("04"), from this run's kata files."""
    return EarlierKata(KATAS_DIR / kata_id, name)
