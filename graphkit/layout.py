"""Seeded, module-aware layout that scales as n·k, not n².

Modules are laid out bottom-up: the posts of a leaf module are placed by a seeded force
layout (Fruchterman–Reingold as networkx computes it, the leaf modules of one size in
one batch) when there are at most ``FORCE_LIMIT`` of them,
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
    centres = np.zeros((len(ranked), 2))
    rads = np.array([radii[c] for c in ranked])
    gap = NODE_SPACING * 0.5
    batch = 512
    for i in range(1, len(ranked)):
        r = rads[i]
        start = 0
        while True:  # candidates along an Archimedean spiral, tested 512 at a time
            t = (start + np.arange(batch)) * 0.35
            rad = 0.5 * t * (r + gap) / math.pi
            cand = np.column_stack([rad * np.cos(t), rad * np.sin(t)])
            dist = np.sqrt(((cand[:, None, :] - centres[None, :i, :]) ** 2).sum(axis=2))
            ok = np.all(dist >= rads[None, :i] + r + gap, axis=1)
            if ok.any():
                centres[i] = cand[int(np.argmax(ok))]
                break
            start += batch
    return {c: centres[i] for i, c in enumerate(ranked)}


def _force(names: list[str], weights: dict[tuple[str, str], float], seed: int
           ) -> dict[str, np.ndarray]:
    """Seeded force layout of single posts, scaled to NODE_SPACING between neighbours."""
    return dict(zip(names, _force_points([(names, weights, seed)])[0]))


FORCE_BLOCK = 1 << 19   # entries of one (modules × n × n) array of a batch: 4 MiB


def _force_points(jobs: list) -> list[np.ndarray]:
    """The positions (an array of shape (n, 2), in the order of ``names``) that
    :func:`_force` gives each ``(names, weights, seed)`` job, the modules of one size
    laid out together (:func:`fruchterman_reingold_batch`), up to :data:`FORCE_BLOCK`
    entries at a time."""
    out: list[np.ndarray] = [np.zeros((0, 2))] * len(jobs)
    by_size: dict[int, list[int]] = {}
    for i, (names, _, _) in enumerate(jobs):
        by_size.setdefault(len(names), []).append(i)
    for n, members in sorted(by_size.items()):
        per_block = max(1, FORCE_BLOCK // (n * n))
        for lo in range(0, len(members), per_block):
            block = members[lo:lo + per_block]
            adjacency = np.zeros((len(block), n, n))
            pos = np.empty((len(block), n, 2))
            for b, i in enumerate(block):
                names, weights, seed = jobs[i]
                at = {c: j for j, c in enumerate(names)}
                for (u, v), w in weights.items():
                    adjacency[b, at[u], at[v]] = adjacency[b, at[v], at[u]] = w
                # networkx's start: uniform in the unit square from the seed
                pos[b] = np.random.RandomState(seed).rand(n, 2)
            fruchterman_reingold_batch(adjacency, pos, iterations=60)
            pos -= pos.mean(axis=1, keepdims=True)
            for b, i in enumerate(block):
                names, pts = jobs[i][0], pos[b]
                dist = np.sqrt(((pts[:, None, :] - pts[None, :, :]) ** 2).sum(-1))
                np.fill_diagonal(dist, np.inf)
                nearest = float(np.median(dist.min(axis=1))) or 1e-6
                out[i] = pts * (NODE_SPACING / nearest)
    return out


def fruchterman_reingold_batch(adjacency: np.ndarray, pos: np.ndarray, *,
                               iterations: int = 50, threshold: float = 1e-4) -> np.ndarray:
    """Fruchterman–Reingold force layouts of many graphs of ``n`` nodes at once.

    The model, start temperature, cooling and stopping rule of networkx's
    ``spring_layout`` (its dense solver, below 500 nodes) for each graph, computed
    for all of them in each step: one step costs a few array operations whatever the
    number of graphs, where one graph at a time costs them per graph (2,969 leaf
    modules of the 100,000-post benchmark: 4× faster). Each graph stops when its
    own step is small, as networkx's does.

    Parameters
    ----------
    adjacency : numpy.ndarray, shape (b, n, n)
        Symmetric edge weights of each graph (0: no edge).
    pos : numpy.ndarray, shape (b, n, 2)
        Start positions (networkx: uniform in the unit square); replaced in place by
        the layout, in the model's units (not centred or scaled).
    iterations : int, keyword-only
        Most steps per graph.
    threshold : float, keyword-only
        A graph stops once its step, the norm of all its moves divided by ``n``, is
        below this.

    Returns
    -------
    numpy.ndarray, shape (b, n, 2)
        ``pos``.

    References
    ----------
    .. [1] T. Fruchterman and E. Reingold, "Graph drawing by force-directed
       placement", Software: Practice and Experience 21(11) (1991).
    .. [2] networkx, ``networkx.drawing.layout._fruchterman_reingold``,
       https://github.com/networkx/networkx/blob/main/networkx/drawing/layout.py
    """
    n = pos.shape[1]
    k = math.sqrt(1.0 / n)              # the optimal distance in the unit square
    x, y = pos[:, :, 0].copy(), pos[:, :, 1].copy()
    # the start temperature: a tenth of the layout's extent, cooled linearly
    t = np.maximum(x.max(axis=1) - x.min(axis=1), y.max(axis=1) - y.min(axis=1)) * 0.1
    dt = t / (iterations + 1)
    active = np.arange(len(pos))
    for _ in range(iterations):
        xa, ya, weights = x[active], y[active], adjacency[active]
        dx = xa[:, :, None] - xa[:, None, :]
        dy = ya[:, :, None] - ya[:, None, :]
        d2 = dx * dx
        d2 += dy * dy
        np.maximum(d2, 1e-4, out=d2)    # distances of at least 0.01
        # repulsion k²/d minus attraction w·d²/k, along the unit vector (dx, dy)/d
        force = k * k / d2
        force -= weights * np.sqrt(d2) / k
        mx = np.einsum("bij,bij->bi", dx, force)
        my = np.einsum("bij,bij->bi", dy, force)
        length = np.sqrt(mx * mx + my * my)
        np.maximum(length, 0.01, out=length)
        step = t[active][:, None] / length      # every node moves by the temperature
        mx *= step
        my *= step
        x[active] = xa + mx
        y[active] = ya + my
        t[active] -= dt[active]
        active = active[np.sqrt((mx * mx + my * my).sum(axis=1)) / n >= threshold]
        if not active.size:
            break
    pos[:, :, 0], pos[:, :, 1] = x, y
    return pos


def _place(children: list[str], radii: dict[str, float], weights: dict[tuple[str, str], float],
           order: dict[str, float], seed: int, *, leaves: bool) -> dict[str, np.ndarray]:
    """Centres of the children of one module, relative to the module's centre."""
    if len(children) == 1:
        return {children[0]: np.zeros(2)}
    if leaves and len(children) <= FORCE_LIMIT:
        return _force(children, weights, seed)
    return _pack(children, radii, order)


