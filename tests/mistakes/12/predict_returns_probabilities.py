"""predict returns each image's probabilities instead of its label."""

TARGET = "capstone.py"
CAUGHT_BY = "predict returns labels, not logits or probabilities"


def predict(params, x):
    return softmax.softmax(forward(params, x))
