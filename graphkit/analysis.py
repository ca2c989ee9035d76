"""What the communities tell: growth over time, structural gaps, reading recommendations,
and agreement with the blog's own categories.

All functions take the build's graph and community result first and return plain data
(frozen dataclasses, dicts, lists); the dashboard draws them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import time
from dataclasses import dataclass

import networkx as nx
import numpy as np

from .dates import year_of
from .community import CommunityResult, class_tfidf_labels, detect_communities
from .keywords import TermMatrix


def post_year(graph: nx.MultiDiGraph, node: str) -> int | None:
    """Year of a post node's date, or None when unknown."""
    return year_of(graph.nodes[node].get("date"))


def module_sizes_by_year(graph: nx.MultiDiGraph, result: CommunityResult, *, level: int = 1,
                         display=None) -> dict[int, dict[str, int]]:
    """Number of posts of each module published in each year.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
    result : CommunityResult
    level : int, keyword-only
        Modules of this level (1: top modules) …
    display : DisplayPartition, optional, keyword-only
        … or the displayed modules, when given.

    Returns
    -------
    dict of int to dict of str to int
        ``{year: {module id: posts}}``, years ascending; undated posts are left out.
    """
    out: dict[int, dict[str, int]] = {}
    for node in result.paths:
        year = post_year(graph, node)
        if year is None:
            continue
        m = display.of[node] if display is not None else result.module(node, level)
        out.setdefault(year, {})
        out[year][m] = out[year].get(m, 0) + 1
    return dict(sorted((y, dict(sorted(v.items()))) for y, v in out.items()))


@dataclass(frozen=True)
class Alluvial:
    """Modules of the network cut at successive years, and how posts move between them.

    Attributes
    ----------
    cuts : tuple of int
        The years Y; cut Y holds the posts dated up to the end of Y.
    modules : tuple of dict
        ``{"cut", "module", "size", "label"}`` per top module of each cut.
    flows : tuple of dict
        ``{"source_cut", "source", "target_cut", "target", "posts"}``: posts in module
        ``source`` at one cut that are in module ``target`` at the next.
    """

    cuts: tuple[int, ...]
    modules: tuple[dict, ...]
    flows: tuple[dict, ...]


ALLUVIAL_MIN_SHARE = 0.02   # modules of a cut below this share of its posts are "other"
ALLUVIAL_MIN_POSTS = 5      # … and below this many posts


