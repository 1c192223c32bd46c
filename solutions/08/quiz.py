"""Kata 08 quiz: the three calls around backward() (reference answers).

Each right answer prints its explanation, a template whose {fields} the test fills with the
facts torch computes. After editing one, run `python -m harness.quiz seal 08`.
"""

# Question 1 (choice). Why does the loop call optimizer.zero_grad() at every step?
#   a) It resets the weights to zero before each batch, so that every batch starts from the
#      same point.
#   b) It frees the computation graph that the last forward pass built, so that memory does
#      not grow from step to step.
#   c) backward() ADDS each new gradient into .grad, so without it .grad holds the sum of
#      the gradients of every batch so far.
#   d) It resets the learning rate, which the optimizer lowers a little after every step.
ZERO_GRAD_WHY = "c"

# Question 2 (number).
#     w = torch.tensor(2.0, requires_grad=True)
#     opt = torch.optim.SGD([w], lr=0.1)
# A buggy loop runs two steps WITHOUT zero_grad:
#     loss = w**2; loss.backward(); opt.step()      (twice)
# What is w.item() after the two steps? (a number, rounded to 3 decimals)
W_AFTER_TWO_STEPS_WITHOUT_ZERO_GRAD = 0.88

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
STEP_READS = "a"

# Question 4 (numbers).
#     p = torch.tensor([1.0, 2.0], requires_grad=True)
#     opt = torch.optim.SGD([p], lr=0.1)
# No forward pass, no loss, no backward(): you set the gradient by hand,
#     p.grad = torch.tensor([10.0, -10.0])
# and call opt.step(). What is p now?
# (a list of two numbers, each rounded to 3 decimals)
P_AFTER_HAND_MADE_GRAD = [0.0, 3.0]

# Question 5 (choice). What is `with torch.no_grad():` for?
#   a) It sets every parameter's .grad to zero on entry, like optimizer.zero_grad(): for
#      starting each batch's gradients from a clean slate.
#   b) It freezes the parameters, so that optimizer.step() inside it cannot change them: for
#      evaluating a model without training it by accident.
#   c) It makes backward() inside it skip the parameters, so that the backward pass is faster:
#      for fine-tuning only the last layer of a large model.
#   d) Operations inside it record no graph: for evaluating a model, and for updating
#      parameters by hand without the update entering the graph.
NO_GRAD_FOR = "d"

# Question 6 (True or False).
#     w = torch.tensor(3.0, requires_grad=True)
#     with torch.no_grad():
#         y = w * 2
# What is y.requires_grad?
REQUIRES_GRAD_UNDER_NO_GRAD = False

EXPLANATIONS = {
    "ZERO_GRAD_WHY": (
        "backward() adds into p.grad: a second backward() call puts its gradient on top of "
        "what the first one left. That is what lets you accumulate gradients over several small "
        "batches on purpose. The price: every step must clear .grad first, or step() follows "
        "the sum of all the gradients seen so far. zero_grad() touches .grad only. It does not "
        "touch the weights or the learning rate, and it does not free the graph: backward() "
        "already freed the tensors that graph saved for the backward pass (the activations), "
        "and the graph's remaining nodes go when nothing refers to the loss any more."
    ),
    "W_AFTER_TWO_STEPS_WITHOUT_ZERO_GRAD": (
        "Step 1: grad = 2w = {g1:g}, w = 2 - 0.1 * {g1:g} = {w1:g}. Step 2: backward adds "
        "2 * {w1:g} = {fresh2:g} to the {g1:g} already there, so step() sees {g2:g} and "
        "w = {w1:g} - {move2:g} = {answer:g}. With zero_grad it would see {fresh2:g} and land "
        "on {clean:g}. The stale gradient made step 2 move w {step_ratio:.2f} times as far "
        "({move2:g} against {clean_move2:g}), and the two steps together {total_ratio:.2f} "
        "times as far."
    ),
    "STEP_READS": (
        "The optimizer was given the parameters, never the loss or the model. step() walks its "
        "parameters and updates each from p.grad and its own state (momentum buffers, Adam's "
        "averages). With a zero gradient the buffer becomes 0.9 * b + 0, so w still moves by "
        "0.1 * 0.9 * b. Measured by torch on the loss w**2: after two steps b = {buffer:.4g}, "
        "and the extra step moves w from {before:.4g} to {after:.4g}, by {moved:.4g}. step() "
        "never calls backward(), and a parameter whose .grad is None is skipped: backward() "
        "must come before step(), and nothing may clear .grad in between."
    ),
    "P_AFTER_HAND_MADE_GRAD": (
        "p - lr * p.grad = [1 - 0.1 * 10, 2 - 0.1 * (-10)] = [{p0:g}, {p1:g}] (in float32, "
        "torch's first entry is {float32_p0:.3g}: 0.1 is not exact in binary). No loss and no "
        "backward() were needed: step() only reads .grad, wherever it came from."
    ),
    "NO_GRAD_FOR": (
        "Inside no_grad, operations still compute their values but record no graph. Use it to "
        "evaluate (nothing will call backward(), so keeping the graph only costs memory) and to "
        "update parameters by hand (w -= lr * w.grad must not become a node that the next "
        "backward() differentiates through; torch refuses it on a leaf outside no_grad). It "
        "zeroes and freezes nothing: for that there are zero_grad() and requires_grad_(False)."
    ),
    "REQUIRES_GRAD_UNDER_NO_GRAD": (
        "No graph was recorded, so y is a plain tensor with no grad_fn: y.requires_grad is "
        "{answer} even though w requires grad."
    ),
}
