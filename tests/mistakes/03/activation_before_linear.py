"""Each layer applies the activation first and the linear step after: h_k = w_k*act(h_{k-1}) + b_k."""

TARGET = "vanishing.py"
CAUGHT_BY = "first the linear step"


def forward_chain(x, weights, biases, activation="tanh"):
    _check(weights, biases, activation)
    h, hs = float(x), []
    for w, b in zip(weights, biases, strict=True):
        h = w * _act(activation, h) + b
        hs.append(h)
    return hs
