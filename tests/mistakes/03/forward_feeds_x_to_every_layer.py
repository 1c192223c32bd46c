"""Every layer gets x as its input instead of the previous layer's output."""

TARGET = "vanishing.py"
CAUGHT_BY = "h_k is the input of layer k+1"


def forward_chain(x, weights, biases, activation="tanh"):
    _check(weights, biases, activation)
    return [_act(activation, w * x + b) for w, b in zip(weights, biases, strict=True)]
