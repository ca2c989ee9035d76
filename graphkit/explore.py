"""Queries behind the explorer: filters, ego networks, post pages, module tables.

These are plain functions of a :class:`graphkit.pipeline.BuildResult`; the dashboard
calls them and shows what they return.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from .text import normalize_title


@dataclass(frozen=True)
class EdgeView:
    """One edge as seen from a post: the other end, the kind and the evidence."""

    other: str
    other_label: str
    kind: str
    weight: float
    evidence: str
    cited_title: str


def ego_network(graph: nx.MultiDiGraph, centre: str, *, depth: int = 1) -> set[str]:
    """Return the nodes within ``depth`` steps of ``centre``, edges followed both ways.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
    centre : str
        Node id.
    depth : int, keyword-only
        1 to 3.

    Raises
    ------
    KeyError
        When ``centre`` is not a node.
    """
    if centre not in graph:
        raise KeyError(centre)
    seen = {centre}
    frontier = {centre}
    for _ in range(max(0, depth)):
        nxt = set()
        for n in frontier:
            nxt.update(nx.all_neighbors(graph, n))
        frontier = nxt - seen
        seen |= frontier
    return seen


def filter_nodes(graph: nx.MultiDiGraph, module_of: dict[str, str | None], *,
                 modules: set[str] | None = None, years: tuple[int, int] | None = None,
                 include_undated: bool = True, show_extra: bool = True) -> set[str]:
    """Return the nodes that pass the filters.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
    module_of : dict of str to str
        Top module of each node (None outside the flow).
    modules : set of str, keyword-only
        Keep only posts of these top modules (None: all).
    years : (int, int), keyword-only
        Keep only posts dated within these years, inclusive.
    include_undated : bool, keyword-only
        Keep posts whose year is unknown when ``years`` is set.
    show_extra : bool, keyword-only
        Keep unresolved citations and papers cited by a kept post.
    """
    keep = set()
    for n, d in graph.nodes(data=True):
        if d["kind"] != "post":
            continue
        if modules is not None and module_of.get(n) not in modules:
            continue
        if years is not None:
            date = d.get("date") or ""
            if date[:4].isdigit():
                if not years[0] <= int(date[:4]) <= years[1]:
                    continue
            elif not include_undated:
                continue
        keep.add(n)
    if show_extra:
        for n in list(keep):
            keep.update(m for m in graph.successors(n) if graph.nodes[m]["kind"] != "post")
    return keep


def search(graph: nx.MultiDiGraph, query: str, *, limit: int = 20) -> list[str]:
    """Return posts whose title contains ``query`` or that have it as a keyword.

    Matching is on normalised text (width, case, spacing); exact title matches first.
    """
    q = normalize_title(query)
    if not q:
        return []
    exact, partial = [], []
    for n, d in graph.nodes(data=True):
        t = normalize_title(d.get("label") or "")
        if t == q:
            exact.append(n)
        elif q in t or q in (k.casefold() for k in d.get("keywords", [])):
            partial.append(n)
    return (sorted(exact) + sorted(partial))[:limit]


def post_edges(graph: nx.MultiDiGraph, key: str) -> dict[str, list[EdgeView]]:
    """Return the edges of a post.

    Returns
    -------
    dict
        ``"out"``: citations and series links from the post; ``"in"``: those to it;
        ``"topic"``: undirected relations (shared topics, coupling, co-citation).
    """
    out: dict[str, list[EdgeView]] = {"out": [], "in": [], "topic": []}
    for _, v, d in graph.out_edges(key, data=True):
        bucket = "out" if d.get("directed", True) else "topic"
        out[bucket].append(_view(graph, v, d))
    for u, _, d in graph.in_edges(key, data=True):
        bucket = "in" if d.get("directed", True) else "topic"
        out[bucket].append(_view(graph, u, d))
    for bucket in out.values():
        bucket.sort(key=lambda e: (e.kind, -e.weight, e.other))
    return out


def _view(graph: nx.MultiDiGraph, other: str, d: dict) -> EdgeView:
    return EdgeView(other=other, other_label=graph.nodes[other].get("label") or other,
                    kind=d["kind"], weight=float(d["weight"]), evidence=d["evidence"],
                    cited_title=d.get("cited_title", ""))
