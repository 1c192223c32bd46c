"""Kata 06 quiz: what loss.backward() really does (reference answers).

Each right answer prints its explanation, a template whose {fields} the test fills with the
facts torch computes. After editing one, run `python -m harness.quiz seal 06`.
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
BACKWARD_COMPUTES = "b"

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
WHICH_GET_GRAD = "c"

# Q3 and Q4. A worked example:
#       w = torch.tensor(3.0, requires_grad=True)
#       x = torch.tensor(2.0)
#       for step in range(2):
#           loss = (w * x - 1) ** 2
#           loss.backward()
#           # (no zero_grad anywhere)
# Q3: what number does w.grad hold after the FIRST loss.backward()? (a whole number)
W_GRAD_AFTER_ONE_BACKWARD = 20
# Q4: and after the SECOND loss.backward()? (a whole number)
W_GRAD_AFTER_TWO_BACKWARDS = 40

# Q5. Why does backward() add into .grad instead of overwriting it?
#   a) it is an old design that torch keeps for backward compatibility: overwriting would
#      serve every training loop better, but old code relies on calling zero_grad()
#   b) so that the previous step's gradient acts as momentum: each step follows the new
#      gradient plus the old ones, which speeds training up without an optimizer buffer
#   c) so that the learning rate can be smaller: the summed gradients are larger than one
#      gradient, so a small lr still makes steps of a useful size
#   d) so that several backward() calls can sum their gradients (e.g. one big batch split into
#      small ones); the price is that you must zero .grad before each new step
WHY_ACCUMULATE = "d"

EXPLANATIONS = {
    "BACKWARD_COMPUTES": (
        "loss.backward() runs the chain rule backwards through the graph that built loss and "
        "computes d loss / d t for every LEAF tensor t created with requires_grad=True (in a "
        "model: the parameters). It adds the result into t.grad, which starts as None, so the "
        "first call simply fills it: torch gives w.grad = {w_grad:g} and b.grad = {b_grad:g}. "
        "It returns {returned}, and it changes no weight (w is still {w:g}): updating them is "
        "the optimizer's job, W <- W - lr * W.grad."
    ),
    "WHICH_GET_GRAD": (
        "Only the four parameters: they are leaves with requires_grad=True. x is a leaf but "
        "does not require grad (torch.randn(...) has requires_grad=False), so autograd does not "
        "even compute d loss / d x. hidden, out and loss are not leaves: autograd computes "
        "their gradients on the way, uses them, and frees them; call hidden.retain_grad() "
        "before backward() to keep one. The seed notes say backward computes 'dloss/dx for "
        "all the parameters x which have requires_grad': right for parameters, but the rule "
        "is about leaves."
    ),
    "W_GRAD_AFTER_ONE_BACKWARD": (
        "d loss / d w = 2 * (w*x - 1) * x = 2 * (3*2 - 1) * 2 = {first:g}, and .grad started "
        "as None, so after one backward w.grad holds {first:g}."
    ),
    "W_GRAD_AFTER_TWO_BACKWARDS": (
        "backward ADDS into .grad. The loop recomputed the loss at the same w, so the second "
        "call computes {first:g} again, and w.grad becomes {first:g} + {first:g} = {second:g}: "
        "the sum of both gradients. That is why a training loop calls optimizer.zero_grad() "
        "every step; without it, each step would use the sum of every gradient so far."
    ),
    "WHY_ACCUMULATE": (
        "Adding into .grad lets several backward() calls sum their gradients: run backward on "
        "several small batches and .grad holds the gradient of their summed loss (gradient "
        "accumulation). Within ONE backward() call torch does not add per path: its engine "
        "sums every path from the loss to a tensor first and writes .grad once. For "
        "(w*2 + w*3 + w.exp()).backward() at w = {w:g}, a hook on w's .grad fires {calls}, "
        "with {grad:.4f} = 2 + 3 + exp(w). (Adding each path's share into .grad is "
        "how kata 05's small engine builds that sum; torch's .grad only adds across calls.) "
        "The price: zero the gradients before every new step, or the old ones leak into it. "
        "Momentum lives in the optimizer, with its own buffer."
    ),
}