PARALLEL_MIN_LEAVES = 500   # leaf modules from which their force layouts run in workers


def _leaf_forces(jobs: list, workers: int) -> list[dict[str, np.ndarray]]:
    """:func:`_force` of every job, in ``workers`` forked processes when above 1 (each
    a share of the jobs of about equal cost, n² per module; the jobs are inherited,
    only the positions come back)."""
    if workers <= 1 or len(jobs) < 2 * workers:
        points = _force_points(jobs)
    else:
        from ._runtime import balanced_shares, fork_map

        shares = balanced_shares((len(names) ** 2 for names, _, _ in jobs), workers)
        points = [p for part in fork_map(_share_points, shares, workers, shared=jobs)
                  for p in part]
    return [dict(zip(names, pts)) for (names, _, _), pts in zip(jobs, points)]


def _share_points(jobs: list, share: tuple[int, int]) -> list[np.ndarray]:
    return _force_points(jobs[share[0]:share[1]])


def module_layout(graph: nx.MultiDiGraph, result: CommunityResult, *, seed: int = 42,
                  workers: int | None = 0) -> dict[str, tuple[float, float]]:
    """Return a position in pixels for every node of ``graph``.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The post graph; not modified.
    result : CommunityResult
        Module paths (nodes outside the flow are placed next to a neighbour).
    seed : int, keyword-only
        Seed of every force layout; the same seed gives the same positions.
    workers : int or None, keyword-only
        Processes that run the leaf modules' force layouts (independent of each other;
        the 2,969 leaf modules of the 100,000-post benchmark: about 4.5 s of one core,
        half the stage), each a share of about equal cost (n² per module). 0: this
        process. None: one per core from ``PARALLEL_MIN_LEAVES`` leaf modules on when
        this process may fork (:func:`graphkit._runtime.may_fork`). The positions do not
        depend on it.

    Returns
    -------
    dict of str to (float, float)
        Positions rounded to 0.1 px, for every node.
    """
    paths = result.paths
    flow = result.flow
    tree: dict[tuple[int, ...], set] = {}
    for node, path in paths.items():
        for depth in range(len(path) - 1):
            tree.setdefault(path[:depth], set()).add(path[: depth + 1])
        tree.setdefault(path[:-1], set()).add(node)
    # Each edge matters at one level only: the deepest module holding both ends.
    edges_at: dict[tuple[int, ...], dict[tuple[str, str], float]] = {}
    for u, v, d in graph.edges(data=True):
        if u == v or u not in paths or v not in paths:
            continue
        pu, pv = paths[u][:-1], paths[v][:-1]
        k = 0
        while k < min(len(pu), len(pv)) and pu[k] == pv[k]:
            k += 1
        bucket = edges_at.setdefault(pu[:k], {})
        pair = (u, v) if u < v else (v, u)
        bucket[pair] = bucket.get(pair, 0.0) + float(d.get("weight", 1.0))

    def child_name(node: str, depth: int) -> str:
        path = paths[node]
        return node if depth >= len(path) - 1 else str(path[: depth + 1])

    def leaf_weights(item: tuple[int, ...], depth: int) -> dict[tuple[str, str], float]:
        cw: dict[tuple[str, str], float] = {}
        for (u, v), w in edges_at.get(item, {}).items():
            cu, cv = child_name(u, depth), child_name(v, depth)
            if cu != cv:
                pair = (cu, cv) if cu < cv else (cv, cu)
                cw[pair] = cw.get(pair, 0.0) + w
        return cw

    # The force layouts of leaf modules are independent: computed first, in workers
    # when there are many.
    leaf_items = sorted(item for item, children in tree.items()
                        if 1 < len(children) <= FORCE_LIMIT
                        and all(isinstance(c, str) for c in children))
    if workers is None:
        from ._runtime import fork_workers

        workers = fork_workers(len(leaf_items), PARALLEL_MIN_LEAVES)
    jobs = [(sorted(tree[item], key=str), leaf_weights(item, len(item)), seed + len(item))
            for item in leaf_items]
    forced = dict(zip(leaf_items, _leaf_forces(jobs, workers)))

    def lay(item: tuple[int, ...]) -> tuple[list[str], np.ndarray, float]:
        """Nodes under ``item``, their positions around its centre, and its radius."""
        depth = len(item)
        children = sorted(tree[item], key=str)
        names: list[str] = []
        inner: dict[str, tuple[list[str], np.ndarray, float]] = {}
        for c in children:
            if isinstance(c, str):
                inner[c] = ([c], np.zeros((1, 2)), NODE_SPACING / 2)
            else:
                inner[str(c)] = lay(c)
            names.append(str(c))
        if item in forced:
            placed = forced[item]
        else:
            radii = {c: inner[c][2] for c in names}
            order = {c: sum(flow.get(n, 0.0) for n in inner[c][0]) for c in names}
            leaves = all(isinstance(c, str) for c in children)
            placed = _place(names, radii, leaf_weights(item, depth), order, seed + depth,
                            leaves=leaves)
        nodes = [n for c in names for n in inner[c][0]]
        xy = np.vstack([inner[c][1] + placed[c] for c in names])
        xy -= xy.mean(axis=0)
        radius = float(np.sqrt((xy ** 2).sum(axis=1)).max()) + NODE_SPACING / 2
        return nodes, xy, radius

    positions: dict[str, np.ndarray] = {}
    if tree:
        nodes, xy, _ = lay(())
        positions = {n: xy[i] for i, n in enumerate(nodes)}
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
