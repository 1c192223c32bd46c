"""Kata 08 quiz: the three calls around backward().

Replace each None with your answer. For a choice question, write the letter as a string,
e.g. "b". Run `pytest katas/08` to check; `pytest katas/08 -rP` also shows the explanation
of every answer you got right. You may run torch to check a number, but predict it first.
Numbers are written at the precision the question asks for: "rounded to 3 decimals" accepts the
true value rounded up or down to 3 decimals, or any value closer to it.
"""

# Question 1 (choice). Why does the loop call optimizer.zero_grad() at every step?
#   a) It resets the weights to zero before each batch, so that every batch starts from the
#      same point.
#   b) It frees the computation graph that the last forward pass built, so that memory does
#      not grow from step to step.
#   c) backward() ADDS each new gradient into .grad, so without it .grad holds the sum of
#      the gradients of every batch so far.
#   d) It resets the learning rate, which the optimizer lowers a little after every step.
ZERO_GRAD_WHY = None

# Question 2 (number).
#     w = torch.tensor(2.0, requires_grad=True)
#     opt = torch.optim.SGD([w], lr=0.1)
# A buggy loop runs two steps WITHOUT zero_grad:
#     loss = w**2; loss.backward(); opt.step()      (twice)
# What is w.item() after the two steps? (a number, rounded to 3 decimals)
W_AFTER_TWO_STEPS_WITHOUT_ZERO_GRAD = None

# Question 3 (choice).
#     w = torch.tensor(1.0, requires_grad=True)
#     opt = torch.optim.SGD([w], lr=0.1, momentum=0.9)
# Two ordinary steps (loss, backward(), step()) have left opt a momentum buffer for w that is
# not 0. Then, with no new loss and no backward(), you call w.grad.zero_() (a gradient of
# exactly 0, not None) and opt.step() once more. What happens to w?
#   a) It moves: step() reads w.grad, now 0, and also its momentum buffer, which still
#      holds the earlier gradients, so w moves by lr * momentum * buffer.
#   b) It stays: step() reads w.grad and nothing else, and a gradient of 0 moves nothing,
#      whatever the optimizer may have kept from the earlier steps.
#   c) step() raises an error: it differentiates the loss of the last backward() once more,
#      and that loss's graph was freed by the backward() call.
#   d) It moves as on the earlier steps: step() recomputes the model's last output and the
#      loss, and takes a fresh gradient from them.
STEP_READS = None

# Question 4 (numbers).
#     p = torch.tensor([1.0, 2.0], requires_grad=True)
#     opt = torch.optim.SGD([p], lr=0.1)
# No forward pass, no loss, no backward(): you set the gradient by hand,
#     p.grad = torch.tensor([10.0, -10.0])
# and call opt.step(). What is p now?
# (a list of two numbers, each rounded to 3 decimals)
P_AFTER_HAND_MADE_GRAD = None

# Question 5 (choice). What is `with torch.no_grad():` for?
#   a) It sets every parameter's .grad to zero on entry, like optimizer.zero_grad(): for
#      starting each batch's gradients from a clean slate.
#   b) It freezes the parameters, so that optimizer.step() inside it cannot change them: for
#      evaluating a model without training it by accident.
#   c) It makes backward() inside it skip the parameters, so that the backward pass is faster:
#      for fine-tuning only the last layer of a large model.
#   d) Operations inside it record no graph: for evaluating a model, and for updating
#      parameters by hand without the update entering the graph.
NO_GRAD_FOR = None

# Question 6 (True or False).
#     w = torch.tensor(3.0, requires_grad=True)
#     with torch.no_grad():
#         y = w * 2
# What is y.requires_grad?
REQUIRES_GRAD_UNDER_NO_GRAD = None
