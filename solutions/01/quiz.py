"""Kata 01 quiz: answers, and the explanation each right answer prints.

An explanation is a template: the test fills each {field} with the facts torch computes. After
editing one, run `python -m harness.quiz seal 01`.
"""

TANH_GRAD_MAX = 1.0
TANH_GRAD_RANGE = "b"
SIGMOID_GRAD_AT_2 = 0.105
SIX_FACTORS = 0.118
SIGMOID_UNITS_TO_ONE_MILLIONTH = 10
RELU_ZEROES = "b"
RELU_HELPS = "b"
RELU_PRICE = "a"

EXPLANATIONS = {
    "TANH_GRAD_MAX": (
        "tanh'(x) = 1 - tanh(x)**2 is largest where tanh(x) = 0, at x = 0, and there it is "
        "{answer:g}. Every other factor a tanh unit contributes to the chain rule is smaller."
    ),
    "TANH_GRAD_RANGE": (
        "tanh'(x) = 1 - tanh(x)**2, and tanh(x) lies strictly inside (-1, 1): so the derivative "
        "is never negative and never exactly 0 (it only tends to 0 as |x| grows), and its "
        "largest value, 1, is reached at x = 0. Its range is (0, 1]. Multiplying many such "
        "factors can only shrink a gradient."
    ),
    "SIGMOID_GRAD_AT_2": (
        "sigmoid'(2) = s * (1 - s) with s = sigmoid(2): torch gives {answer:.6f}. Already at "
        "x = 2 a sigmoid unit passes back only {answer:.1%} of the gradient it receives."
    ),
    "SIX_FACTORS": (
        "0.7**6 = {answer:.6f}: six units that each keep 0.7 of the gradient keep only about "
        "{answer:.0%} of it together, and twenty of them keep {twenty:.2%}. That shrinking is the "
        "vanishing gradient."
    ),
    "SIGMOID_UNITS_TO_ONE_MILLIONTH": (
        "{best:g}**{answer} = {low:.3g} < 1e-6 < {best:g}**{before} = {high:.3g}: even in "
        "sigmoid's best case, {answer} layers cut the gradient a millionfold "
        "(log(1e-6) / log({best:g}) = {ratio:.2f})."
    ),
    "RELU_ZEROES": (
        "ReLU zeroes negative PRE-ACTIVATIONS z = w*x + b: it outputs max(0, z), and it never "
        "touches the weights or the input. Here z = -3x + 1 <= 0 exactly for x >= 1/3: torch "
        "gives {at_minus_1:g} at x = -1, {at_0:g} at x = 0 and {at_1:g} at x = 1. The negative "
        "weight does not silence the unit (a negative input makes w*x positive), and the bias "
        "counts: z, not w*x, decides."
    ),
    "RELU_HELPS": (
        "relu'(z) = 1 for every z > 0, so an active unit passes the gradient back unchanged, "
        "while tanh' is below 1 away from 0 and sigmoid' is at most {sigmoid_max:g}: their "
        "products shrink with depth."
    ),
    "RELU_PRICE": (
        "Dead units: where z < 0, ReLU's derivative is 0, so a unit whose pre-activation is "
        "negative for every input gets no gradient from the data and stops learning from it "
        "(weight decay can still shrink its weights, and layers before it that change its "
        "inputs can bring it back). Leaky ReLU's small negative_slope keeps a trickle of "
        "gradient flowing."
    ),
}
