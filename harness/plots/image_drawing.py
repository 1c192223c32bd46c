"""Images drawn with matplotlib: a matrix of counts, or a grid of small grey images."""

from __future__ import annotations

import numpy as np

from harness.plots.picture import Images

COLUMNS = 8  # images per row of a grid


def draw_images(ax, panel: Images) -> None:
    ax.set_title(panel.title)
    if panel.matrix:
        _matrix(ax, np.array(panel.images[0]))
    else:
        _grid(ax, panel)


def _matrix(ax, counts: np.ndarray) -> None:
    ax.imshow(counts, cmap="Blues")
    for (row, column), count in np.ndenumerate(counts):
        if count:
            light = count > counts.max() / 2
            ax.text(column, row, f"{count:g}", ha="center", va="center", fontsize=7,
                    color="white" if light else "black")  # fmt: skip
    ticks = range(counts.shape[0])
    ax.set(xticks=ticks, yticks=ticks, xlabel="predicted digit", ylabel="true digit")


def _grid(ax, panel: Images) -> None:
    """The images side by side, 1 pixel apart, each with its caption above it."""
    ax.axis("off")
    if not panel.images:
        ax.text(0.5, 0.5, "none", ha="center", va="center", transform=ax.transAxes)
        return
    size = len(panel.images[0])
    rows = -(-len(panel.images) // COLUMNS)
    cell_w, cell_h = size + 1, size + 4  # room for a caption above each image
    mosaic = np.full((rows * cell_h, COLUMNS * cell_w), np.nan)
    for i, (image, caption) in enumerate(zip(panel.images, panel.captions, strict=True)):
        top, left = (i // COLUMNS) * cell_h + 4, (i % COLUMNS) * cell_w
        mosaic[top : top + size, left : left + size] = image
        ax.text(left + size / 2, top - 1, caption, ha="center", va="bottom", fontsize=7)
    ax.imshow(mosaic, cmap="gray_r", interpolation="nearest")
