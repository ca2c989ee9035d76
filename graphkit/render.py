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
import re
from collections.abc import Mapping
from importlib import resources
from pathlib import Path

import networkx as nx

from .community import CommunityResult, DisplayPartition, ModuleSummary
from .dates import year_of
from .errors import GraphkitError
from .layout import NODE_SPACING

PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
           "#17becf", "#bcbd22", "#7f7f7f", "#393b79", "#ad494a", "#637939", "#8c6d31",
           "#843c39", "#7b4173", "#3182bd", "#e6550d", "#31a354", "#756bb1")
OTHER_COLOR = "#b0b0b0"
EDGE_COLORS = {"cites": "#c0392b", "series": "#27ae60", "topic": "#8e9aaf",
               "coupling": "#d4a017", "cocitation": "#8e44ad"}
SHORT_LABEL = 16  # characters drawn on the canvas; the tooltip has the whole title
OVERVIEW_THRESHOLD = 300  # maps with more posts open on the module view
TOPIC_OFF_ABOVE = 1000    # with more nodes drawn, shared-topic edges start switched off
OVERVIEW_MIN_POSTS = 3    # smaller modules are one "other" node of the module view


def node_link(graph: nx.MultiDiGraph, result: CommunityResult | None = None,
              modules: tuple[ModuleSummary, ...] = (), *, extra: dict | None = None,
              display: DisplayPartition | None = None) -> dict:
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
    display : DisplayPartition, optional, keyword-only
        Adds node attribute ``display_module`` and graph attribute ``display_partition``
        (the rule, its parameters and the displayed modules).

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
        if display is not None:
            node["display_module"] = display.of.get(n)
        if extra and n in extra:
            node.update(extra[n])
    data["graph"] = dict(data["graph"])  # node_link_data shares graph.graph itself
    if result is not None:
        data["graph"].update(
            codelength=result.codelength, one_level_codelength=result.one_level_codelength,
            relative_codelength_savings=result.relative_codelength_savings,
            num_top_modules=result.num_top_modules, num_levels=result.num_levels,
            trivial=result.trivial, message=result.message, parameters=result.parameters,
            modules=[{"id": m.id, "level": m.level, "label": m.label,
                      "keywords": list(m.keywords), "size": m.size, "flow": m.flow,
                      "first_date": m.first_date, "last_date": m.last_date,
                      "top_posts": list(m.top_posts), "most_cited": m.most_cited}
                     for m in modules])
    if display is not None:
        data["graph"]["display_partition"] = {
            "rule": display.rule, "max_share": display.max_share, "level": display.level,
            "modules": list(display.modules)}
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
    if isinstance(o, Mapping):          # the read-only mappings of frozen results
        return dict(o)
    if isinstance(o, (set, frozenset)):
        return sorted(o)
    if isinstance(o, tuple):
        return list(o)
    raise TypeError(f"not JSON serialisable: {type(o).__name__}")


EDGE_COLUMNS = ("source", "target", "kind", "weight", "directed", "evidence", "width")


def packed_edges(data: dict) -> dict:
    """The edges of :func:`map_data` as the page receives them: one row per edge.

    A row is ``[source, target, kind, weight, directed, evidence, width]`` where source
    and target are indices into ``data["nodes"]``, kind an index into ``kinds`` and
    directed 0 or 1; the colour of a kind is in ``colors``. The page unpacks the rows
    into the objects :func:`map_data` returns. Half the bytes of the objects and a
    third of the time to encode: 500,000 edges write 70 MB instead of 170 MB.

    Raises
    ------
    GraphkitError
        When an edge names a node that is not in ``data["nodes"]``.
    """
    index = {n["id"]: i for i, n in enumerate(data["nodes"])}
    kinds: dict[str, int] = {}
    colors: list[str] = []
    rows = []
    for e in data["edges"]:
        k = kinds.get(e["kind"])
        if k is None:
            k = kinds[e["kind"]] = len(kinds)
            colors.append(e["color"])
        try:
            rows.append([index[e["source"]], index[e["target"]], k, e["weight"],
                         1 if e["directed"] else 0, e["evidence"], e["width"]])
        except KeyError as exc:
            raise GraphkitError(f"map data: edge {e['source']} → {e['target']} names "
                                f"node {exc.args[0]!r}, which is not drawn") from None
    return {"columns": list(EDGE_COLUMNS), "kinds": list(kinds), "colors": colors,
            "rows": rows}


