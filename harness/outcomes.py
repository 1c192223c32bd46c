"""The kinds of test result, decided where the result happened and never read from its message.

The plugin decides a failure's kind from the exception that caused it, the engine sends it with
each result, and scoring, the learner's report, the JSON output and the gradebook read it.
"""

from __future__ import annotations

PASSED = "passed"
FAILED = "failed"  # a wrong answer, or an exception from the learner's code
NOT_IMPLEMENTED = "not_implemented"  # the learner's function still raises NotImplementedError
TIMED_OUT = "timed_out"  # the learner's code ran past its time (or was not run again after)
CRASHED = "crashed"  # the learner's code ended the process it ran in
BROKEN_FILE = "broken_file"  # the learner's file has a syntax error or raised while imported
MISSING_FILE = "missing_file"  # the learner's file is not there
MISSING_NAME = "missing_name"  # the learner's file lacks a function or class the tests need
AUTOGRAD_USED = "autograd_used"  # a function written by hand called torch autograd
NOT_RUN = "not_run"  # collected, but the run ended before it reported
COLLECT_ERROR = "collect_error"  # a test file that could not be collected
# Graded code reached for a file, folder or connection the grading sandbox refuses it
REFUSED_ACCESS = "refused_access"

KINDS = (
    PASSED,
    FAILED,
    NOT_IMPLEMENTED,
    TIMED_OUT,
    CRASHED,
    BROKEN_FILE,
    MISSING_FILE,
    MISSING_NAME,
    AUTOGRAD_USED,
    NOT_RUN,
    COLLECT_ERROR,
    REFUSED_ACCESS,
)

# Failures that concern a kata as a whole (its file, or its process), not one answer.
WHOLE_KATA = frozenset(
    {
        TIMED_OUT,
        CRASHED,
        BROKEN_FILE,
        MISSING_FILE,
        MISSING_NAME,
        NOT_RUN,
        COLLECT_ERROR,
        REFUSED_ACCESS,
    }
)
# Of those, the ones about a learner file (the submission's status names missing files itself).
FILE_PROBLEMS = frozenset({BROKEN_FILE, MISSING_FILE, MISSING_NAME})
