"""The render step: node-link JSON and the standalone HTML map.

The map is one HTML file with everything inline: the vis-network library shipped with
pyvis, the graph data as JSON inside ``<script type="application/json">`` (with ``<``,
``>`` and ``&`` escaped, so page text can never close the script), and a small script
that builds every tooltip and panel with ``textContent``, never ``innerHTML``. Positions
are precomputed (:mod:`graphkit.layout`) and physics is off, so the map draws at once.
It loads nothing from the network and a Content-Security-Policy forbids it to.
"""

from __future__ import annotations

import json
import math
from importlib import resources
from pathlib import Path

import networkx as nx

from .community import CommunityResult, ModuleSummary
from .layout import NODE_SPACING

PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
           "#17becf", "#bcbd22", "#7f7f7f", "#393b79", "#ad494a", "#637939", "#8c6d31",
           "#843c39", "#7b4173", "#3182bd", "#e6550d", "#31a354", "#756bb1")
OTHER_COLOR = "#b0b0b0"
EDGE_COLORS = {"cites": "#c0392b", "series": "#27ae60", "topic": "#8e9aaf",
               "coupling": "#d4a017", "cocitation": "#8e44ad"}
SHORT_LABEL = 16  # characters drawn on the canvas; the tooltip has the whole title
OVERVIEW_THRESHOLD = 1500  # maps with more posts open on a module-level overview


def module_colors(modules: tuple[ModuleSummary, ...]) -> dict[str, str]:
    """Colour of each top module: the palette by flow rank, grey past its length."""
    top = [m for m in modules if m.level == 1]
    return {m.id: (PALETTE[i] if i < len(PALETTE) else OTHER_COLOR) for i, m in enumerate(top)}


def node_link(graph: nx.MultiDiGraph, result: CommunityResult | None = None,
              modules: tuple[ModuleSummary, ...] = (), *, extra: dict | None = None) -> dict:
    """Return the graph as networkx node-link data, with modules and flow.

    Node attributes gain ``module`` (InfoMap path such as ``"2:1"``), ``top_module``,
    ``flow`` and, when given in ``extra[node]``, more values (PageRank...). Graph
    attributes hold the codelength figures and the parameters.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        Not modified (the node-link data is annotated).
    result : CommunityResult, optional
    modules : tuple of ModuleSummary
    extra : dict of str to dict, optional
        Additional node attributes.

    Returns
    -------
    dict
        ``nx.node_link_data(graph, edges="links")`` with the node and graph
        attributes above added.
    """
    data = nx.node_link_data(graph, edges="links")  # fresh node dicts: annotate those
    for node in data["nodes"]:
        n = node["id"]
        if result is not None:
            node["module"] = result.leaf_module(n)
            node["top_module"] = result.module(n, 1)
            node["flow"] = round(result.flow.get(n, 0.0), 10) if n in result.flow else None
        if extra and n in extra:
            node.update(extra[n])
    data["graph"] = dict(data["graph"])  # node_link_data shares graph.graph itself
    if result is not None:
        data["graph"].update(
            codelength=result.codelength, one_level_codelength=result.one_level_codelength,
            relative_codelength_savings=result.relative_savings,
            num_top_modules=result.num_top_modules, num_levels=result.num_levels,
            trivial=result.trivial, message=result.message, parameters=result.parameters,
            modules=[{"id": m.id, "level": m.level, "label": m.label,
                      "keywords": list(m.keywords), "size": m.size, "flow": m.flow,
                      "first_date": m.first_date, "last_date": m.last_date,
                      "top_posts": list(m.top_posts), "most_cited": m.most_cited}
                     for m in modules])
    return data


def dumps_json(data: dict, *, indent: int | None = 1) -> str:
    """Serialise deterministically (sorted keys, UTF-8 text).

    Parameters
    ----------
    data : dict
    indent : int or None, keyword-only
        Spaces per level; ``None`` writes compact JSON, which Python's C encoder
        produces about five times faster (the indenting encoder is pure Python).
    """
    separators = (",", ":") if indent is None else None
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=indent,
                      separators=separators, default=_default)


def _default(o):
    if isinstance(o, (set, frozenset)):
        return sorted(o)
    if isinstance(o, tuple):
        return list(o)
    raise TypeError(f"not JSON serialisable: {type(o).__name__}")


