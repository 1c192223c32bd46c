"""forward_chain returns [h_0, h_1, ..., h_n], with the input x in front."""

TARGET = "vanishing.py"
CAUGHT_BY = "leave h_0 = x out"


def forward_chain(x, weights, biases, activation="tanh"):
    _check(weights, biases, activation)
    hs = [float(x)]
    for w, b in zip(weights, biases, strict=True):
        hs.append(_act(activation, w * hs[-1] + b))
    return hs
