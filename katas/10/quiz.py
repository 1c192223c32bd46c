"""Kata 10 quiz: Adam and AdamW.

Replace each None with your answer, then run:  pytest katas/10/test_quiz.py -rP
(-rP shows the explanation of every answer you got right.)
Numbers are written at the precision the question asks for: "rounded to 4 decimals" accepts the
true value rounded up or down to 4 decimals, or any value closer to it. Choices are one letter
as a string, e.g. "a". Work the numbers out by hand or with your adam_step.
"""

# Q1. A model has one parameter w = 2.0, and after loss.backward() w.grad = 0.4.
# optimizer = torch.optim.Adam([w], lr=0.1)      (betas=(0.9, 0.999), eps=1e-8)
# What is w after ONE optimizer.step()? (a number, rounded to 4 decimals)
W_AFTER_FIRST_STEP = None

# Q2. The same parameter, gradient and optimizer, but with the bias correction left out: the
# step uses m and v as they are, p -= lr * m / (sqrt(v) + eps). What would w be after ONE step?
# (a number, rounded to 4 decimals)
W_WITHOUT_BIAS_CORRECTION = None

# Q3. w = 3.0 and w.grad = 0.0 (the loss is flat there).
# optimizer = torch.optim.Adam([w], lr=0.01, weight_decay=0.05)
# What is w after ONE optimizer.step()? (a number, rounded to 4 decimals)
W_ADAM_L2_FLAT_LOSS = None

# Q4. The same, with optimizer = torch.optim.AdamW([w], lr=0.01, weight_decay=0.05).
# What is w after ONE optimizer.step()? (a number, rounded to 4 decimals)
W_ADAMW_FLAT_LOSS = None

# Q5. Why does AdamW shrink the parameter directly (p *= 1 - lr * weight_decay) instead of
# adding weight_decay * p to the gradient, as Adam does?
#   a) Adding it to the gradient costs one more array per parameter, and on a large model
#      AdamW saves that memory while making exactly the same update as Adam.
#   b) In Adam the decay term goes through m / sqrt(v): it is divided by the adaptive
#      denominator, so weights with large gradients are barely decayed at all.
#   c) In Adam the decay term is counted twice, once in m and once more in v, so the
#      weights shrink twice as fast as weight_decay says they should.
#   d) Adding it to the gradient makes Adam diverge whenever weight_decay is larger than
#      lr, and decoupling removes that limit on the two hyperparameters.
WHY_DECOUPLE = None

# Q6. w = 0.0, and every step the gradient is the same, w.grad = 1000.0.
# optimizer = torch.optim.Adam([w], lr=0.01)
# What is w after 20 optimizer steps? (a number, rounded to 3 decimals)
W_AFTER_TWENTY_STEPS = None

# Q7. A training run with Adam works. Someone multiplies the loss by 1000 (so every gradient is
# 1000 times larger) and keeps everything else. How do the sizes of Adam's steps change?
#   a) Every step is 1000 times larger, since the update is proportional to the gradient.
#   b) Every step is about sqrt(1000) times larger, since v holds the squared gradients.
#   c) Every step is 1000 times smaller, since v grows faster than m does with the scale.
#   d) They hardly change: m / sqrt(v) cancels the scale, and each step stays about lr.
LOSS_SCALED = None