def alluvial(graph: nx.MultiDiGraph, *, infomap_args: Mapping[str, Any] | None = None,
             tm: TermMatrix | None = None, cuts: list[int] | None = None,
             max_cuts: int = 6, display=None, min_share: float = ALLUVIAL_MIN_SHARE,
             min_posts: int = ALLUVIAL_MIN_POSTS) -> Alluvial:
    """Run InfoMap on the network cut at successive years and link the partitions.

    Each cut's InfoMap starts from the previous cut's partition (Infomap's
    ``initial_partition``), and its modules are then matched to the previous cut's:
    a module takes the name of the earlier module it shares most posts with (largest
    overlaps first, each name once), so a module keeps its name while it grows, and
    posts change module only when the network around them changed enough to move them.
    Modules smaller than ``max(min_posts, min_share × posts)`` at a cut are drawn as one
    "other" module of that cut.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The full post graph; not modified.
    infomap_args : mapping, optional, keyword-only
        Keyword arguments of :func:`graphkit.community.detect_communities` for every cut
        (the layer weights, seed, trials…; see :func:`graphkit.pipeline.infomap_arguments`).
    tm : TermMatrix, optional
        Keyword counts, for module labels.
    cuts : list of int, optional
        Years to cut at (default: up to ``max_cuts`` years evenly spread over the span).
    max_cuts : int, keyword-only
    display : DisplayPartition, optional, keyword-only
        The map's displayed modules: each alluvial module is given the displayed module
        holding most of its posts (``"display"``), so that it can take the map's colour.
    min_share, min_posts : keyword-only
        Smallest module drawn on its own.

    Returns
    -------
    Alluvial

    References
    ----------
    .. [1] M. Rosvall and C. T. Bergstrom, "Mapping change in large networks",
       PLoS ONE 5(1), e8694 (2010) — alluvial diagrams of changing module structure.
    """
    years = sorted({y for n in graph if graph.nodes[n].get("kind") == "post"
                    and (y := post_year(graph, n)) is not None})
    if not years:
        return Alluvial((), (), ())
    if cuts is None:
        idx = np.unique(np.linspace(0, len(years) - 1, min(max_cuts, len(years))).round()
                        .astype(int))
        cuts = [years[i] for i in idx]
    modules, flows = [], []
    previous: dict[str, str] | None = None          # drawn module of each post ("other")
    previous_named: dict[str, str] | None = None    # its module's name
    start: dict[str, int] | None = None
    prev_cut = None
    next_name = 1
    for cut in cuts:
        keep = [n for n, d in graph.nodes(data=True)
                if d.get("kind") != "post" or ((y := post_year(graph, n)) is not None and y <= cut)]
        sub = graph.subgraph(keep)
        if not any(d.get("kind") == "post" for _, d in sub.nodes(data=True)):
            continue
        result = detect_communities(sub, **(infomap_args or {}), initial_partition=start)
        found = {n: result.module(n, 1) for n in result.paths}
        # name each module after the earlier module it overlaps most
        names: dict[str, str] = {}
        if previous_named is not None:
            overlap: dict[tuple[str, str], int] = {}
            for n, m in found.items():
                if n in previous_named:
                    key = (m, previous_named[n])
                    overlap[key] = overlap.get(key, 0) + 1
            used: set[str] = set()
            for (m, old), _ in sorted(overlap.items(), key=lambda kv: (-kv[1], kv[0])):
                if m not in names and old not in used:
                    names[m] = old
                    used.add(old)
        sizes: dict[str, int] = {}
        for m in found.values():
            sizes[m] = sizes.get(m, 0) + 1
        for m in sorted(sizes, key=lambda m: (-sizes[m], [int(x) for x in m.split(":")])):
            if m not in names:
                names[m] = f"m{next_name}"
                next_name += 1
        top = {n: names[m] for n, m in found.items()}
        groups: dict[str, list[str]] = {}
        for n, m in top.items():
            groups.setdefault(m, []).append(n)
        limit = max(min_posts, min_share * len(top))
        small = {m for m, ms in groups.items() if len(ms) < limit}
        shown = {n: ("other" if m in small else m) for n, m in top.items()}
        labels = class_tfidf_labels(tm, {m: ms for m, ms in groups.items() if m not in small}
                                    ) if tm is not None else {}
        for m, members in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            if m in small:
                continue
            modules.append({"cut": cut, "module": m, "size": len(members),
                            "label": " · ".join(labels.get(m, ())) or f"module {m}",
                            "display": _majority(members, display)})
        if small:
            modules.append({"cut": cut, "module": "other",
                            "size": sum(len(groups[m]) for m in small),
                            "label": f"{len(small)} smaller modules", "display": None})
        if previous is not None:
            counts: dict[tuple[str, str], int] = {}
            for n, m in previous.items():
                if n in shown:
                    counts[(m, shown[n])] = counts.get((m, shown[n]), 0) + 1
            for (a, b), c in sorted(counts.items()):
                flows.append({"source_cut": prev_cut, "source": a, "target_cut": cut,
                              "target": b, "posts": c})
        previous, previous_named, prev_cut = shown, top, cut
        number = {m: i + 1 for i, m in enumerate(sorted(set(top.values())))}
        start = {n: number[m] for n, m in top.items()}
    return Alluvial(tuple(cuts), tuple(modules), tuple(flows))


