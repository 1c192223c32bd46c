"""Kata 01 quiz: fill in each answer, then run `pytest katas/01 -rP` to check it and read why.

Numbers are plain Python numbers (1, 0.5, 12), written at the precision the question asks for:
"rounded to 3 decimals" accepts the true value rounded up or down to 3 decimals, or any value
closer to it. Choices are one letter as a string ("a").
Work them out with pen and paper or with your own functions from activations.py.
"""

# Q1. Over all real x, what is the LARGEST value that d/dx tanh(x) takes?
# (a number, rounded to 3 decimals)
TANH_GRAD_MAX = None

# Q2. What is the range of d/dx tanh(x), that is, exactly the set of values it takes as x runs
# over all real numbers?
#   "a": [-1, 1]     "b": (0, 1]     "c": [0, 0.25]     "d": (0, infinity)
TANH_GRAD_RANGE = ""

# Q3. What is d/dx sigmoid(x) at x = 2? (a number, rounded to 4 decimals)
SIGMOID_GRAD_AT_2 = None

# Q4. On its way back, a gradient passes through six tanh units, and at each one the local
# derivative is 0.7. By the chain rule the gradient gets multiplied by all six factors.
# What is that product? (a number, rounded to 3 decimals)
SIX_FACTORS = None

# Q5. Best case for sigmoid: every unit sits at x = 0, where its derivative is largest.
# How many sigmoid units in a row does it take before the product of their derivatives
# drops below 1e-6? (a whole number)
SIGMOID_UNITS_TO_ONE_MILLIONTH = None

# Q6. A unit has the weight w = -3 and the bias b = 1, and outputs relu(w*x + b).
# For which inputs x is its output 0?
#   "a": for every input x: its weight is negative, and ReLU zeroes a negative weight
#   "b": for x >= 1/3: there w*x + b = -3x + 1 is 0 or negative, and ReLU zeroes that
#   "c": for x < 0 only: ReLU zeroes a negative input and lets every positive one through
#   "d": for x > 0 only: there the product w*x = -3x is negative, and ReLU zeroes that
RELU_ZEROES = ""

# Q7. Why do deep networks with ReLU suffer less from vanishing gradients than with sigmoid?
#   "a": ReLU removes the negative weights, and negative weights are what make gradients
#        shrink layer after layer
#   "b": ReLU's derivative is exactly 1 for every positive input, so the gradient passes
#        through an active unit without shrinking
#   "c": ReLU's output is bounded, so the activations can neither explode nor vanish,
#        however deep the network is
#   "d": ReLU's derivative is small and the same everywhere, and a small constant factor
#        keeps the gradients stable at any depth
RELU_HELPS = ""

# Q8. What is the price of ReLU? (z is a unit's pre-activation, w*x + b.)
#   "a": a unit whose z is negative for every input gets no gradient from the data, so
#        training no longer moves its weights: a "dead" unit
#   "b": like sigmoid, it saturates for large positive inputs, so the gradients of the most
#        active units vanish, layer after layer
#   "c": its forward pass needs an exponential for every unit, as sigmoid and tanh do, which
#        makes large networks slow to train
#   "d": there is none: with a derivative of 1 for every input, ReLU passes every gradient
#        back unchanged, at any depth
RELU_PRICE = ""