def _script_json(data: dict) -> str:
    """JSON safe to place inside a ``<script>`` element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _short(label: str) -> str:
    return label if len(label) <= SHORT_LABEL else label[: SHORT_LABEL - 1] + "…"


def map_data(graph: nx.MultiDiGraph, result: CommunityResult,
             modules: tuple[ModuleSummary, ...], positions: dict[str, tuple[float, float]],
             *, show_extra: bool = True, layers: tuple[str, ...] | None = None,
             nodes: set[str] | None = None, select: str | None = None,
             overview_threshold: int = OVERVIEW_THRESHOLD) -> dict:
    """Return what the HTML map draws: nodes with position, size, colour; edges; legend.

    Parameters
    ----------
    graph, result, modules, positions
        From the build.
    show_extra : bool, keyword-only
        Draw unresolved citations and papers.
    layers : tuple of str, keyword-only
        Edge kinds drawn (None: all).
    nodes : set of str, keyword-only
        Draw only these nodes (None: all).
    select : str, keyword-only
        Node selected (and focused) when the map opens.
    overview_threshold : int, keyword-only
        With more posts than this, the map opens on a module-level overview (one node
        per top module, sized by flow) from which a module is opened by a click.
    """
    selected = nodes
    colors = module_colors(modules)
    labels = {m.id: m.label for m in modules}
    max_flow = max(result.flow.values(), default=0.0) or 1.0
    nodes = []
    shown = set()
    for n, d in graph.nodes(data=True):
        if (d["kind"] != "post" and not show_extra) or (selected is not None
                                                         and n not in selected):
            continue
        shown.add(n)
        top = result.module(n, 1)
        leaf = result.leaf_module(n)
        flow = result.flow.get(n)
        size = 6 if flow is None else 8 + 22 * math.sqrt(flow / max_flow)
        x, y = positions.get(n, (0.0, 0.0))
        nodes.append({"id": n, "label": d.get("label") or n, "short": _short(d.get("label") or n),
                      "kind": d["kind"], "title_only": bool(d.get("title_only")),
                      "date": d.get("date"), "url": d.get("url"),
                      "module": leaf, "module_label": labels.get(leaf) or labels.get(top),
                      "keywords": d.get("keywords", [])[:6], "x": x, "y": y,
                      "size": round(size, 2),
                      "color": colors.get(top, OTHER_COLOR) if top else "#d9d9d9"})
    edges = []
    for u, v, d in graph.edges(data=True):
        if u not in shown or v not in shown or (layers is not None and d["kind"] not in layers):
            continue
        w = float(d["weight"])
        width = 0.5 + 2 * w if d["kind"] == "topic" else min(1.0 + 0.5 * w, 4)
        edges.append({"source": u, "target": v, "kind": d["kind"], "weight": w,
                      "directed": bool(d.get("directed", True)), "evidence": d["evidence"],
                      "span": d.get("span", [0, 0]), "color": EDGE_COLORS.get(d["kind"], "#999"),
                      "width": round(width, 2)})
    legend = [{"id": m.id, "label": m.label, "size": m.size, "flow": m.flow,
               "color": colors.get(m.id, OTHER_COLOR)} for m in modules if m.level == 1]
    posts = sum(1 for n in nodes if n["kind"] == "post")
    data = {"nodes": nodes, "edges": edges, "modules": legend,
            "select": select if select in shown else None,
            "stats": {"posts": posts, "edges": len(edges), "modules": len(legend)}}
    if posts > overview_threshold:
        data["overview"] = _overview(nodes, edges, legend, result)
    return data


def _overview(nodes: list[dict], edges: list[dict], legend: list[dict],
              result: CommunityResult) -> dict:
    """One node per top module at the centre of its posts, sized by flow; weighted links."""
    top = {n["id"]: result.module(n["id"], 1) for n in nodes}
    sums: dict[str, list[float]] = {}
    for n in nodes:
        m = top[n["id"]]
        if m is not None and n["kind"] == "post":
            acc = sums.setdefault(m, [0.0, 0.0, 0.0])
            acc[0] += n["x"]
            acc[1] += n["y"]
            acc[2] += 1
    max_flow = max((m["flow"] for m in legend), default=0.0) or 1.0
    onodes = [{"id": "module:" + m["id"], "module": m["id"], "label": f"{m['id']} · {m['label']}",
               "size": round(NODE_SPACING * (1 + 0.8 * math.sqrt(m["size"]) *
                                             math.sqrt(0.2 + m["flow"] / max_flow)), 2),
               "color": m["color"],
               "posts": m["size"], "x": round(sums[m["id"]][0] / sums[m["id"]][2], 1),
               "y": round(sums[m["id"]][1] / sums[m["id"]][2], 1)}
              for m in legend if m["id"] in sums]
    weights: dict[tuple[str, str], float] = {}
    for e in edges:
        a, b = top.get(e["source"]), top.get(e["target"])
        if a and b and a != b and a in sums and b in sums:
            key = (a, b) if a < b else (b, a)
            weights[key] = weights.get(key, 0.0) + e["weight"]
    big = max(weights.values(), default=1.0)
    oedges = [{"source": "module:" + a, "target": "module:" + b, "weight": round(w, 4),
               "width": round(0.5 + 6 * w / big, 2)} for (a, b), w in sorted(weights.items())]
    return {"nodes": onodes, "edges": oedges}


def _vis_asset(name: str) -> str:
    import pyvis  # the vis-network build that pyvis ships

    return (Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2" / name).read_text(
        encoding="utf-8")


def render_html(data: dict, *, heading: str = "graphkit map") -> str:
    """Return the standalone HTML map of :func:`map_data`'s output.

    Parameters
    ----------
    data : dict
        From :func:`map_data`.
    heading : str, keyword-only
        Page title (escaped).

    Returns
    -------
    str
        A complete HTML document; the same ``data`` gives the same bytes.
    """
    from jinja2 import Template  # installed with pyvis

    source = resources.files("graphkit.templates").joinpath("map.html").read_text(
        encoding="utf-8")
    template = Template(source, autoescape=False, keep_trailing_newline=True)
    return template.render(heading=heading, data_json=_script_json(data),
                           vis_js=_vis_asset("vis-network.min.js").replace("</script", "<\\/script"),
                           vis_css=_vis_asset("vis-network.css"))
