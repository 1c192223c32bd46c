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
#   a) The weights are small: w_1 * w_2 = 0.3 * 0.3 = 0.09, and those two factors of 0.3
#      alone are what makes the whole product tiny.
#   b) Saturation: a_1 = 3.3 lies on tanh's flat tail, so tanh'(a_1) is tiny, and that single
#      factor crushes the whole product.
#   c) tanh's derivative is about 0.8 everywhere, as the notes say, and the four factors
#      0.8 * 0.3 * 0.8 * 0.3 multiply to something tiny.
#   d) The input is large: x = 10 makes the gradient small whatever the activation, since a
#      chain's gradient shrinks like 1 / x as its input grows.
WHY_SO_SMALL = None

# Q5. Run `python katas/03/vanishing.py` (after implementing it). It prints |dh_k/dx| after
#     each layer k = 1, ..., 12 of one chain, x = 0.5 with every w_k = 1 and every b_k = 0.1,
#     once per activation. Which gradient dies fastest with depth, and why?
#   a) tanh, because tanh(a) is squeezed into (-1, 1), so every output h_k is below 1 and the
#      product of the outputs h_1 * h_2 * ... * h_k shrinks with every layer.
#   b) sigmoid, because sigmoid'(a) = s * (1 - s) is at most 0.25, so each layer multiplies the
#      gradient by at most 0.25 * |w_k|.
#   c) relu, because relu'(a) is 0 for half of all inputs, so on average each layer multiplies
#      the gradient by 0.5 * |w_k|.
#   d) sigmoid, because sigmoid(a) = 1 / (1 + exp(-a)) is below 1, so each output h_k is
#      smaller than the one before and the signal fades away layer by layer.
FASTEST_TO_VANISH = None

# Q6. A relu chain of three layers, at x = 2.0:
#         w_1 = 1.5, b_1 = 0.1;    w_2 = -0.5, b_2 = 0.2;    w_3 = 2.0, b_3 = 0.3
#     What is dh_3/dx?
#   a) 0, exactly: one of the three factors relu'(a_k) * w_k is 0.
#   b) -1.5 = w_1 * w_2 * w_3: each unit passes the gradient on, times its weight.
#   c) 3.0 = w_1 * w_3: relu drops the layer with the negative weight, w_2.
#   d) About 1e-3: small but not 0, like the gradient through a saturated tanh unit.
RELU_NEGATIVE_PREACTIVATION = None
