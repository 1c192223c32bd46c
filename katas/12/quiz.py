"""Kata 12 quiz: the whole network at once.

Replace each None with your answer, then run:  pytest katas/12/test_quiz.py -rP
(-rP shows the explanation of every answer you got right.)
Numbers are written at the precision the question asks for. Choices are one letter as a
string, e.g. "a". Work them out by hand, or with your capstone.py and a few lines of NumPy.
"""

# Q1. How many numbers does train learn with its default hidden=64? Count every entry of
# W1, b1, W2 and b2. (a whole number)
PARAMETER_COUNT = None

# Q2. The training part of the fixed split holds 1438 images. How many times does
# train(x, y) with its defaults (epochs=20, batch_size=32) call adam_step? Each epoch goes
# through every training image once, and its last batch may be smaller. (a whole number)
ADAM_STEPS = None

# Q3. loss_and_grads forgets to divide by the batch size: with 32 images in the batch, every
# gradient it returns is 32 times torch's. Compared with the correct first step, how large is
# the first update adam_step makes to a weight?
#   a) 32 times larger
#   b) almost exactly the same
#   c) 32 times smaller
#   d) sqrt(32) times larger
UNDIVIDED_FIRST_STEP = None

# Q4. train shuffles the training images with one permutation and their labels with another,
# drawn anew every epoch. After 20 epochs, what does history["test_accuracy"][-1] come to?
#   a) about 0.1
#   b) about 0.5
#   c) about 0.9
#   d) about 0.99
LABELS_SHUFFLED_APART = None
