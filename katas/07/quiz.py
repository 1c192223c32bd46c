"""Kata 07 quiz: the optimizer step.

Replace each None with your answer, then run:  pytest katas/07/test_quiz.py -rP
(-rP shows the explanation of every answer you got right.)
Numbers are written at the precision the question asks for: "rounded to 4 decimals" accepts the
true value rounded up or down to 4 decimals, or any value closer to it. Choices are one letter
as a string, e.g. "a". Work the numbers out by hand or with your sgd_step.
"""

# Q1. A model has one parameter w = 2.0. After loss.backward(), w.grad = 0.5.
# optimizer = torch.optim.SGD([w], lr=0.1, momentum=0.9, dampening=0.5, weight_decay=0.1)
# What is w after ONE optimizer.step()? (a number, rounded to 4 decimals)
W_AFTER_ONE_STEP = None

# Q2. Same optimizer, and the next backward() again leaves w.grad = 0.5 (zero_grad was called
# in between). What is w after the SECOND optimizer.step()? (a number, rounded to 4 decimals)
W_AFTER_TWO_STEPS = None

# Q3. w = 2.0 and w.grad = 0.0 (the loss is flat there), and
# optimizer = torch.optim.SGD([w], lr=0.1, weight_decay=0.1, maximize=True)
# After one optimizer.step(), where is w? Answer for torch.optim.SGD as the torch this course
# runs implements it (the test asks that torch): it handles maximize and weight decay in the
# order that sgd_step's docstring and the README list. (Older pages of torch's documentation
# wrote that order differently: follow the code.)
#   a) closer to 0 than before
#   b) farther from 0 than before
#   c) still at 2.0
#   d) exactly at 0
MAXIMIZE_WITH_DECAY = None

# Q4. A model has one parameter w = 1.0, and w.grad = 0.5.
# optimizer = torch.optim.SGD([w], lr=0.1, momentum=0.9, nesterov=True)
# What is w after ONE optimizer.step()? (a number, rounded to 4 decimals)
W_AFTER_NESTEROV_STEP = None

# Q5. A training loop calls sgd_step(params, grads, lr=0.1, momentum=0.9) at every step, but
# never passes the returned buffers back in: momentum_buffers is None on every call.
# Which torch optimizer, kept across all the steps, makes exactly the same updates?
#   a) torch.optim.SGD(params, lr=0.1, momentum=0.9)
#   b) torch.optim.SGD(params, lr=0.1)
#   c) torch.optim.SGD(params, lr=0.1 * 0.9)
#   d) torch.optim.SGD(params, lr=0.1 / (1 - 0.9))
FORGOTTEN_BUFFERS = None
