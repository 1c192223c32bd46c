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
#   a) The local derivative of the operation that produced some_node, d(some_node)/d(its inputs).
#   b) d(some_node)/d(f): how much some_node moves when f is nudged.
#   c) d(f)/d(some_node): how much f would move per unit nudge of some_node.data, counting the
#      effect along every path from some_node to f.
#   d) The amount by which backward() changed some_node.data.
GRAD_MEANS = None

# Q3. In Q1, x feeds z along more than one path. Why does backward() ADD the shares from each
#     use of x, instead of keeping the last one or the largest one?
#   a) The multivariable chain rule: nudge x by a tiny e and every path moves z by its own
#      (share * e); to first order those moves add up, so dz/dx is the sum of the shares.
#   b) It is a convention of torch; keeping the largest share would work just as well.
#   c) Because the graph only uses addition; with multiplication the shares would multiply.
#   d) To prevent vanishing gradients: adding keeps the gradient from getting too small.
WHY_SHARES_ADD = None

# Q4. Why does backward() call _backward in REVERSE topological order (the output first)?
#   a) So that the leaves, which hold the inputs, are processed while their .data is fresh.
#   b) Any order gives the same .grad values, because addition is commutative; the order
#      only makes it faster.
#   c) Because Python lists are cheaper to pop from the end.
#   d) node._backward() passes node.grad on to node's inputs, so node.grad must be complete
#      first: every node that USES node must have run its _backward already, and in reverse
#      topological order all of them come before node.
WHY_REVERSE_ORDER = None

# Q5. The notes this course grew from write the chain rule for a weight as
#         dL/dW = dL/d(wx+b) * d(wx+b)/dx
#     Take one neuron z = w * x + b, with w = 0.5, x = 2.0, b = 0.1, and the loss L = z ** 2.
#     What is dL/dw? (Check with your own Value: build L from w, x and b and call backward.)
#     (a number, rounded to 2 decimals)
DL_DW = None
