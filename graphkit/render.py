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
from collections.abc import Iterator, Mapping
from importlib import resources
from itertools import islice
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
# the nodes and edges of map_data, one list per column (kind: an index into "kinds")
NODE_COLUMNS = ("id", "label", "short", "kind", "title_only", "date", "url", "module",
                "module_label", "dmodule", "dmodule_label", "submodule", "flow", "keywords",
                "x", "y", "size", "color")
EDGE_COLUMNS = ("source", "target", "kind", "weight", "directed", "evidence", "width")


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
        What ``nx.node_link_data(graph, edges="links")`` returns, with the node and
        graph attributes above added (see :func:`write_node_link` to write it without
        holding it).
    """
    head, nodes, links = _node_link_parts(graph, result, modules, extra=extra,
                                          display=display)
    return {**head, "nodes": list(nodes), "links": list(links)}


def _node_link_parts(graph, result, modules, *, extra, display):
    """The top level of :func:`node_link` without ``nodes`` and ``links``, and iterators
    over those (each record made when it is reached)."""
    head = {"directed": graph.is_directed(), "multigraph": graph.is_multigraph(),
            "graph": dict(graph.graph)}   # a copy: never graph.graph itself
    if result is not None:
        head["graph"].update(
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
        head["graph"]["display_partition"] = {
            "rule": display.rule, "max_share": display.max_share, "level": display.level,
            "modules": list(display.modules)}

    def nodes():
        for n, d in graph.nodes(data=True):
            node = {**d, "id": n}
            if result is not None:
                node["module"] = result.leaf_module(n)
                node["top_module"] = result.module(n, 1)
                node["flow"] = round(result.flow.get(n, 0.0), 10) if n in result.flow else None
            if display is not None:
                node["display_module"] = display.of.get(n)
            if extra and n in extra:
                node.update(extra[n])
            yield node

    def links():
        if graph.is_multigraph():
            for u, v, k, d in graph.edges(keys=True, data=True):
                yield {**d, "source": u, "target": v, "key": k}
        else:
            for u, v, d in graph.edges(data=True):
                yield {**d, "source": u, "target": v}

    return head, nodes(), links()


JSON_CHUNK = 5000   # list items encoded at once when a JSON document is written piece by piece


def write_node_link(fh, graph: nx.MultiDiGraph, result: CommunityResult | None = None,
                    modules: tuple[ModuleSummary, ...] = (), *, extra: dict | None = None,
                    display: DisplayPartition | None = None) -> None:
    """Write :func:`node_link`'s data as compact JSON (UTF-8) to a binary file.

    The same bytes as ``dumps_json(node_link(...), indent=None)``, but written
    ``JSON_CHUNK`` records at a time (:func:`write_json`), so that neither the data nor
    its text is ever held whole (at 500,000 edges: 280 MB of JSON, 250 MB of records).
    Parameters as :func:`node_link`; ``fh`` has a ``write(bytes)`` method.
    """
    head, nodes, links = _node_link_parts(graph, result, modules, extra=extra,
                                          display=display)
    write_json(fh, {**head, "nodes": nodes, "links": links}, sort_keys=True)


def dumps_json(data, *, indent: int | None = 1, sort_keys: bool = True) -> str:
    """Serialise deterministically (sorted keys unless told, UTF-8 text; mappings, sets
    and tuples as objects and lists).

    Parameters
    ----------
    data : dict, list or any JSON value
    indent : int or None, keyword-only
        Spaces per level; ``None`` writes compact JSON, which Python's C encoder
        produces about five times faster (the indenting encoder is pure Python).
    sort_keys : bool, keyword-only
        False: the dicts' own order (which the caller fixes).
    """
    separators = (",", ":") if indent is None else None
    return json.dumps(data, ensure_ascii=False, sort_keys=sort_keys, indent=indent,
                      separators=separators, default=_default)


def _default(o):
    if isinstance(o, Mapping):          # the read-only mappings of frozen results
        return dict(o)
    if isinstance(o, (set, frozenset)):
        return sorted(o)
    if isinstance(o, tuple):
        return list(o)
    raise TypeError(f"not JSON serialisable: {type(o).__name__}")


def _script_json(data: dict) -> str:
    """JSON safe to place inside a ``<script>`` element (``data``'s own order of keys,
    which :func:`map_data` fixes)."""
    return _script_escape(dumps_json(data, indent=None, sort_keys=False))


def _script_escape(text: str) -> str:
    """JSON text made safe inside a ``<script>`` element: ``<``, ``>``, ``&`` and the
    line separators U+2028/U+2029 as ``\\u`` escapes (one character at a time)."""
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def short_label(label: str, *, limit: int = SHORT_LABEL) -> str:
    """The label drawn on the canvas: the title cut to ``limit`` characters, except that a
    series member keeps its number (``Transformer升级之路：10、…`` →
    ``Transformer升级之路·10``, ``Writing a Parser, Part 2: Lexing`` → ``Writing a
    Parser·2``; a name and a number, :func:`graphkit.relate.name_number`: ``Learning
    Rust 2: Ownership`` → ``Learning Rust·2``), so that the members of a series read
    apart."""
    from .relate import name_number, series_part

    found = series_part(label)
    if found and found[2]:                 # a numbered part (not 上篇 or 後編: kept as written)
        found = found[:2]
    elif len(label) > limit:               # (a name and a number: its number kept too)
        found = name_number(label)
    if found:
        stem = found[0] if len(found[0]) <= limit else found[0][: limit - 1] + "…"
        return f"{stem}·{found[1]}"
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
        ``nodes`` as columns, one list per ``NODE_COLUMNS`` entry (id, label, short
        label, kind, module ids, colour, size, position…), ``edges`` as columns, one
        list per ``EDGE_COLUMNS`` entry (``source`` and
        ``target``: indices into ``nodes``; ``kind``: an index into ``edges["kinds"]``,
        whose colours are ``edges["colors"]``; ``directed``: 0 or 1), ``modules`` (the legend: displayed modules, the 20 of largest flow
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
    rows = []
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
        rows.append((n, label, short_label(label), d["kind"], bool(d.get("title_only")),
                     d.get("date"), d.get("url"), leaf, labels.get(leaf), dm,
                     labels.get(dm) if dm else None, sub if sub != dm else None,
                     round(flow, 8) if flow is not None else 0.0,
                     d.get("keywords", [])[:6], x, y, round(size, 2), color))
    # one list per column: a node costs 18 list slots, not a dict of 18 keys
    nodes = {c: list(v) for c, v in zip(NODE_COLUMNS, zip(*rows))} if rows else {
        c: [] for c in NODE_COLUMNS}
    del rows
    index = {n: i for i, n in enumerate(nodes["id"])}
    edges: dict[str, list] = {c: [] for c in EDGE_COLUMNS}
    kinds: dict[str, int] = {}
    source, target, kind_of, weight, directed, evidence, widths = (edges[c] for c in EDGE_COLUMNS)
    for u, v, d in graph.edges(data=True):
        if u not in shown or v not in shown or (layers is not None and d["kind"] not in layers):
            continue
        w = float(d["weight"])
        kind = d["kind"]
        width = 0.5 + 2 * w if kind == "topic" else min(1.0 + 0.5 * w, 4)
        k = kinds.get(kind)
        if k is None:
            k = kinds[kind] = len(kinds)
        source.append(index[u])
        target.append(index[v])
        kind_of.append(k)
        weight.append(w)
        directed.append(1 if d.get("directed", True) else 0)
        evidence.append(d["evidence"])
        widths.append(round(width, 2))
    edges["kinds"] = list(kinds)
    edges["colors"] = [EDGE_COLORS.get(k, "#999") for k in kinds]
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
    posts = sum(1 for k in nodes["kind"] if k == "post")
    years = sorted({y for d in nodes["date"] if (y := year_of(d)) is not None})
    data = {"nodes": nodes, "edges": edges, "modules": legend, "tree": tree,
            "select": select if select in shown else None, "subset": selected is not None,
            "rule": display.rule, "years": [years[0], years[-1]] if years else None,
            "topic_off_above": TOPIC_OFF_ABOVE, "overview_min_posts": OVERVIEW_MIN_POSTS,
            "stats": {"posts": posts, "edges": len(edges["source"]), "modules": len(legend)}}
    if posts > overview_threshold:
        data["overview"] = _overview(nodes, edges, legend, result)
    return data


def _module_size(posts: int, flow: float, max_flow: float) -> float:
    """Radius of a module node in layout units (posts sit ``NODE_SPACING`` apart)."""
    return round(NODE_SPACING * (1 + 0.8 * math.sqrt(posts) * math.sqrt(0.2 + flow / max_flow)), 2)


def _overview(nodes: dict[str, list], edges: dict[str, list], legend: list[dict],
              result: CommunityResult) -> dict:
    """One node per displayed module at the centre of its posts, sized by flow; links
    weighted by the flow-network weight between modules."""
    top = dict(zip(nodes["id"], nodes["dmodule"]))
    sums: dict[str, list[float]] = {}
    for m, kind, x, y in zip(nodes["dmodule"], nodes["kind"], nodes["x"], nodes["y"]):
        if m is not None and kind == "post":
            acc = sums.setdefault(m, [0.0, 0.0, 0.0])
            acc[0] += x
            acc[1] += y
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
    ids = nodes["id"]
    for s, t, w in zip(edges["source"], edges["target"], edges["weight"]):
        a, b = top.get(ids[s]), top.get(ids[t])
        if a and b and a != b and a in sums and b in sums:
            key = (a, b) if a < b else (b, a)
            weights[key] = weights.get(key, 0.0) + w
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
    head, tail = _page(heading)
    return head + _script_json(data) + tail


_DATA_MARK = "\u0000graphkit-data\u0000"   # where the data goes; no template text holds it


def _page(heading: str) -> tuple[str, str]:
    """The map page before and after its data."""
    from jinja2 import Template  # installed with pyvis

    source = resources.files("graphkit.templates").joinpath("map.html").read_text(
        encoding="utf-8")
    template = Template(source, autoescape=False, keep_trailing_newline=True)
    page = template.render(heading=heading.replace("\0", ""), data_json=_DATA_MARK,
                           vis_js=_vis_asset("vis-network.min.js").replace("</script", "<\\/script"),
                           vis_css=_vis_asset("vis-network.css"))
    head, tail = page.split(_DATA_MARK)
    return head, tail


def write_html(fh, data: dict, *, heading: str = "graphkit map") -> None:
    """Write :func:`render_html`'s page (UTF-8) to a binary file, its data piece by piece.

    The same bytes as ``render_html(data, heading=heading).encode()``, without the
    page or its JSON ever held whole: at 100,000 posts and 500,000 edges, 110 MB of
    page whose text took 330 MB more at its peak.

    Parameters
    ----------
    fh : binary file
        Has a ``write(bytes)`` method.
    data : dict
        From :func:`map_data`.
    heading : str, keyword-only
    """
    head, tail = _page(heading)
    fh.write(head.encode("utf-8"))
    write_json(fh, data, sort_keys=False, escape=_script_escape)
    fh.write(tail.encode("utf-8"))


def write_json(fh, value, *, sort_keys: bool = True, escape=None, _depth: int = 0) -> None:
    """Write ``value`` as compact JSON (UTF-8) to a binary file, piece by piece.

    The bytes of ``json.dumps(value, ensure_ascii=False, separators=(",", ":"),
    sort_keys=sort_keys)`` (with :func:`dumps_json`'s conversions of mappings, sets and
    tuples), where the dicts of the two outer levels are written key by key and their
    long lists (and iterators) ``JSON_CHUNK`` items at a time, each piece passed through
    ``escape`` (a function of str to str that maps characters one by one) if given.
    """
    def out(text: str) -> None:
        fh.write((escape(text) if escape else text).encode("utf-8"))

    if isinstance(value, dict) and _depth < 2:
        out("{")
        for i, key in enumerate(sorted(value) if sort_keys else value):
            out(("," if i else "") + json.dumps(key, ensure_ascii=False) + ":")
            write_json(fh, value[key], sort_keys=sort_keys, escape=escape, _depth=_depth + 1)
        out("}")
    elif isinstance(value, Iterator) or (isinstance(value, list) and len(value) > JSON_CHUNK):
        out("[")
        items, first = iter(value), True
        while chunk := list(islice(items, JSON_CHUNK)):
            text = dumps_json(chunk, indent=None, sort_keys=sort_keys)[1:-1]
            if text:
                out(text if first else "," + text)
                first = False
        out("]")
    else:
        out(dumps_json(value, indent=None, sort_keys=sort_keys))
