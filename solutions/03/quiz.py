"""Quiz 03: the seed notes' forward pass, done with the true numbers (reference answers).

Each right answer prints its explanation, a template whose {fields} the test fills with the
facts torch computes. After editing one, run `python -m harness.quiz seal 03`.
"""

import math

# x = 10 -> (w = 0.3, b = 0.3) -> tanh -> (w = 0.3, b = 0.3) -> tanh
H_1 = math.tanh(0.3 * 10 + 0.3)
H_2 = math.tanh(0.3 * H_1 + 0.3)
DH2_DX = (1 - math.tanh(3.3) ** 2) * 0.3 * (1 - H_2**2) * 0.3

WHY_SO_SMALL = "b"
FASTEST_TO_VANISH = "b"
RELU_NEGATIVE_PREACTIVATION = "a"

EXPLANATIONS = {
    "H_1": (
        "h_1 = tanh({a1:g}) = {H_1:.5f}, not 0.8: {a1:g} is far out on tanh's flat tail, where "
        "tanh is almost exactly 1. The notes' 0.8 was a guess."
    ),
    "H_2": (
        "a_2 = 0.3 * {H_1:.5f} + 0.3 = {a2:.5f} (the notes say 0.54) and "
        "h_2 = tanh({a2:.5f}) = {H_2:.5f} (the notes say 0.4)."
    ),
    "DH2_DX": (
        "dh_2/dx = tanh'(a_2) * 0.3 * tanh'(a_1) * 0.3 = {tanh_grad_a2:.4f} * 0.3 * "
        "{tanh_grad_a1:.5f} * 0.3 = {DH2_DX:.4e}. The second layer and both weights only cost "
        "a factor of {tanh_grad_a2:.4f} * {weights:.2f}; tanh'({a1:g}) = {tanh_grad_a1:.5f} "
        "costs the rest."
    ),
    "WHY_SO_SMALL": (
        "Saturation. a_1 = {a1:g} lies on tanh's flat tail: tanh'({a1:g}) = 1 - tanh({a1:g})**2 "
        "= {tanh_grad_a1:.5f}. The two weights give {weights:.2f} and tanh'(a_2) = "
        "{tanh_grad_a2:.3f}: together a factor of {healthy:.4f}, while the one saturated unit "
        "multiplies the gradient by {tanh_grad_a1:.5f}. That single factor is what kills it."
    ),
    "FASTEST_TO_VANISH": (
        "Sigmoid. sigmoid'(a) = s * (1 - s) is at most 0.25 (at a = 0), so every layer "
        "multiplies the gradient by at most 0.25 * |w_k|: {depth} layers of w = 1, b = 0.1 "
        "leave |dh_{depth}/dx| = {sigmoid:.3e} at x = {x:g}, as vanishing.py's table shows. "
        "tanh' is at most 1 (also at a = 0) and only falls "
        "below it away from 0, so the same tanh chain keeps {tanh:.3e}."
    ),
    "RELU_NEGATIVE_PREACTIVATION": (
        "Exactly 0 (torch gives {answer:g}): a_1 = 1.5 * 2.0 + 0.1 = {a1:g} is positive, but "
        "a_2 = -0.5 * {h1:g} + 0.2 = {a2:g} is negative. relu zeroes negative PRE-ACTIVATIONS "
        "and its derivative there is 0, so one factor of the product is 0 and no gradient "
        "reaches x through that unit for this input, whatever the signs of the weights. "
        "The unit is inactive for this "
        "input; it is dead only if its pre-activation is negative for every input, so that no "
        "input ever gives it a gradient."
    ),
}
