"""Quiz 05: the computation graph and the chain rule.

Replace each None below, then run `pytest katas/05/test_quiz.py -rP` (-rP shows the
explanation of every answer you got right).
Numbers: a Python number (you may compute it here, e.g. with your own Value), written at the
precision the question asks for: "rounded to 2 decimals" accepts the true value rounded up or
down to 2 decimals, or any value closer to it.
Choices: a single letter as a string, e.g. "c".
"""

# Q1. With your engine:
#
#         x = Value(3.0)
#         y = x * x
#         z = y + x
#         z.backward()
#
#     What is x.grad? (Work it out by hand first: x reaches z along three edges.)
#     (a whole number)
X_GRAD = None

# Q2. After f.backward(), what does some_node.grad hold?
#   a) d(some_node)/d(its inputs): the local derivative of the operation that produced
#      some_node.
#   b) d(some_node)/d(f): how much some_node would move per unit nudge of f, counting every
#      path between them.
#   c) d(f)/d(some_node): how much f would move per unit nudge of some_node.data, counting
#      every path between them.
#   d) The amount by which backward() changed some_node.data, so that f gets smaller.
GRAD_MEANS = None

# Q3. In Q1, x feeds z along more than one path. Why does backward() ADD the shares from each
#     use of x, instead of keeping the last one or the largest one?
#   a) The multivariable chain rule: nudge x by a tiny e and every path moves z by its own
#      (share * e); to first order those moves add up.
#   b) It is a convention of torch: keeping the largest share would give a slightly different
#      but equally good gradient.
#   c) Because z is built with an addition; if x fed z through multiplications only, the
#      shares would be multiplied instead.
#   d) To prevent vanishing gradients: adding the shares keeps the gradient from getting too
#      small in deep graphs.
WHY_SHARES_ADD = None

# Q4. Why does backward() call _backward in REVERSE topological order (the output first)?
#   a) So that the leaves, which hold the inputs, are processed while their .data is still
#      unchanged by the forward pass.
#   b) Any order gives the same .grad values, because addition is commutative; the reverse
#      order only makes backward() faster.
#   c) Because popping from the end of a Python list is cheaper than popping from its front,
#      so the reverse order saves time.
#   d) node._backward() passes node.grad on to node's inputs, so every node that USES node
#      must have added its share to node.grad first.
WHY_REVERSE_ORDER = None

# Q5. The notes this course grew from write the chain rule for a weight as
#         dL/dW = dL/d(wx+b) * d(wx+b)/dx
#     One of those two factors is wrong: find it, and use the right one.
#     Take one neuron z = w * x + b, with w = 0.5, x = 2.0, b = 0.1, and the loss L = z ** 2.
#     What is dL/dw? (Check with your own Value: build L from w, x and b and call backward.)
#     (a number, rounded to 2 decimals)
DL_DW = None
