"""Wrong answers; the files shipped beside it try to turn every failure into a pass."""

import numpy as np


def _zeros(x, *args, **kwargs):
    return np.zeros_like(np.asarray(x))


sigmoid = sigmoid_grad = tanh = tanh_grad = relu = relu_grad = _zeros
leaky_relu = leaky_relu_grad = _zeros
