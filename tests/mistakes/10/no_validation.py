"""No argument checks: negative lr, eps, weight decay and betas outside [0, 1) accepted."""

TARGET = "adam.py"
CAUGHT_BY = "raise ValueError for lr < 0"
SANDBOX = "the learner's exception must reach the judge as the same exception"


def check_hyperparameters(lr, betas, eps, weight_decay):
    pass
