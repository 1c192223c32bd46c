"""step() taken to read .grad alone, forgetting the momentum buffer it keeps between steps."""

TARGET = "quiz.py"
CAUGHT_BY = "STEP_READS"

STEP_READS = "b"
