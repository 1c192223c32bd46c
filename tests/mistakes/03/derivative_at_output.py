"""act' evaluated at the layer's output h_k = act(a_k) instead of at the pre-activation a_k."""

TARGET = "vanishing.py"
CAUGHT_BY = "at the layer's output"


def _local_grads(x, weights, biases, activation):
    h = float(x)
    factors = []
    for w, b in zip(weights, biases, strict=True):
        h = _act(activation, w * h + b)
        factors.append(_act_grad(activation, h) * w)  # tanh'(h) instead of tanh'(a)
    return factors
