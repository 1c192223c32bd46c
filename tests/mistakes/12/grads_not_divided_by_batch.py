"""The gradient of the summed loss: every gradient is N times too large for the mean loss."""

TARGET = "capstone.py"
CAUGHT_BY = "gradients not divided by the batch"


def loss_and_grads(params, x, y):
    W1, b1, W2, b2 = params
    a = linear.linear_forward(x, W1, b1)
    h = activations.relu(a)
    logits = linear.linear_forward(h, W2, b2)
    loss = softmax.cross_entropy(logits, y)
    grad_logits = softmax.cross_entropy_grad(logits, y, reduction="sum")
    grad_h, grad_W2, grad_b2 = linear.linear_backward(h, W2, grad_logits)
    _, grad_W1, grad_b1 = linear.linear_backward(x, W1, grad_h * activations.relu_grad(a))
    return float(loss), [grad_W1, grad_b1, grad_W2, grad_b2]
