"""A ``Picture`` drawn with matplotlib: every picture has the same size, notes at the bottom.

Only this module imports matplotlib, and it draws on a bare ``Figure`` with the Agg canvas:
no display, no pyplot state, and a notebook still shows the returned figure inline.
"""

from __future__ import annotations

import textwrap

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from harness.plots.picture import DIGEST_KEY, DPI, SIZE_INCHES, Graph, Images, Lines, Picture

NOTE_COLOR = "#b00020"
NOTE_LINE_HEIGHT = 0.03  # of the figure's height
MAX_PROBLEMS = 6  # more would crowd out the panels
NOTE_WIDTH = 170  # characters of one note line
PNG_COLORS = 128  # plenty for lines, text and their anti-aliased edges


def notes(picture: Picture) -> list[str]:
    """The lines printed under the panels: what is not written yet, and what went wrong."""
    lines = []
    if picture.missing:
        lines.append("not written yet (left out): " + ", ".join(picture.missing))
    for problem in picture.problems[:MAX_PROBLEMS]:
        lines.append(textwrap.shorten(problem, NOTE_WIDTH, placeholder=" …"))
    if len(picture.problems) > MAX_PROBLEMS:
        lines.append(f"… and {len(picture.problems) - MAX_PROBLEMS} more problems")
    return lines


def figure(picture: Picture, graphviz: bool = False) -> Figure:
    """The picture, drawn; ``graphviz``: lay out a graph with Graphviz's dot when installed."""
    fig = Figure(figsize=SIZE_INCHES, dpi=DPI)
    FigureCanvasAgg(fig)
    fig.suptitle(f"Kata {picture.kata}: {picture.title}", fontsize=13)
    below = notes(picture)
    bottom = 0.08 + (0.03 + NOTE_LINE_HEIGHT * len(below) if below else 0)
    rows, columns = _grid(len(picture.panels))
    fig.subplots_adjust(left=0.07, right=0.98, top=0.89, bottom=bottom, hspace=0.45, wspace=0.25)
    for index, panel in enumerate(picture.panels):
        ax = fig.add_subplot(rows, columns, index + 1)
        DRAWERS[type(panel)](ax, panel, graphviz=graphviz)
    for row, line in enumerate(below):
        y = bottom - 0.075 - NOTE_LINE_HEIGHT * row  # under the x labels
        fig.text(0.01, y, line, color=NOTE_COLOR, fontsize=9, va="top")
    return fig


def _grid(panels: int) -> tuple[int, int]:
    return {1: (1, 1), 2: (1, 2), 3: (1, 3)}.get(panels, (2, (panels + 1) // 2))


def _lines(ax, panel: Lines, **_) -> None:
    if panel.contour is not None:
        xs, ys, zs = panel.contour
        ax.contour(xs, ys, zs, levels=12, colors="0.8", linewidths=0.8)
    torch_labelled = False
    for series in panel.series:
        color = f"C{series.color}"
        if not series.x:  # a line that could not be drawn: its legend entry says why
            ax.plot([], [], color="0.6", linestyle=":", label=series.label)
        elif series.torch:
            label = "_torch" if torch_labelled else series.label  # one legend entry
            torch_labelled = True
            ax.plot(series.x, series.y, "--", color="black", linewidth=1.1, label=label)
        else:
            marker = "o" if series.markers else None
            ax.plot(
                series.x,
                series.y,
                color=color,
                linewidth=2.6,
                alpha=0.75,
                marker=marker,
                markersize=3,
                label=series.label,
            )
    ax.set_xscale(panel.xscale)
    ax.set_yscale(panel.yscale)
    if panel.ylim is not None:
        ax.set_ylim(*panel.ylim)
    ax.set(title=panel.title, xlabel=panel.xlabel, ylabel=panel.ylabel)
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize=8, loc="best")


def _graph(ax, panel: Graph, graphviz: bool = False) -> None:
    from harness.plots.graph_drawing import draw_graph

    draw_graph(ax, panel, graphviz)


def _images(ax, panel: Images, **_) -> None:
    from harness.plots.image_drawing import draw_images

    draw_images(ax, panel)


DRAWERS = {Lines: _lines, Graph: _graph, Images: _images}


def save(picture: Picture, out, digest: str, graphviz: bool = False) -> None:
    """Write the picture as a small PNG (a palette of a few colours, as the drawing has) that
    records the digest of its data."""
    from PIL import Image, PngImagePlugin  # Pillow comes with matplotlib

    canvas = figure(picture, graphviz).canvas
    canvas.draw()
    rgba = Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba())
    info = PngImagePlugin.PngInfo()
    info.add_text(DIGEST_KEY, digest)
    rgba.convert("RGB").quantize(PNG_COLORS).save(out, format="PNG", optimize=True, pnginfo=info)
