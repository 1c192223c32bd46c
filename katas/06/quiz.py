"""Kata 06 quiz: what loss.backward() really does.

Fill in each answer, then run:  pytest katas/06
Choice answers are one letter, e.g. "b". Number answers are plain numbers, written at the
precision the question asks for (here: a whole number, like 12).
You may work the numbers out by hand or run the torch snippet yourself: both teach.
"""

# Q1. What does loss.backward() compute?
#   a) the loss again, from scratch, and returns it so that it can be printed or logged
#   b) d loss / d t for every leaf tensor t with requires_grad=True that the loss depends on,
#      added into t.grad
#   c) d loss / d t for every tensor in the graph (inputs, intermediate results, parameters),
#      added into each one's .grad
#   d) the update of every weight the loss depends on, applied at once:
#      W <- W - lr * d loss / d W
BACKWARD_COMPUTES = None

# Q2. After these lines, which tensors have a .grad that is not None?
#       model = nn.Sequential(nn.Linear(3, 4), nn.Tanh(), nn.Linear(4, 2), nn.Tanh())
#       x = torch.randn(5, 3)                 # plain data: requires_grad is False
#       hidden = model[1](model[0](x))
#       out = model[3](model[2](hidden))
#       loss = F.mse_loss(out, torch.zeros(5, 2))
#       loss.backward()
#   a) all of them: x, hidden, out, loss and the four parameters
#   b) the four parameters and x
#   c) only the four parameters: model[0].weight, model[0].bias, model[2].weight, model[2].bias
#   d) hidden, out and loss, the tensors the forward pass computed
WHICH_GET_GRAD = None

# Q3 and Q4. A worked example:
#       w = torch.tensor(3.0, requires_grad=True)
#       x = torch.tensor(2.0)
#       for step in range(2):
#           loss = (w * x - 1) ** 2
#           loss.backward()
#           # (no zero_grad anywhere)
# Q3: what number does w.grad hold after the FIRST loss.backward()? (a whole number)
W_GRAD_AFTER_ONE_BACKWARD = None
# Q4: and after the SECOND loss.backward()? (a whole number)
W_GRAD_AFTER_TWO_BACKWARDS = None

# Q5. Why does backward() add into .grad instead of overwriting it?
#   a) it is an old bug that torch keeps for backward compatibility
#   b) the previous step's gradient acts as momentum and speeds up training
#   c) so that the learning rate can be smaller
#   d) so that several backward() calls can sum their gradients (e.g. one big batch split into
#      small ones); the price is that you must zero .grad before each new step
WHY_ACCUMULATE = None
