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

from harness.learner import LearnerModule
from harness.manifest import KATAS_DIR


def earlier_kata(kata_id: str, name: str) -> LearnerModule:
    """The learner's ``name``.py of kata ``kata_id`` ("04"), from this run's kata files."""
    return LearnerModule(KATAS_DIR / kata_id, name)
