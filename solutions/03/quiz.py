"""Quiz 03: the seed notes' forward pass, done with the true numbers (reference answers)."""

import math

# x = 10 -> (w = 0.3, b = 0.3) -> tanh -> (w = 0.3, b = 0.3) -> tanh
H_1 = math.tanh(0.3 * 10 + 0.3)
H_2 = math.tanh(0.3 * H_1 + 0.3)
DH2_DX = (1 - math.tanh(3.3) ** 2) * 0.3 * (1 - H_2**2) * 0.3

WHY_SO_SMALL = "b"
FASTEST_TO_VANISH = "b"
RELU_NEGATIVE_PREACTIVATION = "a"