def _script_json(data: dict) -> str:
    """JSON safe to place inside a ``<script>`` element (edges packed, see
    :func:`packed_edges`; ``data``'s own order of keys, which :func:`map_data` fixes)."""
    text = json.dumps({**data, "edges": packed_edges(data)}, ensure_ascii=False,
                      separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


_SERIES_SHORT_RE = re.compile(
    r"^(?P<stem>.+?)\s*(?:[:：]\s*(?P<n1>\d{1,3})\s*[、.．]|[（(](?P<n2>[一二三四五六七八九十]{1,3}|\d{1,3})[）)])")


def short_label(label: str, *, limit: int = SHORT_LABEL) -> str:
    """The label drawn on the canvas: the title cut to ``limit`` characters, except that a
    series member keeps its number (``Transformer升级之路：10、…`` →
    ``Transformer升级之路·10``), so that the members of a series read apart."""
    from .relate import chinese_number

    m = _SERIES_SHORT_RE.match(label)
    if m:
        num = m.group("n1") or m.group("n2")
        stem = m.group("stem").strip()
        stem = stem if len(stem) <= limit else stem[: limit - 1] + "…"
        return f"{stem}·{chinese_number(num)}"
    return label if len(label) <= limit else label[: limit - 1] + "…"


def shade(color: str, k: int) -> str:
    """The ``k``-th shade of a hue: mixed with white by 0 %, 30 %, 50 %, 65 % in turn."""
    mix = (0.0, 0.3, 0.5, 0.65)[k % 4]
    r, g, b = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    r, g, b = (round(c + (255 - c) * mix) for c in (r, g, b))
    return f"#{r:02x}{g:02x}{b:02x}"


def display_colors(display: DisplayPartition) -> dict[str, str]:
    """Hue of each displayed module: distinct for the 20 of largest flow, grey after."""
    return {m: (PALETTE[i] if i < len(PALETTE) else OTHER_COLOR)
            for i, m in enumerate(display.modules)}


def map_data(graph: nx.MultiDiGraph, result: CommunityResult,
             modules: tuple[ModuleSummary, ...], positions: dict[str, tuple[float, float]],
             *, show_extra: bool = True, layers: tuple[str, ...] | None = None,
             nodes: set[str] | None = None, select: str | None = None,
             overview_threshold: int = OVERVIEW_THRESHOLD,
             display: DisplayPartition | None = None) -> dict:
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
        With more posts than this, the map opens on the module view (one node per
        displayed module, sized by flow) from which a module is opened by a click.
    display : DisplayPartition, keyword-only
        The modules the map colours, lists and opens (default: the top modules).

    Returns
    -------
    dict
        ``nodes`` (id, label, short label, kind, module ids, colour, size, position…),
        ``edges``, ``modules`` (the legend: displayed modules, the 20 of largest flow
        each with its hue, the rest counted as "other"), ``tree`` (each displayed
        module's sub-modules, for drilling down), ``select``, ``stats`` and, for large
        maps, ``overview`` (modules of fewer than ``OVERVIEW_MIN_POSTS`` posts are one
        "other" node there).
    """
    from .community import display_partition

    display = display or display_partition(result, level=1)
    selected = nodes
    hues = display_colors(display)
    by_id = {m.id: m for m in modules}
    labels = {m.id: m.label for m in modules}
    max_flow = max(result.flow.values(), default=0.0) or 1.0
    # sub-modules one level below each displayed module, by flow: their shade
    children: dict[str, dict[str, float]] = {}
    for n, dm in display.of.items():
        depth = len(dm.split(":"))
        sub = result.module(n, depth + 1)
        if sub != dm:
            acc = children.setdefault(dm, {})
            acc[sub] = acc.get(sub, 0.0) + result.flow.get(n, 0.0)
    shade_of: dict[str, int] = {}
    for dm, subs in children.items():
        for k, sub in enumerate(sorted(subs, key=lambda x: (-subs[x], x))):
            shade_of[sub] = k
    nodes = []
    shown = set()
    for n, d in graph.nodes(data=True):
        if (d["kind"] != "post" and not show_extra) or (selected is not None
                                                         and n not in selected):
            continue
        shown.add(n)
        dm = display.of.get(n)
        leaf = result.leaf_module(n)
        flow = result.flow.get(n)
        size = 6 if flow is None else 8 + 22 * math.sqrt(flow / max_flow)
        x, y = positions.get(n, (0.0, 0.0))
        color = "#d9d9d9"
        sub = None
        if dm is not None:
            sub = result.module(n, len(dm.split(":")) + 1)
            color = shade(hues[dm], shade_of.get(sub, 0)) if sub != dm else hues[dm]
        label = d.get("label") or n
        nodes.append({"id": n, "label": label, "short": short_label(label),
                      "kind": d["kind"], "title_only": bool(d.get("title_only")),
                      "date": d.get("date"), "url": d.get("url"),
                      "module": leaf, "module_label": labels.get(leaf),
                      "dmodule": dm, "dmodule_label": labels.get(dm) if dm else None,
                      "submodule": sub if sub != dm else None,
                      "flow": round(flow, 8) if flow is not None else 0.0,
                      "keywords": d.get("keywords", [])[:6], "x": x, "y": y,
                      "size": round(size, 2), "color": color})
    edges = []
    for u, v, d in graph.edges(data=True):
        if u not in shown or v not in shown or (layers is not None and d["kind"] not in layers):
            continue
        w = float(d["weight"])
        width = 0.5 + 2 * w if d["kind"] == "topic" else min(1.0 + 0.5 * w, 4)
        edges.append({"source": u, "target": v, "kind": d["kind"], "weight": w,
                      "directed": bool(d.get("directed", True)), "evidence": d["evidence"],
                      "color": EDGE_COLORS.get(d["kind"], "#999"), "width": round(width, 2)})
    members = display.members()
    legend = []
    for i, dm in enumerate(display.modules):
        m = by_id.get(dm)
        legend.append({"id": dm, "label": labels.get(dm, f"module {dm}"),
                       "size": len(members[dm]),
                       "flow": round(sum(result.flow.get(n, 0.0) for n in members[dm]), 6),
                       "level": m.level if m else len(dm.split(":")),
                       "color": hues[dm], "other": i >= len(PALETTE)})
    tree = {dm: [{"id": sub, "label": labels.get(sub, f"module {sub}"),
                  "size": by_id[sub].size if sub in by_id else 0,
                  "color": shade(hues[dm], shade_of.get(sub, 0))}
                 for sub in sorted(subs, key=lambda x: (-subs[x], x))]
            for dm, subs in sorted(children.items())}
    posts = sum(1 for n in nodes if n["kind"] == "post")
    years = sorted({y for n in nodes if (y := year_of(n["date"])) is not None})
    data = {"nodes": nodes, "edges": edges, "modules": legend, "tree": tree,
            "select": select if select in shown else None, "subset": selected is not None,
            "rule": display.rule, "years": [years[0], years[-1]] if years else None,
            "topic_off_above": TOPIC_OFF_ABOVE, "overview_min_posts": OVERVIEW_MIN_POSTS,
            "stats": {"posts": posts, "edges": len(edges), "modules": len(legend)}}
    if posts > overview_threshold:
        data["overview"] = _overview(nodes, edges, legend, result)
    return data


def _module_size(posts: int, flow: float, max_flow: float) -> float:
    """Radius of a module node in layout units (posts sit ``NODE_SPACING`` apart)."""
    return round(NODE_SPACING * (1 + 0.8 * math.sqrt(posts) * math.sqrt(0.2 + flow / max_flow)), 2)


def _overview(nodes: list[dict], edges: list[dict], legend: list[dict],
              result: CommunityResult) -> dict:
    """One node per displayed module at the centre of its posts, sized by flow; links
    weighted by the flow-network weight between modules."""
    top = {n["id"]: n["dmodule"] for n in nodes}
    sums: dict[str, list[float]] = {}
    for n in nodes:
        m = top[n["id"]]
        if m is not None and n["kind"] == "post":
            acc = sums.setdefault(m, [0.0, 0.0, 0.0])
            acc[0] += n["x"]
            acc[1] += n["y"]
            acc[2] += 1
    max_flow = max((m["flow"] for m in legend), default=0.0) or 1.0
    small = {m["id"] for m in legend if m["size"] < OVERVIEW_MIN_POSTS and m["id"] in sums}
    onodes = [{"id": "module:" + m["id"], "module": m["id"], "label": f"{m['id']} · {m['label']}",
               "short": short_label(m["label"], limit=24),
               "size": _module_size(m["size"], m["flow"], max_flow),
               "flow": m["flow"], "color": m["color"],
               "posts": m["size"], "x": round(sums[m["id"]][0] / sums[m["id"]][2], 1),
               "y": round(sums[m["id"]][1] / sums[m["id"]][2], 1)}
              for m in legend if m["id"] in sums and m["id"] not in small]
    if small:
        # modules of one or two posts (isolated posts, pairs) are one "other" node
        xs = [sums[m] for m in small]
        count = sum(int(a[2]) for a in xs)
        flow = sum(m["flow"] for m in legend if m["id"] in small)
        onodes.append({"id": "module:other", "module": "other",
                       "label": f"other · {len(small)} modules of fewer than "
                                f"{OVERVIEW_MIN_POSTS} posts",
                       "short": f"other · {len(small)} small modules",
                       "size": _module_size(count, flow, max_flow), "flow": flow,
                       "color": OTHER_COLOR, "posts": count,
                       "x": round(sum(a[0] for a in xs) / count, 1),
                       "y": round(sum(a[1] for a in xs) / count, 1)})
        top = {n: ("other" if m in small else m) for n, m in top.items()}
        sums["other"] = [0.0, 0.0, 1.0]
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


VIS_NETWORK_DIR = ("templates", "lib", "vis-9.1.2")   # inside the pyvis package


def vis_asset_path(name: str) -> Path:
    """Where pyvis keeps its build of vis-network (9.1.2, Apache-2.0 or MIT).

    graphkit draws the map with the vis-network build that pyvis ships rather than
    with pyvis's own page template. That folder is pyvis's internal layout, so it is
    checked here and by ``tests/test_render.py``.

    Raises
    ------
    GraphkitError
        When pyvis is missing or no longer ships the file (another pyvis release).
    """
    try:
        import pyvis
    except ImportError:
        raise GraphkitError("pyvis is not installed; it provides the vis-network library "
                            "the map is drawn with (pip install pyvis==0.3.2)") from None
    path = Path(pyvis.__file__).parent.joinpath(*VIS_NETWORK_DIR, name)
    if not path.is_file():
        raise GraphkitError(f"{path}: vis-network 9.1.2 not found in pyvis "
                            f"{getattr(pyvis, '__version__', '?')}; graphkit needs pyvis 0.3.2")
    return path


def sankey_data(alluvial, hues: Mapping[str, str]) -> dict:
    """What a Sankey chart of :func:`graphkit.analysis.alluvial` draws, as plain data.

    Parameters
    ----------
    alluvial : Alluvial
    hues : mapping of str to str
        Colour of each displayed module (:func:`display_colors`); an alluvial module
        takes the colour of the displayed module holding most of its posts, "other" grey.

    Returns
    -------
    dict
        ``labels`` (short: ``"2019 · 几何 · 黎曼 · 微分"`` cut to 18 characters of label),
        ``hover`` (module, whole label, size), ``colors``; ``sources``, ``targets``,
        ``values`` and ``link_colors`` (the source's colour, faded) of the flows. Texts
        are made literal for Plotly (:func:`graphkit.display.plotly_text`).
    """
    from .display import plotly_text

    index = {(m["cut"], m["module"]): i for i, m in enumerate(alluvial.modules)}
    colors = [hues.get(m["display"], OTHER_COLOR) if m["display"] else OTHER_COLOR
              for m in alluvial.modules]

    def fade(c: str) -> str:
        r, g, b = (int(c[i:i + 2], 16) for i in (1, 3, 5))
        return f"rgba({r},{g},{b},0.35)"

    sources = [index[(f["source_cut"], f["source"])] for f in alluvial.flows]
    return {"labels": [plotly_text(f"{m['cut']} · {short_label(m['label'], limit=18)}")
                       for m in alluvial.modules],
            "hover": [plotly_text(f"{m['module']} · {m['label']} ({m['size']} posts)")
                      for m in alluvial.modules],
            "colors": colors, "sources": sources,
            "targets": [index[(f["target_cut"], f["target"])] for f in alluvial.flows],
            "values": [f["posts"] for f in alluvial.flows],
            "link_colors": [fade(colors[i]) for i in sources]}


def _vis_asset(name: str) -> str:
    return vis_asset_path(name).read_text(encoding="utf-8")


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
