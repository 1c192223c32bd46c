"""Kata 02 quiz: fill in each answer, then run `pytest katas/02 -rP` to check it and read why.

Numbers are plain Python numbers (1, 0.5, 12), written at the precision the question asks for:
"rounded to 6 decimals" accepts the true value rounded up or down to 6 decimals, or any value
closer to it. Choices are one letter as a string ("a").
You can measure the numeric answers with your own numerical_derivative.
"""

# Q1. At some point x, a function has f'(x) = 3. What does that tell you?
#   "a": the function's value at that point is 3: f(x) = 3
#   "b": f grows three times as fast as x everywhere, so f(x) is about 3 * x
#   "c": near that x, nudging the input by a small amount e changes the output by about 3 * e
#   "d": the area under f from 0 up to that x is 3
DERIVATIVE_MEANS = ""

# Q2. f(x) = x**3. The input moves from x = 2 to x = 2.001. Use the derivative to predict by how
# much the output changes, without computing f(2.001) - f(2).
# (a number, rounded to 6 decimals)
NUDGE_CHANGE = None

# Q3. The error of an estimate shrinks like h**p as the step h shrinks. What is p for the
# central difference (f(x + h) - f(x - h)) / (2h)? (a whole number)
CENTRAL_ORDER = None

# Q4. ...and what is p for the forward difference (f(x + h) - f(x)) / h? (a whole number)
FORWARD_ORDER = None

# Q5. Take a central-difference estimate with h = 0.01, then another with h = 0.005. The error
# (estimate minus the true derivative) gets divided by about how much? Measure it with your
# numerical_derivative on np.sin at x = 1, where the true derivative is np.cos(1).
# (a whole number: round what you measure)
CENTRAL_ERROR_RATIO_WHEN_H_HALVES = None

# Q6. If a smaller h means a smaller error, why not use h = 1e-15?
#   "a": f(x + h) and f(x - h) then agree in almost every digit, so their difference is
#        mostly rounding error, and dividing by the tiny 2h magnifies it
#   "b": each evaluation of f takes longer when h is tiny, so the estimate becomes too slow
#        to compute
#   "c": by definition a central difference needs h of at least 1e-5, or the formula no longer
#        approximates f'
#   "d": no reason: a smaller h always gives a more accurate estimate, so h = 1e-15 would be
#        better
TINY_H = ""
