"""Kata 05: the computation graph of a small neuron built with the learner's ``Value``.

Each node shows its operation, its data and the grad the learner's ``backward()`` gave it,
next to torch's grad for the same expression. Edges go the way backward walks: from the
output to the inputs each node was computed from.
"""

from __future__ import annotations

from harness.plots.code import Unusable
from harness.plots.picture import Graph, Node, Picture

MAX_NODES = 60  # a learner's graph that is larger than this is not the expression built here


def neuron(leaf):
    """tanh(x1*w1 + x2*w2 + b), built from ``leaf`` numbers; every named node, output last."""
    x1, x2, w1, w2 = leaf(2.0), leaf(0.0), leaf(-3.0), leaf(1.0)
    b = leaf(6.8813735870195432)  # so that the output is a round 0.7071
    x1w1 = x1 * w1
    x2w2 = x2 * w2
    total = x1w1 + x2w2
    n = total + b
    o = n.tanh()
    return {
        "x1": x1,
        "x2": x2,
        "w1": w1,
        "w2": w2,
        "b": b,
        "x1*w1": x1w1,
        "x2*w2": x2w2,
        "x1*w1 + x2*w2": total,
        "n": n,
        "o": o,
    }


def _torch_grads() -> dict[str, float]:
    import torch

    nodes = neuron(lambda v: torch.tensor(v, dtype=torch.float64, requires_grad=True))
    for node in nodes.values():
        node.retain_grad()
    nodes["o"].backward()
    return {name: float(node.grad) for name, node in nodes.items()}


def _walk(output) -> list:
    """Every node reachable from ``output`` through ``_prev``, each once, output first."""
    order, seen, stack = [], set(), [output]
    while stack and len(order) < MAX_NODES:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        order.append(node)
        stack.extend(getattr(node, "_prev", ()))
    return order


def _depths(order) -> dict[int, int]:
    """The longest path from the output to each node: its layer in the drawing."""
    depth = {id(order[0]): 0}
    for _ in order:  # relax until nothing changes; the graph is small
        changed = False
        for node in order:
            for child in getattr(node, "_prev", ()):
                if id(node) in depth and depth.get(id(child), -1) < depth[id(node)] + 1:
                    depth[id(child)] = depth[id(node)] + 1
                    changed = True
        if not changed:
            break
    return depth


def _number(value) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def graph_of(output, names: dict[int, str], torch_grads: dict[str, float]) -> Graph:
    """The graph reachable from ``output``, with each node's data and grad as they are now."""
    order = _walk(output)
    depth = _depths(order)
    index = {id(node): i for i, node in enumerate(order)}
    graph = Graph("o = tanh(x1·w1 + x2·w2 + b), after o.backward()")
    for node in order:
        name = names.get(id(node), "")
        op = str(getattr(node, "_op", ""))
        data = _number(getattr(node, "data", None))
        grad = _number(getattr(node, "grad", None))
        graph.nodes.append(
            Node(name, op, data, grad, torch_grads.get(name), depth.get(id(node), 0))
        )
        children = getattr(node, "_prev", ())
        graph.edges += [(index[id(node)], index[id(c)]) for c in children if id(c) in index]
    return graph


def build(code) -> Picture:
    title = "the computation graph, and the gradients backward() left in it"
    module = code.module("autograd")
    try:  # the forward pass is the stub's own code, unless the learner changed it
        named = code.call("Value", lambda: neuron(module.Value), given=True)
    except Unusable as why:
        return Picture("05", title, [Graph(f"the neuron could not be built: {why}")])
    try:
        code.call("backward", lambda: named["o"].backward())
    except Unusable:
        pass  # drawn with the gradients backward() had left when it stopped
    names = {id(node): name for name, node in named.items()}
    return Picture("05", title, [graph_of(named["o"], names, _torch_grads())])
