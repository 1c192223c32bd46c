"""Kata 11 quiz: initialization and normalization (reference answers).

Each right answer prints its explanation, a template whose {fields} the test fills with the
facts torch computes. After editing one, run `python -m harness.quiz seal 11`.
"""

XAVIER_TANH_BOUND = 0.2041  # 5/3 * sqrt(6 / (300 + 100))
KAIMING_LEAKY_STD = 0.0613  # sqrt(2 / (1 + 0.2**2)) / sqrt(512)
RUNNING_VAR_AFTER_ONE_BATCH = 1.0667  # (1 - 0.1) * 1 + 0.1 * (5/3, the unbiased variance)
BIAS_GRAD_BEFORE_BATCHNORM = 0
BATCH_OF_ONE = "b"

EXPLANATIONS = {
    "XAVIER_TANH_BOUND": (
        "The weight has shape (100, 300): fan_in = {fan_in}, fan_out = {fan_out}. tanh's gain is "
        "{gain:.4f}, so the bound is {gain:.4f} * sqrt(6 / ({fan_in} + {fan_out})) = {answer:.4f}. "
        "torch's own draw of this weight stays inside it: its largest |weight| was {largest:.4f}."
    ),
    "KAIMING_LEAKY_STD": (
        "A weight of shape (64, 512) has fan_in = {fan_in}: torch stores (out, in), and the "
        "default mode keeps the forward pass steady, so it divides by the inputs. leaky_relu's "
        "gain with a = 0.2 is sqrt(2 / (1 + a**2)) = {gain:.4f}, so std = {gain:.4f} / "
        "sqrt({fan_in}) = {answer:.4g}. torch's own draw had std {measured:.4g}."
    ),
    "RUNNING_VAR_AFTER_ONE_BATCH": (
        "The batch's variance is {biased:.4f} divided by N, but BatchNorm1d keeps the UNBIASED "
        "one, divided by N - 1: {unbiased:.4f}. The running variance moves a tenth of the way: "
        "{keep:g} * 1 + {momentum:g} * {unbiased:.4f} = {answer:.4f}. The output itself was "
        "normalized with the biased {biased:.4f}: the output is about this batch, the running "
        "statistic is an estimate of the whole data's variance."
    ),
    "BIAS_GRAD_BEFORE_BATCHNORM": (
        "Batch norm subtracts the batch's mean from every channel, so a constant added to a "
        "channel, the same for every example, comes out again: the output does not depend on "
        "b at all. Autograd agrees: the largest |b.grad| torch found was {largest:.1e}, "
        "rounding error. A linear layer before batch norm is therefore built with bias=False: "
        "batch norm's beta does the bias's job."
    ),
    "BATCH_OF_ONE": (
        "Layer norm's statistics come from one example's own features, so the batch around it "
        "does not matter: torch's largest difference between an example alone and the same "
        "example in a batch of a hundred was {layer:.1e}. Batch norm in training mode takes its "
        "statistics from the batch: in a batch of one there is no variance, and torch refuses "
        "({error}). Its running statistics are used only after model.eval()."
    ),
}
