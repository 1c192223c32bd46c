"""Kata 02 quiz: fill in each answer, then run `pytest katas/02 -rP` to check it and read why.

Numbers are plain Python numbers (1, 0.5, 12), written at the precision the question asks for:
"rounded to 6 decimals" accepts the true value rounded up or down to 6 decimals, or any value
closer to it. Choices are one letter as a string ("a").
You can measure the numeric answers with your own numerical_derivative.
"""

# Q1. A function has f'(4) = 3. What does that tell you?
#   "a": f(4) = 3: at x = 4, the derivative and the value of the function are the same number
#   "b": f(x) is about 3 * x for every x: f grows three times as fast as x, not only near 4
#   "c": f(4 + h) is about f(4) + 3 * h for a small nudge h: near 4, f moves 3 times as much as x
#   "d": the area under f from 0 up to x = 4 is 3: f' adds up the values f took on the way
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
#   "b": x + h then needs more digits than a float64 holds, so numpy switches to a slow
#        extended precision, and the estimate takes far too long to compute
#   "c": Taylor's formula, where the error h**2 f'''(x) / 6 comes from, holds only for h of
#        at least 1e-5, so below that the error of the estimate can be anything
#   "d": no reason: the error h**2 f'''(x) / 6 keeps shrinking as h does, so h = 1e-15 gives
#        an estimate far more accurate than the default h = 1e-5
TINY_H = ""
