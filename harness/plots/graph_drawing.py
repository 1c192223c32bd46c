"""A computation graph drawn with matplotlib alone: layers by distance from the output."""

from __future__ import annotations

from harness.plots.picture import Graph, Node

WRONG = "#b00020"
RIGHT = "#1b7837"


def positions(graph: Graph) -> list[tuple[float, float]]:
    """(x, y) per node: the output on the right, each layer of inputs one step to the left."""
    layers: dict[int, list[int]] = {}
    for i, node in enumerate(graph.nodes):
        layers.setdefault(node.depth, []).append(i)
    where = [(0.0, 0.0)] * len(graph.nodes)
    for depth, members in layers.items():
        for rank, i in enumerate(members):
            where[i] = (-float(depth), (len(members) - 1) / 2 - rank)
    return where


def _label(node: Node) -> tuple[str, str]:
    """The node's text and its border colour (red when its grad is not torch's)."""
    title = f"{node.name} = {node.op}" if node.name and node.op else node.name or node.op or "?"
    lines = [title, f"data {node.data:.4g}"]
    if node.grad is None:
        return "\n".join([*lines, "grad: not computed"]), WRONG
    lines.append(f"grad {node.grad:.4g}")
    if node.torch_grad is None:
        return "\n".join(lines), "0.4"
    agree = abs(node.grad - node.torch_grad) <= 1e-6 * max(1.0, abs(node.torch_grad))
    if not agree:
        lines.append(f"torch {node.torch_grad:.4g}")
    return "\n".join(lines), RIGHT if agree else WRONG


def draw_graph(ax, graph: Graph) -> None:
    where = positions(graph)
    for parent, child in graph.edges:  # backward walks from a node to its inputs
        ax.annotate(
            "",
            xy=where[child],
            xytext=where[parent],
            arrowprops={
                "arrowstyle": "-|>",
                "color": "0.5",
                "shrinkA": 28,
                "shrinkB": 28,
                "linewidth": 1.2,
            },
        )
    for (x, y), node in zip(where, graph.nodes, strict=True):
        text, color = _label(node)
        ax.text(
            x,
            y,
            text,
            ha="center",
            va="center",
            fontsize=8.5,
            family="monospace",
            bbox={
                "boxstyle": "round,pad=0.4",
                "facecolor": "white",
                "edgecolor": color,
                "linewidth": 1.8,
            },
        )
    xs = [x for x, _ in where] or [0.0]
    ys = [y for _, y in where] or [0.0]
    ax.set_xlim(min(xs) - 0.6, max(xs) + 0.6)
    ax.set_ylim(min(ys) - 0.7, max(ys) + 0.7)
    ax.set_title(graph.title + "   (green: grad as torch's; red: not)")
    ax.axis("off")
