"""Every limit the harness and the grader enforce, in one place.

Messages, ``--help`` texts and defaults read these names; no other module writes the numbers.
"""

from __future__ import annotations

# Time.
SECONDS_PER_TEST = 10  # one kata test; a correct one takes a small fraction of that
SECONDS_PER_KATA = 60  # one kata's tests in the learner's grader: enough for any correct code
SECONDS_PER_SUBMISSION = 300  # every kata of one student's submission, in the batch grader
SECONDS_PER_TRAINING_PICTURE = 40  # a learner's whole capstone training, drawn by `plot 12`
SECONDS_FOR_DOT = 15  # Graphviz's layout of one small graph, when `plot 05 --graphviz` asks
# A sandboxed call gives up just inside the test's limit, so its clearer message wins the race.
SANDBOX_SHARE_OF_TEST = 0.9
# Without SIGALRM a test is interrupted from a timer thread, which cannot stop one long C call:
# a test still running after its limit plus this share of it more ends the pytest process.
UNINTERRUPTIBLE_GRACE = 1.0

# Text.
MESSAGE_LIMIT = 2000  # characters of a failure message kept per test
WARNING_LIMIT = 500  # characters of one warning the learner's code raised in the sandbox
WARNINGS_KEPT = 20  # warnings of one sandboxed call that are passed on to the test
STATUS_NOTE_LIMIT = 120  # characters of one kata's problem in the gradebook's status column

# The grading sandbox.
SANDBOX_MEMORY = 2 * 1024**3  # bytes it may allocate beyond what it starts with
SANDBOX_OUTPUT_FILE = 0  # bytes of file it may write: graded code writes no files

# Submissions.
SUBMITTED_FILE_BYTES = 1_000_000  # a kata file is a few kilobytes; anything larger is not one
