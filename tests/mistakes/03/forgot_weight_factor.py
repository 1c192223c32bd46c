"""The chain rule without the weights: prod act'(a_k) instead of prod act'(a_k) * w_k."""

TARGET = "vanishing.py"
CAUGHT_BY = "left out the weights"


def _local_grads(x, weights, biases, activation):
    h = float(x)
    factors = []
    for w, b in zip(weights, biases, strict=True):
        a = w * h + b
        factors.append(_act_grad(activation, a))
        h = _act(activation, a)
    return factors
