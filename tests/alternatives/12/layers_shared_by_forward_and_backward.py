"""One helper runs the layers for forward, loss_and_grads and predict; predict takes the argmax
of the probabilities (the same class as the largest logit), over the last axis; the loss is
turned into a number with .item()."""

TARGET = "capstone.py"


def _layers(params, x):
    W1, b1, W2, b2 = params
    a = linear.linear_forward(x, W1, b1)
    h = activations.relu(a)
    return a, h, linear.linear_forward(h, W2, b2)


def forward(params, x):
    return _layers(params, x)[2]


def loss_and_grads(params, x, y):
    a, h, logits = _layers(params, x)
    grad_logits = softmax.cross_entropy_grad(logits, y)
    grad_h, grad_W2, grad_b2 = linear.linear_backward(h, params[2], grad_logits)
    grad_a = grad_h * activations.relu_grad(a)
    _, grad_W1, grad_b1 = linear.linear_backward(x, params[0], grad_a)
    return softmax.cross_entropy(logits, y).item(), [grad_W1, grad_b1, grad_W2, grad_b2]


def predict(params, x):
    return softmax.softmax(forward(params, x)).argmax(axis=-1)
