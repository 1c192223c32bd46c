"""Kata 09 quiz: softmax and cross-entropy (reference answers).

Each right answer prints its explanation, a template whose {fields} the test fills with the
facts torch computes. After editing one, run `python -m harness.quiz seal 09`.
"""

GRAD_OF_THE_RIGHT_LOGIT = -0.1705  # (softmax([2, 1, 0.1])[0] - 1) / 2
WHY_SOFTMAX_MINUS_ONE_HOT = "a"
WHY_SUBTRACT_THE_MAX = "b"
LOSS_AT_EQUAL_LOGITS = 2.3026  # log(10)
TWO_CLASS_SOFTMAX = "a"

EXPLANATIONS = {
    "GRAD_OF_THE_RIGHT_LOGIT": (
        "softmax([2.0, 1.0, 0.1]) = [{p0:.4f}, {p1:.4f}, {p2:.4f}]. Example 0's gradient is "
        "softmax minus the one-hot target, [{p0:.4f} - 1, {p1:.4f}, {p2:.4f}], and the mean "
        "over N = 2 examples divides it by 2: {answer:.4f}. The right class's logit is pushed up "
        "(a negative gradient), the others down, and the row adds up to {row_sum:g}."
    ),
    "WHY_SOFTMAX_MINUS_ONE_HOT": (
        "-log softmax(z)[t] = -z[t] + log(sum_k exp(z[k])). The first term depends on z[t] "
        "only, with derivative -1: that is the one-hot. The derivative of log(sum_k exp(z[k])) "
        "with respect to z[j] is exp(z[j]) / sum_k exp(z[k]), which is softmax(z)[j]. "
        "Torch's autograd agrees: for logits [2.0, 1.0, 0.1] and target 0 it gives "
        "[{g0:.4f}, {g1:.4f}, {g2:.4f}]. A mean over N examples divides every row by N."
    ),
    "WHY_SUBTRACT_THE_MAX": (
        "Adding a constant to every logit of a row multiplies each exp and their sum by the "
        "same factor, which cancels: softmax([1000, 999]) = softmax([1, 0]) = "
        "[{shifted0:.4f}, {shifted1:.4f}]. Computed naively, exp(1000) is {naive} in float64. "
        "After subtracting the max the largest exponent is exp(0) = 1, so nothing overflows, "
        "and the sum is at least 1, so it is never 0."
    ),
    "LOSS_AT_EQUAL_LOGITS": (
        "Equal logits give every class the probability 1/C, so each example's loss is "
        "-log(1/C) = log C = log 10 = {answer:.4f}. It is a handy sanity check: the first loss "
        "of a classifier with C classes should be close to log C; a much larger one means the "
        "initial logits are far too large."
    ),
    "TWO_CLASS_SOFTMAX": (
        "exp(z1) / (exp(z0) + exp(z1)) = 1 / (1 + exp(-(z1 - z0))) = sigmoid(z1 - z0): only the "
        "difference of the logits counts. For logits [{z0:g}, {z1:g}], torch's softmax gives "
        "{softmax1:.4f} for class 1 and sigmoid({z1:g} - {z0:g}) = {sigmoid:.4f}. A binary "
        "classifier with one output and a sigmoid is a two-class softmax with z0 fixed at 0."
    ),
}
