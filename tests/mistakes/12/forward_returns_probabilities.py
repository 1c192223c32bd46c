"""forward ends with a softmax, so it returns probabilities instead of logits."""

TARGET = "capstone.py"
CAUGHT_BY = "forward returned probabilities"


def forward(params, x):
    W1, b1, W2, b2 = params
    h = activations.relu(linear.linear_forward(x, W1, b1))
    return softmax.softmax(linear.linear_forward(h, W2, b2))
