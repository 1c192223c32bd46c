"""The capstone's data: the 1,797 handwritten digits scikit-learn ships, and a fixed split.

The images are the ones ``sklearn.datasets.load_digits()`` returns (8x8 pixels of 0 to 16,
flattened to 64), read from the file scikit-learn installs with itself: no download, and no
import of scikit-learn, which would cost a kata run more than a second.
"""

from __future__ import annotations

import gzip
import importlib.util
from pathlib import Path

import numpy as np

TEST_SHARE = 0.2  # an 80/20 split
SPLIT_SEED = 0
CLASSES = 10


def digits_file() -> Path:
    """scikit-learn's own copy of the digits (what load_digits reads), found without import."""
    spec = importlib.util.find_spec("sklearn")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(
            "scikit-learn is not installed: the capstone's digits come with it "
            '(pip install -e ".[dev]" installs it)'
        )
    return Path(spec.submodule_search_locations[0]) / "datasets" / "data" / "digits.csv.gz"


def load_digits() -> tuple[np.ndarray, np.ndarray]:
    """(x, y): x of shape (1797, 64), float64 pixels scaled to [0, 1]; y int64 labels 0..9."""
    with gzip.open(digits_file(), "rt") as f:
        table = np.loadtxt(f, delimiter=",")
    return table[:, :-1] / 16.0, table[:, -1].astype(np.int64)


def train_test_split(x: np.ndarray, y: np.ndarray):
    """(x_train, y_train, x_test, y_test): a fixed, stratified 80/20 split of (x, y).

    Every digit keeps its share: a fifth of each class (rounded) is held out for testing, chosen
    by a generator of fixed seed, so every run and every learner get the same split.
    """
    rng = np.random.default_rng(SPLIT_SEED)
    test = np.zeros(len(y), dtype=bool)
    for label in np.unique(y):
        members = np.flatnonzero(y == label)
        held_out = rng.permutation(members)[: round(TEST_SHARE * len(members))]
        test[held_out] = True
    return x[~test], y[~test], x[test], y[test]
