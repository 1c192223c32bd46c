"""Quiz 03: the seed notes' forward pass, done with the true numbers.

The notes this course grew from work through this chain:

    x = 10 -> a_1 = 0.3 * x + 0.3 -> h_1 = tanh(a_1) -> a_2 = 0.3 * h_1 + 0.3 -> h_2 = tanh(a_2)

and write "(10) -> (3.3) -> (0.8) -> (0.54) -> (0.4)". Those numbers are rounded guesses.
Work out the true ones. Replace each None below, then run `pytest katas/03/test_quiz.py -rP`.
Numbers: written at the precision the question asks for ("rounded to 5 significant digits"
accepts the true value rounded up or down to 5 significant digits, or any value closer to it);
you may compute them here in Python, e.g. with math.tanh or with your own forward_chain.
Choices: a single letter as a string, e.g. "c".
"""

# Q1. What is h_1, the output of the first tanh, for x = 10? (The notes say 0.8.)
# (a number, rounded to 5 significant digits)
H_1 = None

# Q2. What is h_2, the output of the second tanh? (The notes say 0.4.)
# (a number, rounded to 5 significant digits)
H_2 = None

# Q3. What is dh_2/dx, the gradient of the output with respect to x, at x = 10?
#     Chain rule: multiply one factor tanh'(a_k) * w_k per layer, where
#     tanh'(a) = 1 - tanh(a)**2 is evaluated at the pre-activation a_k, not at h_k.
# (a number, rounded to 4 significant digits)
DH2_DX = None

# Q4. Your DH2_DX is tiny. Why?
#   a) The weights are small: 0.3 * 0.3 = 0.09, and that alone explains it.
#   b) Saturation: a_1 = 3.3 lies on tanh's flat tail, so tanh'(a_1) is tiny, and that single
#      factor crushes the whole product.
#   c) tanh's derivative is always about 0.8, and 0.8 * 0.8 is small.
#   d) A large input x always gives a small gradient, whatever the activation.
WHY_SO_SMALL = None

# Q5. Run `python katas/03/vanishing.py` (after implementing it): the same chain, every
#     w_k = 1 and b_k = 0.1, with each activation. Which gradient dies fastest with depth, and why?
#   a) tanh, because its output is squeezed into (-1, 1), so each layer passes on less of the
#      signal than it received.
#   b) sigmoid, because sigmoid'(a) = s * (1 - s) is at most 0.25, so each layer multiplies the
#      gradient by at most 0.25 * |w_k|.
#   c) relu, because it removes the negative weights, and with them most of the paths the
#      gradient could take.
#   d) sigmoid, because its output is always positive, so all the gradients of one layer share
#      a sign.
FASTEST_TO_VANISH = None

# Q6. In a relu chain, for one input x, one pre-activation a_k = w_k * h_{k-1} + b_k comes out
#     negative. What is dh_n/dx for that input?
#   a) Exactly 0: relu'(a_k) = 0 there, so one factor of the chain-rule product is 0.
#   b) Unchanged: relu only removes negative weights, and w_k may be positive.
#   c) The same size with the opposite sign.
#   d) Small but not 0, like the gradient through a saturated tanh unit.
RELU_NEGATIVE_PREACTIVATION = None
