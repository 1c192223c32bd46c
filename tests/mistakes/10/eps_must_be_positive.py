"""eps = 0 refused (eps <= 0), though torch accepts it."""

TARGET = "adam.py"
CAUGHT_BY = "lr = 0, eps = 0 and beta = 0 are allowed"


def check_hyperparameters(lr, betas, eps, weight_decay):
    if lr < 0 or eps <= 0 or weight_decay < 0:
        raise ValueError("eps must be positive; lr and weight_decay non-negative")
    if not all(0.0 <= beta < 1.0 for beta in betas):
        raise ValueError(f"betas must be in [0, 1), got {betas}")
