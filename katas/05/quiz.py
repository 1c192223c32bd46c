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

# Q2. After f.backward(), a node a of the graph holds a.grad = -2.0. What does that tell you?
#   a) d(a)/d(its inputs) = -2: the operation that produced a has the local derivative -2,
#      whatever happens in the graph above a.
#   b) d(a)/d(f) = -2: nudging f up by a small h would move a by about -2 * h, counting
#      every path between them.
#   c) d(f)/d(a) = -2: nudging a.data up by a small h would move f by about -2 * h, counting
#      every path between them.
#   d) backward() moved a.data by -2, downhill, so that f gets smaller, and a.grad records
#      the size of that move.
GRAD_MEANS = None

# Q3. With your engine:
#
#         x = Value(2.0)
#         f = x * x * x
#         f.backward()
#
#     x is used three times, and each use sends x.grad a share of 4.0. Your engine adds them:
#     x.grad = 12.0. Nudge x from 2.0 to 2.001: by about how much does f move, and what does
#     that say about adding the shares?
#   a) f moves by about 12.0 * 0.001: each use of x moves f by its own share times the nudge,
#      and to first order those three moves add up.
#   b) f moves by about 4.0 * 0.001, one share: the three uses are one variable, so the sum
#      counts the same move three times, and the learning rate makes up for it.
#   c) f moves by about 64.0 * 0.001: f is a product of the three uses, so the true slope is
#      the product of their shares, and the sum only approximates it.
#   d) f moves by about 4.0 * 0.001, the largest share: adding is a convention of torch, and
#      keeping the largest share would give a different but equally good gradient.
WHY_SHARES_ADD = None

# Q4. With your engine:
#
#         x = Value(1.0)
#         y = x * 2
#         z = y * y
#         f = z + y
#         f.backward()
#
#     Suppose backward() ran f._backward() first, as it should, but then y._backward()
#     BEFORE z._backward(), against the reverse topological order. What would go wrong?
#   a) f.grad would be missing: the seed f.grad = 1 is set by z._backward(), so every
#      _backward() that runs before it passes on a gradient of 0.
#   b) Nothing: every _backward adds with +=, and addition is commutative, so any order of
#      the calls gives the same .grad values, only more slowly.
#   c) y.data would be wrong: y._backward() would read y.data before z's forward pass had
#      computed it, so the local derivative 2 would be taken at the wrong point.
#   d) x.grad would miss the path through z: y passes y.grad on to x once, before z has
#      added its share to y.grad, and that share never reaches x.
WHY_REVERSE_ORDER = None

# Q5. The notes this course grew from write the chain rule for a weight as
#         dL/dW = dL/d(wx+b) * d(wx+b)/dx
#     One of those two factors is wrong: find it, and use the right one.
#     Take one neuron z = w * x + b, with w = 0.5, x = 2.0, b = 0.1, and the loss L = z ** 2.
#     What is dL/dw? (Check with your own Value: build L from w, x and b and call backward.)
#     (a number, rounded to 2 decimals)
DL_DW = None
