"""Kata 12 quiz: the whole network at once (reference answers).

Each right answer prints its explanation, a template whose {fields} the test fills with the
facts torch computes. After editing one, run `python -m harness.quiz seal 12`.
"""

PARAMETER_COUNT = 4810  # 64 * 64 + 64, then 10 * 64 + 10
ADAM_STEPS = 900  # 45 batches per epoch (44 of 32 and one of 30), 20 epochs
UNDIVIDED_FIRST_STEP = "b"
LABELS_SHUFFLED_APART = "a"

EXPLANATIONS = {
    "PARAMETER_COUNT": (
        "The first layer has {first} numbers (a weight for each of {pixels} pixels in each of "
        "{hidden} hidden units, plus {hidden} biases), the second {second} ({hidden} weights "
        "for each of {classes} classes, plus {classes} biases): {answer} in all, each with its "
        "own gradient and its own two Adam moments."
    ),
    "ADAM_STEPS": (
        "An epoch cuts the {images} training images into {per_epoch} batches ({full} of "
        "{batch} and a last one of {last}), one adam_step each; {epochs} epochs make {answer} "
        "steps, and Adam's bias correction counts them all."
    ),
    "UNDIVIDED_FIRST_STEP": (
        "Adam divides the running mean of the gradient by the root of the running mean of its "
        "square, so scaling every gradient by {scale} scales both alike. On its first step, "
        "torch's Adam moved a weight whose gradient was {grad:.3g} by {right:.8f}, and by "
        "{scaled:.8f} with {scale} times that gradient: about lr either way, the eps being all "
        "that tells them apart. Adam hides the mistake; plain SGD, whose step is lr times the "
        "gradient, would not. The gradient check catches it either way."
    ),
    "LABELS_SHUFFLED_APART": (
        "With two permutations every image meets a label drawn at random from the training "
        "labels, so there is nothing to learn but how often each digit occurs. On the test "
        "images the network can then do no better than chance, 1 in {classes}, about "
        "{chance:.2f}. One permutation indexing both keeps every image with its own label."
    ),
}
