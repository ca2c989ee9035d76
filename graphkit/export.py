"""Exports for other tools: GraphML and GEXF (Gephi), CSV of posts and of modules,
Infomap's flow tree (mapequation.org's Network Navigator), VOSviewer's JSON.

GraphML and GEXF take scalar attributes only: lists become ``"; "``-joined strings and
missing values empty strings, on a copy of the graph.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections.abc import Iterator

import networkx as nx

from .community import flow_network, flow_tree_lines
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


VOS_CLUSTERS = 1000     # VOSviewer numbers clusters 1 … 1000


def _module_numbers(result: BuildResult, *, limit: int | None = None) -> dict[str, int]:
    """Each displayed module's number in the map's order (by flow, largest first) from 1,
    the first ``limit`` only when given; none without a display partition."""
    display = result.display
    return ({m: i for i, m in enumerate(display.modules[:limit], start=1)}
            if display is not None else {})


def to_vosviewer(result: BuildResult) -> str:
    """The map as a VOSviewer JSON file (VOSviewer 1.6.16 on, VOSviewer Online).

    Items are the map's nodes at the map's positions (the vertical axis turned up, as
    VOSviewer draws it), each post in the cluster of its displayed module (numbered by
    flow, largest first; VOSviewer takes at most 1,000, so posts of smaller modules
    have none) with the module's label as the cluster's; weights ``Citations`` (times
    cited here), ``References`` (citations made) and ``Flow``; score ``Year`` (its
    year, for VOSviewer's overlay of time) and its address. Links are undirected, as
    VOSviewer's are: a pair's strength is the weight its edges have in the flow network
    (each layer's weight times the edge's, both directions summed).

    Parameters
    ----------
    result : BuildResult

    Returns
    -------
    str
        The JSON document.

    References
    ----------
    .. [1] VOSviewer Online, "VOSviewer JSON files",
       https://app.vosviewer.com/docs/file-types/json-file-type/
    .. [2] N. J. van Eck, L. Waltman, "Software survey: VOSviewer, a computer program
       for bibliometric mapping", Scientometrics 84(2), 523–538 (2010).
    """
    g = result.graph
    display = result.display
    clusters = _module_numbers(result, limit=VOS_CLUSTERS)
    labels = {m.id: m.label for m in result.modules}
    ids = {n: i for i, n in enumerate(g.nodes, start=1)}
    extra = result.node_extra()
    items = []
    for n, d in g.nodes(data=True):
        x, y = result.positions.get(n, (0.0, 0.0))
        item = {"id": ids[n], "label": str(d.get("label") or n),
                "x": round(float(x), 4), "y": round(-float(y), 4)}
        if d.get("url"):
            item["url"] = str(d["url"])
        module = display.of.get(n) if display is not None else None
        if module in clusters:
            item["cluster"] = clusters[module]
        lines = [html.escape(str(d.get("title") or d.get("label") or n))]
        if module:
            lines.append(f"module {html.escape(module)} · {html.escape(labels.get(module, ''))}")
        if d.get("date"):
            lines.append(html.escape(str(d["date"])))
        item["description"] = "<br>".join(lines)
        e = extra.get(n, {})
        item["weights"] = {"Citations": e.get("cited_by", 0), "References": e.get("cites", 0),
                           "Flow": round(float(result.community.flow.get(n, 0.0)), 8)}
        year = str(d.get("date") or "")[:4]
        if year.isdigit():
            item["scores"] = {"Year": int(year)}
        items.append(item)
    nodes, links = flow_network(g, layer_weights=result.options.layer_weights(),
                                flow_extra_nodes=True)
    strength: dict[tuple[int, int], float] = {}
    for u, v, w in links:
        a, b = ids[nodes[int(u)]], ids[nodes[int(v)]]
        pair = (a, b) if a < b else (b, a)
        strength[pair] = strength.get(pair, 0.0) + float(w)
    doc = {"network": {
        "items": items,
        "links": [{"source_id": a, "target_id": b, "strength": round(w, 6)}
                  for (a, b), w in sorted(strength.items())],
        "clusters": [{"cluster": c, "label": labels.get(m, m)} for m, c in clusters.items()]},
        "config": {"terminology": {"item": "post", "items": "posts", "link": "link",
                                   "links": "links", "link_strength": "weight",
                                   "total_link_strength": "total weight"}}}
    return json.dumps(doc, ensure_ascii=False)


PAJEK_LABEL_CHARS = 200     # a longer title is cut in a Pajek file's vertex label


def _pajek_label(text: str) -> str:
    """A vertex label as Pajek reads one: in double quotes, which it cannot escape (a
    title's ``"`` becomes ``'``), on one line, at most :data:`PAJEK_LABEL_CHARS`."""
    return '"' + " ".join(text.replace('"', "'").split())[:PAJEK_LABEL_CHARS] + '"'


def to_pajek(result: BuildResult) -> str:
    """The map's flow network as a Pajek network file (``.net``): Pajek, VOSviewer, Gephi,
    Infomap and networkx read it.

    Vertices are the map's nodes, numbered from 1 in the graph's order, each labelled
    by its post's title and placed at the map's position (scaled to the unit square, as
    Pajek's coordinates are); arcs are the links InfoMap ran on
    (:func:`graphkit.community.flow_network`: each layer's weight times the edge's, a
    pair's edges summed, an undirected edge in both directions), so that Infomap run on
    the file sees the network graphkit's run saw. The displayed modules are in
    :func:`to_pajek_partition`, the partition file beside it.

    Parameters
    ----------
    result : BuildResult

    Returns
    -------
    str
        The file's text (UTF-8 when written).

    References
    ----------
    .. [1] V. Batagelj, A. Mrvar, "Pajek: Program for Analysis and Visualization of Large
       Networks, Reference Manual" (``*Vertices``, ``*Arcs``),
       http://vlado.fmf.uni-lj.si/pub/networks/pajek/doc/pajekman.pdf
    .. [2] Gephi, "Pajek NET Format",
       https://docs.gephi.org/desktop/User_Manual/Import/Pajek_NET_Format
    """
    g = result.graph
    ids = {n: i for i, n in enumerate(g.nodes, start=1)}
    xs = [float(x) for x, _ in result.positions.values()]
    ys = [float(y) for _, y in result.positions.values()]
    x0, y0 = (min(xs), min(ys)) if xs else (0.0, 0.0)
    span = max(max(xs) - x0, max(ys) - y0, 1e-9) if xs else 1.0
    lines = [f"*Vertices {g.number_of_nodes()}"]
    for n, d in g.nodes(data=True):
        line = f"{ids[n]} {_pajek_label(str(d.get('title') or d.get('label') or n))}"
        if n in result.positions:
            x, y = result.positions[n]
            line += f" {(float(x) - x0) / span:.4f} {(float(y) - y0) / span:.4f} 0.5000"
        lines.append(line)
    nodes, links = flow_network(g, layer_weights=result.options.layer_weights(),
                                flow_extra_nodes=True)
    lines.append("*Arcs")
    lines += [f"{ids[nodes[int(u)]]} {ids[nodes[int(v)]]} {float(w):.6g}" for u, v, w in links]
    return "\n".join(lines) + "\n"


def to_pajek_partition(result: BuildResult) -> str:
    """The displayed modules as a Pajek partition file (``.clu``), the vertices in
    :func:`to_pajek`'s order: each post's displayed module numbered by flow, largest
    first, from 1 (VOSviewer colours its clusters by it); 0 for a node in none (a paper,
    an unresolved title).

    References
    ----------
    .. [1] V. Batagelj, A. Mrvar, "Pajek: Program for Analysis and Visualization of Large
       Networks, Reference Manual" (partitions, ``.clu``),
       http://vlado.fmf.uni-lj.si/pub/networks/pajek/doc/pajekman.pdf
    """
    g = result.graph
    number = _module_numbers(result)
    of = result.display.of if result.display is not None else {}
    return "\n".join([f"*Vertices {g.number_of_nodes()}",
                      *(str(number.get(of.get(n), 0)) for n in g.nodes)]) + "\n"


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
