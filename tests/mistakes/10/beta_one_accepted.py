"""betas checked against [0, 1] instead of [0, 1): beta = 1 accepted."""

TARGET = "adam.py"
CAUGHT_BY = "either beta outside [0, 1)"


def check_hyperparameters(lr, betas, eps, weight_decay):
    if lr < 0 or eps < 0 or weight_decay < 0:
        raise ValueError("negative hyperparameter")
    if not all(0.0 <= beta <= 1.0 for beta in betas):
        raise ValueError(f"betas must be in [0, 1], got {betas}")
