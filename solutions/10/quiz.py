"""Kata 10 quiz: Adam and AdamW (reference answers).

Each right answer prints its explanation, a template whose {fields} the test fills with the
facts torch computes. After editing one, run `python -m harness.quiz seal 10`.
"""

W_AFTER_FIRST_STEP = 1.9  # m_hat = g, v_hat = g**2: the first step is lr * g / |g|
W_WITHOUT_BIAS_CORRECTION = 1.6838  # 2 - 0.1 * 0.04 / sqrt(0.00016)
W_ADAM_L2_FLAT_LOSS = 2.99  # g = 0.05 * 3 = 0.15; the step is lr * g / |g| = 0.01
W_ADAMW_FLAT_LOSS = 2.9985  # 3 * (1 - 0.01 * 0.05); no gradient, no step
WHY_DECOUPLE = "b"
W_AFTER_TWENTY_STEPS = -0.2  # m_hat = g and v_hat = g**2 at every step: 20 steps of lr
LOSS_SCALED = "d"

EXPLANATIONS = {
    "W_AFTER_FIRST_STEP": (
        "After one step m = (1 - beta1) * g = {m:g} and v = (1 - beta2) * g**2 = {v:g}. The bias "
        "correction divides them by 1 - beta1 = {c1:g} and 1 - beta2 = {c2:g}, which gives back "
        "m_hat = {m_hat:g} = g and v_hat = {v_hat:g} = g**2. So the first step is "
        "lr * g / |g| = {step:g}, and w = {answer:g}: a full lr, whatever the gradient."
    ),
    "W_WITHOUT_BIAS_CORRECTION": (
        "Without the correction the step is lr * m / sqrt(v) = lr * {m:g} / {sqrt_v:g} = {step:g}: "
        "m is {c1:g} of g but sqrt(v) is only {sqrt_c2:g} of |g|, so the step is {ratio:.4g} "
        "times lr, and w = {answer:.5g}. Both moments start at zero and are biased towards it; "
        "the correction undoes exactly that, most of all in the first steps."
    ),
    "W_ADAM_L2_FLAT_LOSS": (
        "Adam adds the decay to the gradient: g = 0 + 0.05 * {w0:g} = {g:g}. Then m_hat / "
        "sqrt(v_hat) = g / |g| = 1, so the decay alone moves w by a full lr: w = {answer:g}. "
        "The L2 term went through the adaptive denominator, which normalised it away."
    ),
    "W_ADAMW_FLAT_LOSS": (
        "AdamW shrinks w first, w * (1 - lr * weight_decay) = {w0:g} * {factor:g} = {answer:g}, "
        "then the moments see a zero gradient and the step is 0 / (0 + eps) = {step:g}. The "
        "decay is lr * weight_decay * w = {decay:g}, the same fraction for every weight, "
        "whatever its gradient."
    ),
    "WHY_DECOUPLE": (
        "Adam's L2 term joins g before the moments, so the update holds it divided by "
        "sqrt(v_hat). Measured by torch with weight_decay 0.05 and lr 0.01 on w = 3, over ten "
        "steps of gradients alternating +g and -g: with |g| = {small:g} the decay moves w by "
        "{adam_small:.3g} in Adam, with |g| = {large:g} by only {adam_large:.3g}. AdamW moves "
        "both by {adamw:.3g}: decoupled, weight decay shrinks every weight alike, whatever its "
        "gradients (Loshchilov and Hutter's point)."
    ),
    "W_AFTER_TWENTY_STEPS": (
        "With a constant gradient both moments are bias-corrected back to m_hat = g and "
        "v_hat = g**2 at every step, so each step is lr * g / |g| = lr and twenty steps move w "
        "to {answer:.6g}. With a gradient of {tiny:g} instead, torch ends at {tiny_end:.6g}: "
        "the size of an Adam step is set by lr, not by the gradient's scale."
    ),
    "LOSS_SCALED": (
        "m scales with the gradient and sqrt(v) scales with it too, so m / sqrt(v) does not "
        "change. Measured by torch over five steps of the same run: the largest step is "
        "{step_1:.9g} at scale 1 and {step_1000:.9g} at scale 1000. Only eps, far below sqrt(v), "
        "tells the two apart. This is why lr, not the loss's scale, sets Adam's step size."
    ),
}