def _majority(members: list[str], display) -> str | None:
    if display is None:
        return None
    counts: dict[str, int] = {}
    for n in members:
        m = display.of.get(n)
        if m is not None:
            counts[m] = counts.get(m, 0) + 1
    return min(counts, key=lambda m: (-counts[m], m)) if counts else None


def module_changes(a: Alluvial) -> dict:
    """How many posts change module between consecutive cuts ("other" counts as one).

    Returns
    -------
    dict
        ``{"stayed": n, "moved": n, "share_moved": x}`` over posts present at both ends
        of each pair of cuts.
    """
    stayed = sum(f["posts"] for f in a.flows if f["source"] == f["target"])
    moved = sum(f["posts"] for f in a.flows if f["source"] != f["target"])
    return {"stayed": stayed, "moved": moved,
            "share_moved": round(moved / max(stayed + moved, 1), 4)}


@dataclass(frozen=True)
class Gap:
    """Two modules close in topic but with few citations between them.

    Attributes
    ----------
    a, b : str
        Top module ids.
    topic_similarity : float
        Cosine similarity of the modules' mean TF-IDF vectors.
    citations : int
        Citations between the two modules, both directions.
    score : float
        ``topic_similarity / (1 + citations)``: high means close but unconnected.
    bridges : tuple of str
        Posts of either module closest in topic to the other module.
    """

    a: str
    b: str
    topic_similarity: float
    citations: int
    score: float
    bridges: tuple[str, ...]


def structural_gaps(graph: nx.MultiDiGraph, result: CommunityResult, tm: TermMatrix, *,
                    top: int = 20, min_size: int = 3, bridges: int = 3,
                    display=None) -> list[Gap]:
    """Rank pairs of modules by topic closeness against citations between them.

    Parameters
    ----------
    graph, result, tm
        From the build.
    top : int, keyword-only
        Number of gaps returned.
    min_size : int, keyword-only
        Modules with fewer posts are left out.
    bridges : int, keyword-only
        Bridge posts named per module side.
    display : DisplayPartition, optional, keyword-only
        Compare the displayed modules (the map's) instead of the top modules.

    Returns
    -------
    list of Gap
        Highest score first.
    """
    rows = {k: i for i, k in enumerate(tm.keys)}
    modules = display.members() if display is not None else result.modules_at(1)
    groups = {m: [n for n in members if n in rows]
              for m, members in modules.items()}
    groups = {m: ms for m, ms in groups.items() if len(ms) >= min_size}
    names = sorted(groups)
    if len(names) < 2:
        return []
    centroids = []
    for m in names:
        c = np.asarray(tm.matrix[[rows[n] for n in groups[m]]].mean(axis=0)).ravel()
        norm = np.linalg.norm(c)
        centroids.append(c / norm if norm else c)
    cent = np.vstack(centroids)
    sim = cent @ cent.T
    top_of = dict(display.of) if display is not None else {n: result.module(n, 1)
                                                           for n in result.paths}
    between: dict[tuple[str, str], int] = {}
    for u, v, d in graph.edges(data=True):
        if d["kind"] != "cites":
            continue
        a, b = top_of.get(u), top_of.get(v)
        if a and b and a != b:
            key = (a, b) if a < b else (b, a)
            between[key] = between.get(key, 0) + 1
    gaps = []
    for i, a in enumerate(names):
        for j in range(i + 1, len(names)):
            b = names[j]
            cites = between.get((a, b), 0)
            score = float(sim[i, j]) / (1 + cites)
            side = []
            for mine, other in ((i, j), (j, i)):
                members = groups[names[mine]]
                scores = np.asarray(tm.matrix[[rows[n] for n in members]] @ cent[other]).ravel()
                order = np.lexsort((np.array(members), -scores))[:bridges]
                side.extend(members[k] for k in order)
            gaps.append(Gap(a, b, round(float(sim[i, j]), 6), cites, round(score, 6),
                            tuple(side)))
    gaps.sort(key=lambda g: (-g.score, g.a, g.b))
    return gaps[:top]


