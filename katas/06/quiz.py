"""Kata 06 quiz: what loss.backward() really does.

Fill in each answer, then run:  pytest katas/06
Choice answers are one letter, e.g. "b". Number answers are plain numbers, written at the
precision the question asks for (here: a whole number, like 12).
You may work the numbers out by hand or run the torch snippet yourself: both teach.
"""

# Q1. A tiny model, before any training:
#       w = torch.tensor(1.5, requires_grad=True)
#       b = torch.tensor(0.5, requires_grad=True)
#       loss = (w * 4.0 + b) ** 2
#       result = loss.backward()
#   What has loss.backward() done?
#   a) computed the loss again, from scratch, and returned it: result holds the loss, and w,
#      b and their .grad are as they were before the call
#   b) added d loss / d w into w.grad and d loss / d b into b.grad, and returned None: w and
#      b themselves still hold 1.5 and 0.5
#   c) filled the .grad of every tensor of the graph, the intermediate w * 4.0 and the loss
#      included, and returned those gradients as a tuple
#   d) moved w and b against their gradients, w <- w - lr * d loss / d w, and returned the
#      new loss, smaller than the one it started from
BACKWARD_COMPUTES = None

# Q2. After these lines, which tensors have a .grad that is not None?
#       model = nn.Sequential(nn.Linear(3, 4), nn.Tanh(), nn.Linear(4, 2), nn.Tanh())
#       x = torch.randn(5, 3)                 # plain data: requires_grad is False
#       hidden = model[1](model[0](x))
#       out = model[3](model[2](hidden))
#       loss = F.mse_loss(out, torch.zeros(5, 2))
#       loss.backward()
#   a) all of them: x, hidden, out and loss, and the four parameters of model[0] and model[2]
#   b) the four parameters of model[0] and model[2], and x, the input they were applied to
#   c) only the four parameters: the weight and the bias of model[0] and of model[2]
#   d) only hidden, out and loss: the tensors that the forward pass computed from the others
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
#   a) it is an old design that torch keeps for backward compatibility: overwriting would
#      serve every training loop better, but old code relies on calling zero_grad()
#   b) so that the previous step's gradient acts as momentum: each step follows the new
#      gradient plus the old ones, which speeds training up without an optimizer buffer
#   c) so that the learning rate can be smaller: the summed gradients are larger than one
#      gradient, so a small lr still makes steps of a useful size
#   d) so that several backward() calls can sum their gradients (e.g. one big batch split into
#      small ones); the price is that you must zero .grad before each new step
WHY_ACCUMULATE = None
