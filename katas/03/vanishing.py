"""Kata 03: vanishing gradients through a chain of one-unit layers.

A chain of n scalar layers:

    h_0 = x
    a_k = w_k * h_{k-1} + b_k        (the pre-activation of layer k)
    h_k = act(a_k)                   for k = 1, ..., n

x, every w_k and every b_k are plain Python floats; ``weights`` and ``biases`` are sequences of
the same length n. ``activation`` names act: one of "sigmoid", "tanh", "relu".

Write the three functions below with plain Python (the math module) or NumPy, no torch.
Then run ``python katas/03/vanishing.py`` to see the lesson: a table of |dh_k/dx| per depth.
Run the tests with ``pytest katas/03``.
"""

import math  # noqa: F401  (math.exp and math.tanh are all you need)

ACTIVATIONS = ("sigmoid", "tanh", "relu")


def forward_chain(x, weights, biases, activation="tanh"):
    """The outputs of every layer, [h_1, h_2, ..., h_n] (a list of n floats; h_0 = x is not in it).

    h_k = act(w_k * h_{k-1} + b_k), with act chosen by ``activation``:
        sigmoid(a) = 1 / (1 + exp(-a))   (stay finite for large |a|: sigmoid(-1000) is 0.0)
        tanh(a)
        relu(a)    = max(a, 0)

    An empty chain (no weights, no biases) returns [].
    Raise ValueError if ``activation`` is not one of ACTIVATIONS (say which ones are allowed in
    the message), or if ``weights`` and ``biases`` differ in length.
    """
    raise NotImplementedError


def chain_grad(x, weights, biases, activation="tanh"):
    """dh_n/dx, the derivative of the chain's last output with respect to its input, as a float.

    The chain rule multiplies one local factor per layer:

        dh_n/dx = prod_k  act'(a_k) * w_k,      a_k = w_k * h_{k-1} + b_k

    act' is evaluated at the PRE-activation a_k (not at the output h_k):
        sigmoid'(a) = s * (1 - s) with s = sigmoid(a)      (at most 0.25)
        tanh'(a)    = 1 - tanh(a)**2                         (at most 1, at a = 0)
        relu'(a)    = 1 if a > 0 else 0                      (0 at a == 0, as in torch)

    An empty chain is h_n = h_0 = x, so its gradient is 1.0.
    Raise ValueError exactly as forward_chain does.
    """
    raise NotImplementedError


def gradient_by_depth(x, weights, biases, activation="tanh"):
    """How much gradient survives each layer: [|dh_1/dx|, |dh_2/dx|, ..., |dh_n/dx|] (n floats).

    Entry k-1 is the absolute value of the product of the first k local factors
    act'(a_j) * w_j (j = 1..k), i.e. what chain_grad gives for the first k layers.
    An empty chain returns []. Raise ValueError exactly as forward_chain does.
    """
    raise NotImplementedError


def depth_table(depth=12, x=0.5, w=1.0, b=0.1):
    """The lesson as text (already written for you; it calls your gradient_by_depth).

    The same chain for every activation: every w_k = w, every b_k = b. With b > 0 and x > 0 every
    relu unit stays active, so the columns differ only by the activation's derivative.
    """
    weights, biases = [w] * depth, [b] * depth
    columns = {name: gradient_by_depth(x, weights, biases, name) for name in ACTIVATIONS}
    lines = [f"|dh_k/dx| for x = {x}, every w_k = {w}, b_k = {b}"]
    lines.append("depth" + "".join(f"{name:>12}" for name in ACTIVATIONS))
    for k in range(depth):
        lines.append(f"{k + 1:>5}" + "".join(f"{columns[n][k]:>12.3e}" for n in ACTIVATIONS))
    return "\n".join(lines)


if __name__ == "__main__":
    try:
        print(depth_table())
    except NotImplementedError:
        print("Implement gradient_by_depth in katas/03/vanishing.py first, then run this again.")
