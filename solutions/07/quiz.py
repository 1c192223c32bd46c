"""Kata 07 quiz: the optimizer step (reference answers).

Each right answer prints its explanation, a template whose {fields} the test fills with the
facts torch computes. After editing one, run `python -m harness.quiz seal 07`.
"""

W_AFTER_ONE_STEP = 1.93  # g = 0.5 + 0.1 * 2.0 = 0.7 = b; w = 2.0 - 0.1 * 0.7
W_AFTER_TWO_STEPS = 1.8324  # 1.83235, rounded either way
MAXIMIZE_WITH_DECAY = "a"
W_AFTER_NESTEROV_STEP = 0.905  # b = 0.5; step 0.5 + 0.9 * 0.5 = 0.95; w = 1.0 - 0.1 * 0.95
FORGOTTEN_BUFFERS = "b"

EXPLANATIONS = {
    "W_AFTER_ONE_STEP": (
        "g = 0.5 + 0.1 * {w0:g} = {g1:g} (weight decay joins the gradient first). The first step "
        "has no buffer yet, so the buffer is g itself, b = {b1:g}: dampening does not apply. "
        "w = {w0:g} - 0.1 * {b1:g} = {w1:g}."
    ),
    "W_AFTER_TWO_STEPS": (
        "g = 0.5 + 0.1 * {w1:g} = {g2:g} (weight decay on the NEW w). "
        "b = 0.9 * {b1:g} + (1 - 0.5) * {g2:g} = {b2:g}. w = {w1:g} - 0.1 * {b2:g} = {w2:g}."
    ),
    "MAXIMIZE_WITH_DECAY": (
        "maximize negates the loss's gradient only, and weight decay is added after it: the "
        "direction is -grad + weight_decay * w, and w moves against it. With a flat loss only "
        "the decay is left, so w = 2.0 - 0.1 * (0.1 * 2.0) = {w:g}: closer to 0. Climbing a "
        "function, weight decay still pulls the weights towards 0. (Older pages of torch's "
        "documentation wrote maximize as the last line, flipping the decay too; torch's code "
        "negates the gradient first, and so does sgd_step.)"
    ),
    "W_AFTER_NESTEROV_STEP": (
        "The first step's buffer is the gradient, b = {buffer:g}. Nesterov steps along "
        "g + momentum * b = 0.5 + 0.9 * {buffer:g}, looking one step ahead, so "
        "w = {answer:g}. Plain momentum steps along b alone and gives {plain:g}."
    ),
    "FORGOTTEN_BUFFERS": (
        "A call with no buffer is a first step: the buffer is a copy of the gradient, and the "
        "step is lr * g, which is plain SGD. Measured by torch over three steps with gradients "
        "{grads} from w = 1: a new momentum optimizer at every step ends at "
        "{fresh:.4f}, plain SGD at {plain:.4f}, and one momentum optimizer kept across the "
        "steps at {kept:.4f}. Passing the buffers back is what makes momentum work."
    ),
}
