"""Exports for other tools: GraphML and GEXF (Gephi), CSV of posts and of modules,
Infomap's flow tree (mapequation.org's Network Navigator).

GraphML and GEXF take scalar attributes only: lists become ``"; "``-joined strings and
missing values empty strings, on a copy of the graph.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator

import networkx as nx

from .community import flow_tree_lines
from .pipeline import BuildResult

_SKIP_NODE = ("excerpt",)


# Characters XML 1.0 does not allow in a document, even escaped: C0 controls but tab,
# newline and carriage return, lone surrogates, U+FFFE and U+FFFF.
_XML_ILLEGAL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids (section 2.2, ``Char``).

    Page text may hold a raw U+0008 or a form feed; one such character makes a GraphML
    or GEXF file unreadable, so they are removed.

    References
    ----------
    .. [1] Extensible Markup Language (XML) 1.0, fifth edition, section 2.2,
       https://www.w3.org/TR/xml/#charsets
    """
    return _XML_ILLEGAL_RE.sub("", text)


def _flat(value):
    if value is None:
        return ""
    if isinstance(value, (list, tuple, set)):
        return xml_text("; ".join(str(v) for v in value))
    if isinstance(value, str):
        return xml_text(value)
    if isinstance(value, (bool, int, float)):
        return value
    return xml_text(str(value))


def annotated_graph(result: BuildResult) -> nx.MultiDiGraph:
    """A copy of the graph with modules, flow and PageRank as flat node attributes."""
    g = nx.MultiDiGraph()
    extra = result.node_extra()
    for n, d in result.graph.nodes(data=True):
        attrs = {k: _flat(v) for k, v in d.items() if k not in _SKIP_NODE}
        attrs.update(module=result.community.leaf_module(n) or "",
                     top_module=result.community.module(n, 1) or "",
                     flow=float(result.community.flow.get(n, 0.0)), **extra.get(n, {}))
        x, y = result.positions.get(n, (0.0, 0.0))
        attrs.update(x=float(x), y=float(y))
        g.add_node(xml_text(n), **attrs)
    for u, v, k, d in result.graph.edges(keys=True, data=True):
        g.add_edge(xml_text(u), xml_text(v), key=k, **{a: _flat(b) for a, b in d.items()})
    return g


def to_graphml(result: BuildResult) -> bytes:
    """GraphML of the annotated graph (UTF-8 bytes)."""
    return "\n".join(nx.generate_graphml(annotated_graph(result))).encode("utf-8")


def to_gexf(result: BuildResult) -> bytes:
    """GEXF 1.2 of the annotated graph (UTF-8 bytes), for Gephi."""
    buf = io.BytesIO()
    nx.write_gexf(annotated_graph(result), buf, encoding="utf-8", version="1.2draft")
    return buf.getvalue()


def to_ftree(result: BuildResult) -> str:
    """Infomap's flow tree (``.ftree``) of the map's partition, each node named by its
    post's title: mapequation.org's Network Navigator and Alluvial Generator open it
    (:func:`graphkit.community.flow_tree`). The lines of :func:`ftree_lines` joined.
    """
    return "".join(ftree_lines(result))


def ftree_lines(result: BuildResult) -> Iterator[str]:
    """The lines of :func:`to_ftree`, one at a time, each with its line break.

    Raises
    ------
    CommunityError
        When the result's communities do not name their flow network (not made by
        :func:`graphkit.community.detect_communities`).
    """
    names = {n: str(d.get("title") or d.get("label") or n)
             for n, d in result.graph.nodes(data=True)}
    return flow_tree_lines(result.graph, result.community, names=names)


def posts_csv(result: BuildResult) -> str:
    """One row per post: id, title, date, url, module, flow, PageRank, citations in/out,
    whether it is known by its title only."""
    extra = result.node_extra()
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["id", "title", "date", "url", "module", "top_module", "flow", "pagerank",
                "cited_by", "cites", "title_only", "categories", "tags", "keywords"])
    for n, d in result.graph.nodes(data=True):
        if d["kind"] != "post":
            continue
        e = extra.get(n, {})
        w.writerow([n, d["label"], d.get("date") or "", d.get("url") or "",
                    result.community.leaf_module(n) or "", result.community.module(n, 1) or "",
                    f"{result.community.flow.get(n, 0.0):.8f}", f"{e.get('pagerank', 0.0):.8f}",
                    e.get("cited_by", 0), e.get("cites", 0), int(bool(d.get("title_only"))),
                    "; ".join(d.get("categories", [])),
                    "; ".join(d.get("tags", [])), "; ".join(d.get("keywords", []))])
    return out.getvalue()


def modules_csv(result: BuildResult) -> str:
    """One row per module and level: id, level, label, size, flow, dates, top posts."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["module", "level", "label", "size", "flow", "first_date", "last_date",
                "top_posts", "most_cited"])
    g = result.graph
    for m in result.modules:
        w.writerow([m.id, m.level, m.label, m.size, f"{m.flow:.6f}", m.first_date or "",
                    m.last_date or "", "; ".join(g.nodes[p]["label"] for p in m.top_posts),
                    g.nodes[m.most_cited]["label"] if m.most_cited else ""])
    return out.getvalue()
