"""forward leaves out the second layer's bias."""

TARGET = "capstone.py"
CAUGHT_BY = "then linear_forward(h, W2, b2)"


def forward(params, x):
    W1, b1, W2, b2 = params
    h = activations.relu(linear.linear_forward(x, W1, b1))
    return linear.linear_forward(h, W2, None)
