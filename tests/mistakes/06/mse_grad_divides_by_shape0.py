"""mse_loss_grad takes N from pred.shape[0]: a 0-d pred raises IndexError, which must come back
as a teaching failure naming the call and the inputs' shapes, with a hint about N."""

TARGET = "backprop.py"
CAUGHT_BY = "use pred.size for N, not pred.shape[0]"
SANDBOX = "the learner's exception must reach the judge as the same exception"


def mse_loss_grad(pred, target):
    return 2 * (pred - target) / pred.shape[0]
