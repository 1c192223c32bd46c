"""relu' taken of the hidden activation h = relu(a) instead of a: the same mask, since h > 0
exactly where a > 0."""

TARGET = "capstone.py"


def loss_and_grads(params, x, y):
    W1, b1, W2, b2 = params
    h = activations.relu(linear.linear_forward(x, W1, b1))
    logits = linear.linear_forward(h, W2, b2)
    loss = softmax.cross_entropy(logits, y)
    grad_h, grad_W2, grad_b2 = linear.linear_backward(h, W2, softmax.cross_entropy_grad(logits, y))
    _, grad_W1, grad_b1 = linear.linear_backward(x, W1, grad_h * activations.relu_grad(h))
    return float(loss), [grad_W1, grad_b1, grad_W2, grad_b2]
