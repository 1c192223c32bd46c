"""Kata 11 quiz: initialization and normalization.

Replace each None with your answer, then run:  pytest katas/11/test_quiz.py -rP
(-rP shows the explanation of every answer you got right.)
Numbers are written at the precision the question asks for: "rounded to 4 decimals" accepts the
true value rounded up or down to 4 decimals, or any value closer to it. Choices are one letter
as a string, e.g. "a". Work the numbers out by hand or with your own functions.
"""

# Q1. A tanh layer nn.Linear(300, 100) is initialized with
# torch.nn.init.xavier_uniform_(layer.weight, gain=torch.nn.init.calculate_gain("tanh")).
# What is the largest value a weight can take? (a number, rounded to 4 decimals)
XAVIER_TANH_BOUND = None

# Q2. A weight of shape (64, 512) is initialized with
# torch.nn.init.kaiming_normal_(weight, a=0.2, nonlinearity="leaky_relu").
# What is the std of the distribution it is drawn from? (rounded to 3 significant digits)
KAIMING_LEAKY_STD = None

# Q3. A fresh nn.BatchNorm1d(1) (running_mean 0, running_var 1, momentum 0.1) sees one batch in
# training mode: the four examples 1, 2, 3 and 4. What is its running_var afterwards?
# (a number, rounded to 4 decimals)
RUNNING_VAR_AFTER_ONE_BATCH = None

# Q4. z = x @ W.T + b feeds nn.BatchNorm1d in training mode, and the loss is computed from the
# batch norm's output. What is the gradient of the loss with respect to b, for any loss and any
# batch of at least two examples? (a whole number)
BIAS_GRAD_BEFORE_BATCHNORM = None

# Q5. A network is trained, then asked to classify examples one at a time, with a batch of one
# example each. It still runs in training mode: nobody called model.eval(). Which normalization
# layer gives every example the same output it would get in a batch of a hundred others?
#   a) nn.BatchNorm1d, which keeps running statistics for exactly this case
#   b) nn.LayerNorm, which normalizes each example over its own features
#   c) both of them, since each learns a gamma and a beta during training
#   d) neither of them, since both compute statistics from their input
BATCH_OF_ONE = None
