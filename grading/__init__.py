"""The grader behind ``grader.py``: run the kata tests, score them, and show the result.

- ``runner``: runs kata tests through ``harness.engine`` with the learner's time limits.
- ``scoring``: turns test results into per-kata scores (no output; the instructor's grader
  reuses it).
- ``progress``: the learner's table, kata report and JSON form.
- ``hints``: progressive hints from the manifest, remembered in a small state file.
- ``watch``: re-runs the kata being worked on whenever a file under ``katas/`` is saved.
"""
