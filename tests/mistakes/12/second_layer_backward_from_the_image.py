"""The second layer's backward is given the image x instead of its own input h (with 64 hidden
units the shapes even agree)."""

TARGET = "capstone.py"
CAUGHT_BY = "the second layer's input is the hidden activation"


def loss_and_grads(params, x, y):
    W1, b1, W2, b2 = params
    a = linear.linear_forward(x, W1, b1)
    h = activations.relu(a)
    logits = linear.linear_forward(h, W2, b2)
    loss = softmax.cross_entropy(logits, y)
    grad_h, grad_W2, grad_b2 = linear.linear_backward(x, W2, softmax.cross_entropy_grad(logits, y))
    _, grad_W1, grad_b1 = linear.linear_backward(x, W1, grad_h * activations.relu_grad(a))
    return float(loss), [grad_W1, grad_b1, grad_W2, grad_b2]
