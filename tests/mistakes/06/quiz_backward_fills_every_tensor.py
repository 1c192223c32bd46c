"""backward() taken to fill the .grad of every tensor of the graph, not only the leaves."""

TARGET = "quiz.py"
CAUGHT_BY = "BACKWARD_COMPUTES"

BACKWARD_COMPUTES = "c"
