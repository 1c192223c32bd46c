"""Kata 07 quiz: the optimizer step, and the training loop around it.

Reference answers.
"""

# Q1. A model has one parameter w = 2.0. After loss.backward(), w.grad = 0.5.
# optimizer = torch.optim.SGD([w], lr=0.1, momentum=0.9, dampening=0.5, weight_decay=0.1)
# What is w after ONE optimizer.step()? (a number, at least 4 decimals; work it out by hand
# or with your sgd_step)
W_AFTER_ONE_STEP = 1.93

# Q2. Same optimizer, and the next backward() again leaves w.grad = 0.5 (zero_grad was called
# in between). What is w after the SECOND optimizer.step()? (a number, at least 4 decimals)
W_AFTER_TWO_STEPS = 1.83235

# Q3. What does optimizer.step() read to decide how to change a parameter p?
#   a) the loss value
#   b) p.grad, the gradient that loss.backward() stored on each parameter
#   c) the model's output
#   d) the training batch (x, y)
# Answer with one letter, e.g. "a".
STEP_READS = "b"

# Q4. One call of sgd_step (or of optimizer.step()) is:
#   a) the whole training loop, over every batch and every epoch
#   b) one forward and one backward pass
#   c) one update of every parameter, using gradients that were already computed
#   d) one epoch
STEP_IS = "c"

# Q5. The training loop repeats, for every batch of every epoch:
#   a) step, forward, loss, backward
#   b) forward, backward, loss, step
#   c) backward, forward, step, loss
#   d) forward, loss, backward, step, zero_grad
LOOP_ORDER = "d"
