"""A computation graph drawn with matplotlib: layers by distance from the output, or, when
asked and installed, the layout Graphviz's ``dot`` computes (no other system binary needed).
"""

from __future__ import annotations

import shutil
import subprocess

from harness import limits
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


def dot_positions(graph: Graph) -> list[tuple[float, float]] | None:
    """(x, y) per node as ``dot`` lays the graph out (output on the right), or None when dot
    is not installed or fails."""
    dot = shutil.which("dot")
    if dot is None:
        return None
    lines = ["digraph { rankdir=RL; node [shape=box];"]
    lines += [f"n{i};" for i in range(len(graph.nodes))]
    lines += [f"n{parent} -> n{child};" for parent, child in graph.edges]
    try:
        source = "\n".join([*lines, "}"])
        done = subprocess.run(
            [dot, "-Tplain"], input=source, text=True, capture_output=True,
            timeout=limits.SECONDS_FOR_DOT, check=True,
        )  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return None
    found = {}
    for line in done.stdout.splitlines():  # "node n3 1.25 0.5 ...": name, x, y in inches
        fields = line.split()
        if len(fields) >= 4 and fields[0] == "node":
            found[int(fields[1][1:])] = (float(fields[2]) / 1.5, float(fields[3]) / 1.2)
    if len(found) != len(graph.nodes):
        return None
    return [found[i] for i in range(len(graph.nodes))]


def _label(node: Node) -> tuple[str, str]:
    """The node's text and its border colour (red when its grad is not torch's)."""
    title = f"{node.name} = {node.op}" if node.name and node.op else node.name or node.op or "?"
    lines = [title, f"data {node.data:.4g}" if node.data is not None else "data: not a number"]
    if node.grad is None:
        return "\n".join([*lines, "grad: not a number"]), WRONG
    lines.append(f"grad {node.grad:.4g}")
    if node.torch_grad is None:
        return "\n".join(lines), "0.4"
    agree = abs(node.grad - node.torch_grad) <= 1e-6 * max(1.0, abs(node.torch_grad))
    if not agree:
        lines.append(f"torch {node.torch_grad:.4g}")
    return "\n".join(lines), RIGHT if agree else WRONG


def draw_graph(ax, graph: Graph, graphviz: bool = False) -> None:
    where = dot_positions(graph) if graphviz else None
    layout = ""
    if where is None:
        where = positions(graph)
        layout = "   (dot is not installed: the built-in layout)" if graphviz else ""
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
    ax.set_title(graph.title + "   (green: grad as torch's; red: not)" + layout)
    ax.axis("off")