def related_posts(graph: nx.MultiDiGraph, result: CommunityResult, key: str, *, k: int = 10,
                  alpha: float = 0.85, same_module_bonus: float = 0.25) -> list[tuple[str, float]]:
    """Posts to read next from ``key``: personalised PageRank plus a same-module bonus.

    The random walk restarts at ``key`` and follows every edge in both directions by its
    weight (its flow neighbourhood); posts in the same leaf module get ``same_module_bonus``
    times the largest score added.

    Returns
    -------
    list of (str, float)
        Up to ``k`` other posts, best first.

    References
    ----------
    .. [1] T. H. Haveliwala, "Topic-sensitive PageRank", WWW 2002.
    """
    g = _undirected_weights(graph)
    if key not in g:
        raise KeyError(key)
    pr = nx.pagerank(g, alpha=alpha, personalization={key: 1.0}, weight="weight")
    best = max(pr.values())
    leaf = result.leaf_module(key)
    scores = {}
    for n, v in pr.items():
        if n == key or graph.nodes[n].get("kind") != "post":
            continue
        bonus = same_module_bonus * best if leaf and result.leaf_module(n) == leaf else 0.0
        scores[n] = v + bonus
    return sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:k]


def _undirected_weights(graph: nx.MultiDiGraph) -> nx.Graph:
    g = nx.Graph()
    g.add_nodes_from(graph.nodes)
    for u, v, d in graph.edges(data=True):
        if u == v:
            continue
        w = float(d["weight"])
        if g.has_edge(u, v):
            g[u][v]["weight"] += w
        else:
            g.add_edge(u, v, weight=w)
    return g


def compare_with_louvain(graph: nx.MultiDiGraph, result: CommunityResult, *,
                         seed: int = 42, infomap_seconds: float | None = None) -> dict:
    """InfoMap and networkx's Louvain side by side, against categories and tags.

    Returns
    -------
    dict
        For ``"infomap"`` and ``"louvain"``: ``seconds``, ``communities`` and the adjusted
        mutual information with the posts' first category (``ami_categories``) and first
        tag (``ami_tags``), over the posts that have one.

    References
    ----------
    .. [1] V. D. Blondel et al., "Fast unfolding of communities in large networks",
       J. Stat. Mech. (2008) P10008.
    .. [2] N. X. Vinh, J. Epps, J. Bailey, "Information theoretic measures for clusterings
       comparison", JMLR 11 (2010) — adjusted mutual information.
    """
    from sklearn.metrics import adjusted_mutual_info_score

    posts = [n for n in result.paths]
    g = _undirected_weights(graph.subgraph(posts))
    t = time.perf_counter()
    louvain = nx.community.louvain_communities(g, weight="weight", seed=seed)
    louvain_seconds = time.perf_counter() - t
    louvain_of = {n: i for i, c in enumerate(louvain) for n in c}
    infomap_of = {n: result.module(n, 1) for n in posts}

    def ami(labels_of: dict, attr: str) -> float | None:
        pairs = [(graph.nodes[n][attr][0], labels_of[n]) for n in posts
                 if graph.nodes[n].get(attr)]
        if len(pairs) < 2:
            return None
        truth, pred = zip(*pairs)
        return round(float(adjusted_mutual_info_score(truth, pred)), 4)

    return {
        "posts": len(posts),
        "infomap": {"seconds": infomap_seconds, "communities": len(set(infomap_of.values())),
                    "ami_categories": ami(infomap_of, "categories"),
                    "ami_tags": ami(infomap_of, "tags")},
        "louvain": {"seconds": round(louvain_seconds, 4), "communities": len(louvain),
                    "ami_categories": ami(louvain_of, "categories"),
                    "ami_tags": ami(louvain_of, "tags")},
    }
