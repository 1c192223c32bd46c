"""The mean's gradient divided by N once more: every gradient is N times too small."""

TARGET = "capstone.py"
CAUGHT_BY = "divided by the batch twice"


def loss_and_grads(params, x, y):
    W1, b1, W2, b2 = params
    a = linear.linear_forward(x, W1, b1)
    h = activations.relu(a)
    logits = linear.linear_forward(h, W2, b2)
    loss = softmax.cross_entropy(logits, y)
    grad_logits = softmax.cross_entropy_grad(logits, y) / len(y)
    grad_h, grad_W2, grad_b2 = linear.linear_backward(h, W2, grad_logits)
    _, grad_W1, grad_b1 = linear.linear_backward(x, W1, grad_h * activations.relu_grad(a))
    return float(loss), [grad_W1, grad_b1, grad_W2, grad_b2]
