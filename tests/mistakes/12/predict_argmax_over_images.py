"""predict takes the argmax over the images (axis 0) instead of over the classes."""

TARGET = "capstone.py"
CAUGHT_BY = "argmax over the classes axis (axis=1)"


def predict(params, x):
    return np.argmax(forward(params, x), axis=0)
