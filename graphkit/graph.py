"""Build the typed multigraph of posts from the posts, their relations and keywords."""

from __future__ import annotations

import networkx as nx

from .keywords import TermMatrix
from .model import Post
from .relate import Edge, ExtraNode
from .sites import paper_address


EXCERPT_CHARS = 400   # characters of a post's text kept as its node's excerpt


def build_graph(posts: tuple[Post, ...], edges: list[Edge], extra: list[ExtraNode],
                tm: TermMatrix | None = None) -> nx.MultiDiGraph:
    """Assemble the multigraph: one node per post and cited work, one edge per relation.

    Parameters
    ----------
    posts : tuple of Post
    edges : list of Edge
    extra : list of ExtraNode
    tm : TermMatrix, optional
        When given, each post node gets its top ``keywords`` (the eight heaviest that
        :func:`graphkit.keywords.readable_term` accepts).

    Returns
    -------
    networkx.MultiDiGraph
        Nodes sorted by id with attributes ``kind`` (post, unresolved, paper, book),
        ``title``, ``label``, ``date``, ``url`` (a paper's page when its node names it by
        an identifier, :func:`graphkit.sites.paper_address`), ``readers``, ``untitled``,
        ``title_only`` (known by its title only, no text), ``archive_id``,
        ``categories``, ``tags``, ``keywords``, ``excerpt``, ``sources``. Edges keyed by
        kind with ``kind``, ``weight``, ``evidence``, ``directed`` and, for citations,
        ``cited_title``, ``span`` and ``via``; for topics, ``keywords``. An undirected
        ``topic`` edge is stored once, from the smaller id to the larger.
    """
    nodes: dict[str, dict] = {}  # a key seen twice keeps its last attributes
    rows = {k: i for i, k in enumerate(tm.keys)} if tm is not None else {}
    from .keywords import readable_term, tag_term

    phrases = tm.readable_words() if tm is not None else frozenset()
    for p in posts:
        tags = frozenset(tag_term(t) for t in (*p.tags, *p.categories))
        kw = ([t for t, _ in tm.top_terms(rows[p.key], 16)
               if readable_term(t, tags=tags, phrases=phrases)][:8]
              if p.key in rows else [])
        nodes[p.key] = dict(kind="post", title=p.title, label=p.label, date=p.date,
                            url=p.url, readers=p.readers, untitled=p.untitled,
                            title_only=p.title_only,
                            archive_id=p.archive_id, categories=list(p.categories),
                            tags=list(p.tags), keywords=kw, excerpt=p.text[:EXCERPT_CHARS],
                            sources=[f"{s.path}:{s.line}" for s in p.sources])
    for x in extra:
        nodes[x.key] = dict(kind=x.kind, title=x.title, label=x.title, date=None,
                            url=paper_address(x.key),
                            readers=None, untitled=False, title_only=False, archive_id=None,
                            categories=[],
                            tags=[], keywords=[], excerpt="", sources=[])
    links: dict[tuple[str, str, str], dict] = {}  # one edge per (source, target, kind)
    for e in edges:
        attrs = {"kind": e.kind, "weight": e.weight, "evidence": e.evidence,
                 "directed": e.directed}
        if e.kind == "cites":
            attrs.update(cited_title=e.cited_title, span=list(e.span), via=e.via)
        if not e.directed:
            attrs["keywords"] = list(e.keywords)
        links[(e.source, e.target, e.kind)] = attrs
    # Deterministic order of nodes and edges.
    return _multidigraph(sorted(nodes.items()), sorted(links.items(), key=lambda t: t[0]))


def _multidigraph(nodes: list[tuple[str, dict]], links: list[tuple[tuple[str, str, str], dict]]
                  ) -> nx.MultiDiGraph:
    """The MultiDiGraph of these nodes and keyed edges, their attribute dicts taken as
    they are.

    ``add_nodes_from``/``add_edges_from`` would copy each attribute dict and look up
    views per edge; at 500,000 edges that copying is a third of the build and leaves
    as many freed dicts scattered in memory. The dicts are placed in networkx's
    documented adjacency structure instead (``_node``, ``_succ``, ``_pred``: node →
    neighbour → key → attributes, one key dict shared by both directions, as
    ``MultiDiGraph.add_edge`` does); ``tests/test_relate.py`` checks the result equals
    the graph the public methods build.

    References
    ----------
    .. [1] networkx, "Subclassing" of ``DiGraph``/``MultiDiGraph`` (the factories and the
       dict-of-dicts structure), https://networkx.org/documentation/stable/reference/classes/digraph.html
    """
    out = nx.MultiDiGraph()
    node, succ, pred = out._node, out._succ, out._pred
    for n, attrs in nodes:
        node[n] = attrs
        succ[n] = {}
        pred[n] = {}
    for (u, v, key), attrs in links:
        for end in (u, v):
            if end not in node:   # as add_edge: an edge's end is a node
                node[end] = {}
                succ[end] = {}
                pred[end] = {}
        keydict = succ[u].get(v)
        if keydict is None:
            keydict = succ[u][v] = pred[v][u] = {}
        keydict[key] = attrs
    return out
