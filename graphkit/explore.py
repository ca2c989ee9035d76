"""Queries behind the explorer: filters, ego networks, post pages, module tables.

These are plain functions of a :class:`graphkit.pipeline.BuildResult`; the dashboard
calls them and shows what they return.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import networkx as nx

from .dates import year_of


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

    See Also
    --------
    networkx.ego_graph : the subgraph this takes the nodes of.
    """
    if centre not in graph:
        raise KeyError(centre)
    return set(nx.ego_graph(graph, centre, radius=max(0, depth), undirected=True))


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
            year = year_of(d.get("date"))
            if year is not None:
                if not years[0] <= year <= years[1]:
                    continue
            elif not include_undated:
                continue
        keep.add(n)
    if show_extra:
        for n in list(keep):
            keep.update(m for m in graph.successors(n) if graph.nodes[m]["kind"] != "post")
    return keep


@dataclass(frozen=True)
class SearchHits:
    """The first hits of a search, best first, and how many there are in all.

    Attributes
    ----------
    ids : tuple of str
        At most ``limit`` node ids.
    total : int
        Every hit; ``total - len(ids)`` were left out (say so: "N more").
    """

    ids: tuple[str, ...]
    total: int

    @property
    def more(self) -> int:
        """Hits not in :attr:`ids`."""
        return self.total - len(self.ids)


def _search_key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def search(graph: nx.MultiDiGraph, query: str, *, limit: int = 20,
           flow: dict[str, float] | None = None) -> SearchHits:
    """Find nodes by title or keyword, best first.

    Posts come before papers and unresolved citations; within each, an exact title
    before a title that contains the query before a keyword equal to it; then larger
    flow, then label. Matching ignores width and case and treats runs of white space
    as one space, but keeps spaces (``"for open"`` does not match ``"foropen"``).

    Parameters
    ----------
    graph : networkx.MultiDiGraph
    query : str
    limit : int, keyword-only
        Hits returned in :attr:`SearchHits.ids`.
    flow : dict of str to float, optional, keyword-only
        Node flow, to rank hits of the same kind and match.

    Returns
    -------
    SearchHits
    """
    q = _search_key(query)
    if not q:
        return SearchHits((), 0)
    flow = flow or {}
    ranked = []
    for n, d in graph.nodes(data=True):
        t = _search_key(d.get("label") or "")
        if t == q:
            rank = 0
        elif q in t:
            rank = 1
        elif any(_search_key(k) == q for k in d.get("keywords", [])):
            rank = 2
        else:
            continue
        ranked.append((d["kind"] != "post", rank, -flow.get(n, 0.0), d.get("label") or n, n))
    ranked.sort()
    return SearchHits(tuple(r[-1] for r in ranked[:limit]), len(ranked))


EDGE_SECTIONS = (("cites", "cites"), ("cited by", "cites"), ("series", "series"),
                 ("shared topics", "topic"), ("bibliographic coupling", "coupling"),
                 ("co-citation", "cocitation"))


def post_edges(graph: nx.MultiDiGraph, key: str) -> dict[str, list[EdgeView]]:
    """Return the edges of a post, one list per kind of relation.

    Returns
    -------
    dict of str to list of EdgeView
        In the order of :data:`EDGE_SECTIONS`: ``"cites"`` (citations from the post),
        ``"cited by"`` (citations of it), ``"series"`` (both directions),
        ``"shared topics"``, ``"bibliographic coupling"``, ``"co-citation"``; each list
        sorted by weight, then the other end.
    """
    out: dict[str, list[EdgeView]] = {name: [] for name, _ in EDGE_SECTIONS}
    section = {"topic": "shared topics", "coupling": "bibliographic coupling",
               "cocitation": "co-citation", "series": "series"}
    for _, v, d in graph.out_edges(key, data=True):
        out["cites" if d["kind"] == "cites" else section.get(d["kind"], d["kind"])].append(
            _view(graph, v, d))
    for u, _, d in graph.in_edges(key, data=True):
        out["cited by" if d["kind"] == "cites" else section.get(d["kind"], d["kind"])].append(
            _view(graph, u, d))
    for bucket in out.values():
        bucket.sort(key=lambda e: (-e.weight, e.other))
    return out


def _view(graph: nx.MultiDiGraph, other: str, d: dict) -> EdgeView:
    return EdgeView(other=other, other_label=graph.nodes[other].get("label") or other,
                    kind=d["kind"], weight=float(d["weight"]), evidence=d["evidence"],
                    cited_title=d.get("cited_title", ""))


def posts_per_month(graph: nx.MultiDiGraph, display) -> list[dict]:
    """Posts published per month and displayed module (the timeline).

    Parameters
    ----------
    graph : networkx.MultiDiGraph
    display : DisplayPartition

    Returns
    -------
    list of dict
        ``{"month": "YYYY-MM", "module": id, "posts": n}``, sorted by month, then module;
        posts without a known year are left out.
    """
    counts: dict[tuple[str, str], int] = {}
    for n, d in graph.nodes(data=True):
        m = display.of.get(n)
        if d["kind"] != "post" or year_of(d.get("date")) is None or m is None:
            continue
        key = (d["date"][:7], m)
        counts[key] = counts.get(key, 0) + 1
    return [{"month": k[0], "module": k[1], "posts": v} for k, v in sorted(counts.items())]


def neighbouring_modules(graph: nx.MultiDiGraph, module_of: Mapping[str, str | None],
                         members: Iterable[str], *, limit: int = 8) -> list[tuple[str, int]]:
    """The modules linked most to a group of nodes (a module's page).

    Parameters
    ----------
    graph : networkx.MultiDiGraph
    module_of : mapping of str to str
        Module of each node, at the level the page shows.
    members : iterable of str
        The group's nodes.
    limit : int, keyword-only
        Modules returned.

    Returns
    -------
    list of (str, int)
        ``(module, links)``: edges of any kind between the group and that module, most
        first (ties by module id).
    """
    inside = set(members)
    own = {module_of.get(n) for n in inside}
    counts: dict[str, int] = {}
    for u, v in graph.edges():
        if (u in inside) != (v in inside):
            m = module_of.get(v if u in inside else u)
            if m is not None and m not in own:
                counts[m] = counts.get(m, 0) + 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]


def year_span(graph: nx.MultiDiGraph) -> list[int]:
    """The years in which the nodes are dated, ascending."""
    return sorted({y for _, d in graph.nodes(data=True) if (y := year_of(d.get("date"))) is not None})


def undated_posts(graph: nx.MultiDiGraph) -> int:
    """How many posts have no known year."""
    return sum(1 for _, d in graph.nodes(data=True)
               if d["kind"] == "post" and year_of(d.get("date")) is None)
