"""Kata 09 quiz: softmax and cross-entropy.

Replace each None with your answer, then run:  pytest katas/09/test_quiz.py -rP
(-rP shows the explanation of every answer you got right.)
Numbers are written at the precision the question asks for: "rounded to 4 decimals" accepts the
true value rounded up or down to 4 decimals, or any value closer to it. Choices are one letter
as a string, e.g. "a". Work the numbers out by hand or with your softmax.py.
"""

# Q1. A batch of N = 2 examples and 3 classes. Example 0 has logits [2.0, 1.0, 0.1] and target
# class 0; example 1 has logits [0.5, 0.5, 0.5] and target class 2.
# loss = F.cross_entropy(logits, targets) (reduction="mean"), then loss.backward().
# What is logits.grad[0, 0]? (a number, rounded to 4 decimals)
GRAD_OF_THE_RIGHT_LOGIT = None

# Q2. Why is the gradient of one example's cross-entropy with respect to its logits
# softmax(z) - one_hot(t), where t is the target class?
#   a) the loss is -z[t] + log(sum_k exp(z[k])); the first term gives -1 at t, and the
#      derivative of the log-sum-exp with respect to z[j] is exp(z[j]) / sum_k exp(z[k])
#   b) the softmax's Jacobian is the identity matrix, so the derivative of -log p[t] with
#      respect to p passes through the softmax to z unchanged, entry by entry
#   c) the loss is -log p[t], whose derivative -1 / p[t] is replaced by -1 because the
#      optimiser only needs the direction of the gradient, not its size
#   d) the one-hot target is subtracted afterwards by convention, so that the gradient of a
#      perfectly classified example is zero and training stops on its own
WHY_SOFTMAX_MINUS_ONE_HOT = None

# Q3. Why does a careful softmax subtract each row's max m from its logits first?
#   a) it makes the largest logit 0, so that the largest probability comes out as exactly 1,
#      which is what torch returns for the most likely class
#   b) exp(z - m) = exp(z) / exp(m), and the exp(m) cancels between each term and the sum, so
#      the result is unchanged while no exponent is above 0 and nothing overflows
#   c) it centres every row on zero, which changes the probabilities a little but keeps the
#      loss finite, a trade that torch makes as well
#   d) it rescales every logit into [-1, 0], the only range where np.exp is exact, so that
#      float32 and float64 give the same probabilities
WHY_SUBTRACT_THE_MAX = None

# Q4. A freshly initialised classifier over 10 classes happens to output equal logits for every
# class on every example. What is its cross-entropy loss (reduction="mean", natural log)?
# (a number, rounded to 4 decimals)
LOSS_AT_EQUAL_LOGITS = None

# Q5. With two classes and logits [z0, z1], which is the softmax's probability of class 1?
#   a) sigmoid(z1 - z0)
#   b) sigmoid(z1) / 2
#   c) sigmoid(z1) - sigmoid(z0)
#   d) tanh(z1 - z0)
TWO_CLASS_SOFTMAX = None
