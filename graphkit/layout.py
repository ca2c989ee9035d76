"""Seeded, module-aware layout that scales as n·k, not n².

Modules are laid out bottom-up: the posts of a leaf module are placed by a seeded force
layout (networkx's Fruchterman–Reingold) when there are at most ``FORCE_LIMIT`` of them,
on a sunflower spiral ordered by flow otherwise; the modules of each level are then
packed as discs around their parent's centre, heaviest first, so that they never
overlap. No force layout sees more than ``FORCE_LIMIT`` nodes, so the cost grows
linearly with the number of posts.

References
----------
.. [1] T. Fruchterman and E. Reingold, "Graph drawing by force-directed placement",
   Software: Practice and Experience 21(11) (1991).
.. [2] H. Vogel, "A better way to construct the sunflower head", Mathematical
   Biosciences 44(3–4) (1979) — the spiral used for large groups.
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np

from .community import CommunityResult

FORCE_LIMIT = 150        # at most this many children are placed by the force layout
NODE_SPACING = 60.0      # pixels between neighbouring posts
_GOLDEN = math.pi * (3 - math.sqrt(5))


def _spiral(n: int) -> np.ndarray:
    i = np.arange(n, dtype=float)
    r = np.sqrt(i + 0.5)
    return np.column_stack([r * np.cos(i * _GOLDEN), r * np.sin(i * _GOLDEN)])


def _pack(names: list[str], radii: dict[str, float], order: dict[str, float]
          ) -> dict[str, np.ndarray]:
    """Pack discs around the origin, heaviest first, without overlap (greedy spiral)."""
    ranked = sorted(names, key=lambda c: (-order.get(c, 0.0), -radii[c], c))
    if len(ranked) > FORCE_LIMIT:
        step = 2.05 * max(radii.values())
        pts = _spiral(len(ranked))
        return {c: pts[i] * step for i, c in enumerate(ranked)}
    placed: list[tuple[np.ndarray, float]] = []
    out: dict[str, np.ndarray] = {}
    gap = NODE_SPACING * 0.5
    for c in ranked:
        r = radii[c]
        if not placed:
            pos = np.zeros(2)
        else:
            t = 0.0
            while True:
                rad = 0.5 * t * (r + gap) / math.pi
                pos = np.array([rad * math.cos(t), rad * math.sin(t)])
                if all(float(np.linalg.norm(pos - q)) >= r + rq + gap for q, rq in placed):
                    break
                t += 0.35
        placed.append((pos, r))
        out[c] = pos
    return out


def _force(names: list[str], weights: dict[tuple[str, str], float], seed: int
           ) -> dict[str, np.ndarray]:
    """Seeded force layout of single posts, scaled to NODE_SPACING between neighbours."""
    g = nx.Graph()
    g.add_nodes_from(names)
    for (a, b), w in sorted(weights.items()):
        g.add_edge(a, b, weight=w)
    pos = nx.spring_layout(g, seed=seed, weight="weight", iterations=60)
    pts = np.vstack([pos[c] for c in names])
    diff = pts[:, None, :] - pts[None, :, :]
    dist = np.sqrt((diff ** 2).sum(-1))
    np.fill_diagonal(dist, np.inf)
    nearest = float(np.median(dist.min(axis=1))) or 1e-6
    return {c: pts[i] * (NODE_SPACING / nearest) for i, c in enumerate(names)}


def _place(children: list[str], radii: dict[str, float], weights: dict[tuple[str, str], float],
           order: dict[str, float], seed: int, *, leaves: bool) -> dict[str, np.ndarray]:
    """Centres of the children of one module, relative to the module's centre."""
    if len(children) == 1:
        return {children[0]: np.zeros(2)}
    if leaves and len(children) <= FORCE_LIMIT:
        return _force(children, weights, seed)
    return _pack(children, radii, order)


def module_layout(graph: nx.MultiDiGraph, result: CommunityResult, *, seed: int = 42
                  ) -> dict[str, tuple[float, float]]:
    """Return a position in pixels for every node of ``graph``.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The post graph; not modified.
    result : CommunityResult
        Module paths (nodes outside the flow are placed next to a neighbour).
    seed : int, keyword-only
        Seed of every force layout; the same seed gives the same positions.

    Returns
    -------
    dict of str to (float, float)
        Positions rounded to 0.1 px, for every node.
    """
    simple: dict[tuple[str, str], float] = {}
    for u, v, d in graph.edges(data=True):
        if u != v:
            a, b = (u, v) if u < v else (v, u)
            simple[(a, b)] = simple.get((a, b), 0.0) + float(d.get("weight", 1.0))
    flow = result.flow
    tree: dict[tuple[int, ...], set] = {}
    for node, path in result.paths.items():
        for depth in range(len(path) - 1):
            tree.setdefault(path[:depth], set()).add(path[: depth + 1])
        tree.setdefault(path[:-1], set()).add(node)
    def lay(item, depth: int) -> tuple[dict[str, np.ndarray], float]:
        """Positions of the nodes under ``item`` around its centre, and its radius."""
        if isinstance(item, str):
            return {item: np.zeros(2)}, NODE_SPACING / 2
        children = sorted(tree[item], key=str)
        inner = {str(c): lay(c, depth + 1) for c in children}
        owner = {n: str(c) for c in children for n in inner[str(c)][0]}
        cw: dict[tuple[str, str], float] = {}
        for (a, b), w in simple.items():
            ca, cb = owner.get(a), owner.get(b)
            if ca is not None and cb is not None and ca != cb:
                pair = (ca, cb) if ca < cb else (cb, ca)
                cw[pair] = cw.get(pair, 0.0) + w
        names = [str(c) for c in children]
        radii = {c: inner[c][1] for c in names}
        order = {c: sum(flow.get(n, 0.0) for n in inner[c][0]) for c in names}
        leaves = all(isinstance(c, str) for c in children)
        placed = _place(names, radii, cw, order, seed + depth, leaves=leaves)
        out: dict[str, np.ndarray] = {}
        for c in names:
            for n, p in inner[c][0].items():
                out[n] = placed[c] + p
        centre = np.mean(np.vstack(list(out.values())), axis=0)
        out = {n: p - centre for n, p in out.items()}
        radius = max(float(np.linalg.norm(p)) for p in out.values()) + NODE_SPACING / 2
        return out, radius

    positions: dict[str, np.ndarray] = lay((), 0)[0] if tree else {}
    # Nodes outside the flow (unresolved citations, papers): next to a neighbour.
    outside = sorted(n for n in graph.nodes if n not in positions)
    rng = np.random.default_rng(seed)
    stray = 0
    for n in outside:
        anchors = sorted(m for m in nx.all_neighbors(graph, n) if m in positions)
        angle = rng.uniform(0, 2 * math.pi)
        if anchors:
            base = positions[anchors[0]]
            positions[n] = base + NODE_SPACING * 1.2 * np.array([math.cos(angle),
                                                                  math.sin(angle)])
        else:
            stray += 1
            positions[n] = _spiral(stray + 1)[stray] * NODE_SPACING * 2 + 2000
    return {n: (round(float(p[0]), 1), round(float(p[1]), 1)) for n, p in positions.items()}
