"""dL/dlogits written out as (softmax - one_hot) / N with kata 09's softmax, and the loss as the
mean of -log p[label], instead of calling cross_entropy and cross_entropy_grad."""

TARGET = "capstone.py"
SANDBOX = "a float64 NumPy scalar returned as the loss must cross the sandbox as a number"


def loss_and_grads(params, x, y):
    W1, b1, W2, b2 = params
    a = x @ W1.T + b1
    h = activations.relu(a)
    logits = linear.linear_forward(h, W2, b2)
    n = len(y)
    rows = np.arange(n)
    loss = -np.mean(softmax.log_softmax(logits)[rows, y])
    grad_logits = softmax.softmax(logits)
    grad_logits[rows, y] -= 1.0
    grad_logits /= n
    grad_W2 = grad_logits.T @ h
    grad_b2 = grad_logits.sum(axis=0)
    grad_a = (grad_logits @ W2) * (a > 0)
    return loss, [grad_a.T @ x, grad_a.sum(axis=0), grad_W2, grad_b2]
