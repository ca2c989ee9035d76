"""graphkit dashboard: ``streamlit run app.py``.

Reads widgets, calls cached graphkit functions and shows what they return. Reading and
keyword segmentation are cached per source; the analysis per source and options; so
changing a display filter re-runs neither.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re

import pandas as pd
import streamlit as st

from graphkit.dates import year_of
from graphkit.display import markdown_literal, plotly_text, visible_controls
from graphkit.analysis import alluvial, module_sizes_by_year, related_posts, structural_gaps
from graphkit.errors import GraphkitError
from graphkit.explore import ego_network, filter_nodes, post_edges, posts_per_month, search
from graphkit.export import modules_csv, posts_csv, to_gexf, to_graphml
from graphkit.keywords import keyword_matrix
from graphkit.options import EDGE_KINDS, BuildOptions, option_table
from graphkit.pipeline import DEFAULT_DATA, analyse, infomap_arguments, read, report
from graphkit.readers import read_uploads
from graphkit.render import OTHER_COLOR, display_colors, dumps_json, short_label

st.set_page_config(page_title="graphkit · 科学空间", layout="wide")
md = markdown_literal  # page text made literal for widgets that render Markdown


# ------------------------------------------------------------------ cached work
# Every cache is bounded (entries and age), so a server's memory does not grow with the
# number of visitors or option changes; sources are keyed by what they hold (the hash
# of uploaded bytes), never by file names.
CACHE = {"max_entries": 8, "ttl": 3600}


@st.cache_resource(show_spinner="Reading posts…", **CACHE)
def load(source: str, _uploads: tuple[tuple[str, bytes], ...] = (),
         _roots: tuple[str, ...] | None = None):
    if source.startswith("upload:"):
        return read_uploads(_uploads)  # in memory: no upload folder to remove
    path = source.split(":", 1)[1]
    return read([path], workers=0, allowed_roots=_roots)  # no fork from a threaded server


@st.cache_resource(show_spinner="Segmenting text…", **CACHE)
def terms(source: str, keyword_chars: int, _read_result):
    return keyword_matrix(_read_result.posts, max_chars=keyword_chars)


@st.cache_resource(show_spinner="Relating posts and running InfoMap…", **CACHE)
def run(source: str, options: BuildOptions, _read_result, _terms):
    return analyse(_read_result, options=options, terms=_terms)


@st.cache_resource(show_spinner="Running InfoMap on each year's network…", max_entries=4,
                   ttl=3600)
def run_alluvial(source: str, options: BuildOptions, _result):
    return alluvial(_result.graph, infomap_args=infomap_arguments(options), tm=_result.terms,
                    display=_result.display)


def _fade(hex_color: str) -> str:
    r, g, b = (int(hex_color[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},0.35)"


@st.cache_resource(show_spinner=False, **CACHE)
def run_gaps(source: str, options: BuildOptions, _result):
    return structural_gaps(_result.graph, _result.community, _result.terms,
                           display=_result.display)


# ------------------------------------------------------------------ sidebar
def sidebar_options() -> BuildOptions:
    values = {}
    for row in option_table():
        name, default = row["name"], row["default"]
        if row["group"] == "input":
            continue
        if name == "layers":
            values[name] = tuple(st.sidebar.multiselect("edge layers", EDGE_KINDS,
                                                        default=list(default), key=name))
        elif row["type"] == "bool":
            values[name] = st.sidebar.checkbox(row["help"], value=default, key=name)
        elif row["type"] == "int":
            values[name] = int(st.sidebar.number_input(
                name.replace("_", " "), min_value=int(row["min"]), max_value=int(row["max"]),
                value=int(default), step=1, help=row["help"], key=name))
        else:
            values[name] = float(st.sidebar.number_input(
                name.replace("_", " "), min_value=float(row["min"]), max_value=float(row["max"]),
                value=float(default), help=row["help"], key=name, format="%.3f"))
    return BuildOptions(**values)


st.sidebar.title("graphkit")
# A server folder is a source only where whoever runs the server allows it:
# GRAPHKIT_FOLDERS=/srv/blogs:/data lists the folders visitors may read (links resolved).
allowed_roots = tuple(p for p in os.environ.get("GRAPHKIT_FOLDERS", "").split(os.pathsep) if p)
choices = ["embedded data/", "upload files"] + (["server folder"] if allowed_roots else [])
choice = st.sidebar.radio("source", choices, key="source")
uploads: tuple = ()
source = "data:" + os.environ.get("GRAPHKIT_DATA", str(DEFAULT_DATA))
roots = None
if choice == "upload files":
    files = st.sidebar.file_uploader("post files (.txt, .md, .html, .jsonl, .csv)",
                                     accept_multiple_files=True, key="uploads")
    if files:
        uploads = tuple((f.name, f.getvalue()) for f in files)
        digest = hashlib.sha256()
        for name, data in uploads:
            digest.update(hashlib.sha256(name.encode("utf-8", "replace")).digest())
            digest.update(hashlib.sha256(data).digest())
        source = "upload:" + digest.hexdigest()
elif choice == "server folder":
    folder = st.sidebar.text_input(f"folder under {', '.join(allowed_roots)}",
                                   value=allowed_roots[0], key="folder")
    source, roots = "folder:" + folder, allowed_roots

st.sidebar.header("options")
try:
    options = sidebar_options()
    read_result = load(source, uploads, roots)
    tm = terms(source, options.keyword_chars, read_result)
    # display-only options are not part of the analysis' cache key
    analysis_options = options.with_(show_extra_nodes=True, display_max_share=0.12,
                                     display_level=0)
    result = run(source, analysis_options, read_result, tm)
    if (options.display_max_share, options.display_level) != (0.12, 0):
        result = result.with_display(max_share=options.display_max_share,
                                     level=options.display_level)
except GraphkitError as exc:
    st.error(md(str(exc)))
    st.stop()
except Exception as exc:  # noqa: BLE001 - a visitor sees one line, the server log the rest
    logging.getLogger("graphkit.app").exception("build failed")
    st.error(f"graphkit could not map this input ({type(exc).__name__}); "
             "the server log has the details.")
    st.stop()

g = result.graph
c = result.community
display = result.display
top_of = {n: display.of.get(n) for n in g.nodes}   # the displayed module of each node
hues = display_colors(display)
labels = {m.id: visible_controls(m.label) for m in result.modules}
post_keys = sorted((n for n, d in g.nodes(data=True) if d["kind"] == "post"),
                   key=lambda n: g.nodes[n]["label"])


def label_of(n: str) -> str:
    """A node's label as plain text (widget options and tables render no Markdown)."""
    return visible_controls(g.nodes[n]["label"])


st.title("科学空间 · knowledge map")
(st.warning if c.trivial else st.caption)(c.message)
cols = st.columns(5)
cols[0].metric("posts", len(read_result.posts))
cols[1].metric("edges", g.number_of_edges())
cols[2].metric("top modules", c.num_top_modules)
cols[3].metric("levels", c.num_levels)
cols[4].metric("skipped fragments", len(read_result.fragments))

# a post chosen anywhere (search, a table row) is the post page's post and the map's focus
if "post" in st.session_state and st.session_state["post"] not in post_keys:
    del st.session_state["post"]

tab_map, tab_modules, tab_post, tab_time, tab_gaps, tab_report = st.tabs(
    ["Map", "Modules", "Post", "Time", "Gaps", "Reading report"])

with tab_map:
    f1, f2, f3 = st.columns([2, 2, 2])
    chosen = f1.multiselect("modules", list(display.modules),
                            format_func=lambda m: f"{m} · {labels.get(m, '')}",
                            key="module_filter")
    years = sorted({y for _, d in g.nodes(data=True) if (y := year_of(d.get("date"))) is not None})
    year_range = None
    if len(years) >= 2:
        year_range = f2.slider("years", years[0], years[-1], (years[0], years[-1]), key="years")
    query = f3.text_input("search title or keyword", key="query")
    hits = search(g, query, flow=c.flow) if query else None
    if hits is not None:
        st.caption(f"{hits.total} hits" + (f", {hits.more} more not listed: refine the search"
                                           if hits.more else ""))
    if hits is not None and hits.ids:
        # one hit is the user's choice; of several, the user picks (nothing is preselected)
        match = st.selectbox("matches", hits.ids, format_func=label_of, key="match",
                             index=0 if hits.total == 1 else None, placeholder="choose a hit")
        if match is not None and st.session_state.get("last_match") != match:
            st.session_state["post"] = match  # a chosen search hit opens its post
        st.session_state["last_match"] = match
    focus = st.session_state.get("post")
    depth = st.radio("ego network around the selected post (0: whole map)", [0, 1, 2, 3],
                     horizontal=True, index=0, key="depth")
    keep = filter_nodes(g, top_of, modules=set(chosen) or None, years=year_range,
                        show_extra=options.show_extra_nodes)
    if focus and depth:
        keep = (keep & ego_network(g, focus, depth=depth)) | {focus}
    html = result.html(layers=options.layers, nodes=keep, show_extra=options.show_extra_nodes,
                       select=focus)
    st.caption(f"{len(keep)} nodes shown" + (f" · selected: {md(label_of(focus))}" if focus else ""))
    st.iframe(html, height=720)
    d = st.columns(6)
    d[0].download_button("HTML map", html.encode("utf-8"), "graph.html", "text/html")
    # exports are built on click only (GraphML and GEXF take ~0.7 s each on the corpus)
    d[1].download_button("node-link JSON",
                         lambda: dumps_json(result.node_link(), indent=None).encode("utf-8"),
                         "graph.json", "application/json")
    d[2].download_button("GraphML", lambda: to_graphml(result), "graph.graphml", "application/xml")
    d[3].download_button("GEXF (Gephi)", lambda: to_gexf(result), "graph.gexf", "application/xml")
    d[4].download_button("posts CSV", lambda: posts_csv(result).encode("utf-8"), "posts.csv",
                         "text/csv")
    d[5].download_button("modules CSV", lambda: modules_csv(result).encode("utf-8"),
                         "modules.csv", "text/csv")

with tab_modules:
    st.subheader("module tree")
    tree_rows = [{"module": ("　" * (m.level - 1)) + m.id, "label": m.label, "posts": m.size,
                  "flow share": round(m.flow, 4), "from": m.first_date, "to": m.last_date}
                 for m in sorted(result.modules, key=lambda m: [int(x) for x in m.id.split(":")])]
    st.dataframe(pd.DataFrame(tree_rows), hide_index=True, width="stretch")
    module = st.selectbox("module page", [m for m in result.modules],
                          format_func=lambda m: f"{m.id} · {labels[m.id]} ({m.size})", key="module")
    if module is not None:
        members = c.modules_at(module.level)[module.id]
        st.markdown(f"**{module.id} · {md(module.label)}** — {module.size} posts, "
                    f"{module.flow:.1%} of the flow, {module.first_date or '?'} – "
                    f"{module.last_date or '?'}; keywords: {md(', '.join(module.keywords))}")
        if module.most_cited:
            st.markdown(f"most cited: **{md(label_of(module.most_cited))}**")
        member_rows = pd.DataFrame([{"post": label_of(n), "date": g.nodes[n].get("date"),
                                     "flow": round(c.flow.get(n, 0.0), 5),
                                     "title only": bool(g.nodes[n].get("title_only")), "id": n}
                                    for n in sorted(members, key=lambda n: -c.flow.get(n, 0.0))])
        picked = st.dataframe(member_rows, hide_index=True, width="stretch", key="members",
                              on_select="rerun", selection_mode="single-row")
        rows = picked.selection.rows if picked is not None else []
        if rows:
            chosen_post = member_rows.iloc[rows[0]]["id"]
            if st.session_state.get("post") != chosen_post:
                st.session_state["post"] = chosen_post
                st.rerun()
        neighbours: dict[str, int] = {}
        member_set = set(members)
        for u, v, dd in g.edges(data=True):
            if (u in member_set) != (v in member_set):
                other = v if u in member_set else u
                m2 = c.module(other, module.level)
                if m2 and m2 != module.id:
                    neighbours[m2] = neighbours.get(m2, 0) + 1
        if neighbours:
            st.markdown("neighbouring modules: " + "; ".join(
                f"{m} · {md(labels.get(m, ''))} ({k} links)"
                for m, k in sorted(neighbours.items(), key=lambda kv: -kv[1])[:8]))

def post_page(key: str) -> None:
    """The page of one post: metadata, excerpt, its relations by kind, read next."""
    d = g.nodes[key]
    st.subheader(md(d["label"]))
    leaf = c.leaf_module(key)
    meta = [f"date: {md(d['date'] or 'unknown')}",
            f"module: {leaf} · {md(labels.get(leaf, ''))}"]
    if top_of.get(key) and top_of[key] != leaf:
        meta.append(f"shown in {top_of[key]} · {md(labels.get(top_of[key], ''))}")
    if d.get("readers"):
        meta.append(f"{d['readers']} readers")
    if d.get("title_only"):
        meta.append("title only: no text was read for this post")
    st.markdown(" · ".join(meta))
    if d.get("url") and re.match(r"^https?://", d["url"]):
        st.link_button("open the original", d["url"])
    if d.get("tags") or d.get("categories"):
        st.caption("categories: " + md(", ".join(d["categories"])) + " · tags: "
                   + md(", ".join(d["tags"])))
    st.text(visible_controls(d.get("excerpt") or "(no text)"))
    edges = post_edges(g, key)
    for title, bucket in edges.items():
        if not bucket and title not in ("cites", "cited by"):
            continue
        st.markdown(f"**{title}** ({len(bucket)})")
        if bucket:
            st.dataframe(pd.DataFrame([{"post": visible_controls(e.other_label),
                                        "weight": round(e.weight, 3),
                                        "evidence": visible_controls(e.evidence)}
                                       for e in bucket]), hide_index=True, width="stretch")
    st.markdown("**read next**")
    st.dataframe(pd.DataFrame([{"post": label_of(n), "score": round(s, 4)}
                               for n, s in related_posts(g, c, key, k=10)]),
                 hide_index=True, width="stretch")


with tab_post:
    chosen_key = st.selectbox("post", post_keys, format_func=label_of, key="post", index=None,
                              placeholder="choose a post (or pick one in a table or the search)")
    if chosen_key is None:
        st.info("No post selected.")
    else:
        post_page(chosen_key)

with tab_time:
    timeline = posts_per_month(g, display)
    if timeline:
        import altair as alt

        named = [m for m in display.modules if hues[m] != OTHER_COLOR]
        frame = pd.DataFrame([{"month": r["month"], "posts": r["posts"],
                               "module": (f"{r['module']} · {labels.get(r['module'], '')}"
                                          if r["module"] in named else "other")}
                              for r in timeline])
        domain = [f"{m} · {labels.get(m, '')}" for m in named] + ["other"]
        colors = [hues[m] for m in named] + [OTHER_COLOR]
        st.altair_chart(alt.Chart(frame).mark_bar().encode(
            x=alt.X("month:O"), y=alt.Y("sum(posts):Q", title="posts"),
            color=alt.Color("module:N", scale=alt.Scale(domain=domain, range=colors),
                            legend=alt.Legend(columns=2, labelLimit=260))), width="stretch")
    undated = sum(1 for _, dd in g.nodes(data=True) if dd["kind"] == "post"
                  and year_of(dd.get("date")) is None)
    st.caption(f"{sum(r['posts'] for r in timeline)} dated posts; {undated} posts without a "
               f"known year are not shown. Colours are the map's; modules past the 20 of "
               f"largest flow are \"other\".")
    sizes = module_sizes_by_year(g, c, display=display)
    if sizes:
        st.markdown("**posts per module and year**")
        st.dataframe(pd.DataFrame(sizes).fillna(0).astype(int), width="stretch")
    if st.checkbox("alluvial view: modules of the network cut at successive years",
                   key="alluvial"):
        import plotly.graph_objects as go

        a = run_alluvial(source, options.with_(show_extra_nodes=True), result)
        index = {(m["cut"], m["module"]): i for i, m in enumerate(a.modules)}
        color = [hues.get(m["display"], OTHER_COLOR) if m["display"] else OTHER_COLOR
                 for m in a.modules]
        fig = go.Figure(go.Sankey(
            arrangement="snap",
            node={"label": [plotly_text(f"{m['cut']} · {short_label(m['label'], limit=18)}")
                            for m in a.modules],
                  "color": color, "pad": 14, "thickness": 14,
                  "customdata": [plotly_text(f"{m['module']} · {m['label']} ({m['size']} posts)")
                                 for m in a.modules],
                  "hovertemplate": "%{customdata}<extra></extra>"},
            link={"source": [index[(f["source_cut"], f["source"])] for f in a.flows],
                  "target": [index[(f["target_cut"], f["target"])] for f in a.flows],
                  "value": [f["posts"] for f in a.flows],
                  "color": [_fade(color[index[(f["source_cut"], f["source"])]]) for f in a.flows]}))
        fig.update_layout(height=560, font={"size": 13}, margin={"l": 10, "r": 10, "t": 10, "b": 10})
        st.caption("Modules of the network cut at each year, named after the module of the "
                   "previous cut they share most posts with; each cut starts from the "
                   "previous partition. Modules under 2 % of a cut's posts are \"other\".")
        st.plotly_chart(fig, width="stretch")

with tab_gaps:
    gaps = run_gaps(source, options.with_(show_extra_nodes=True), result)  # display options too
    st.caption("Pairs of modules close in topic with few citations between them: "
               "score = topic similarity / (1 + citations).")
    st.dataframe(pd.DataFrame([{"module A": f"{x.a} · {labels.get(x.a, '')}",
                                "module B": f"{x.b} · {labels.get(x.b, '')}",
                                "topic similarity": x.topic_similarity,
                                "citations": x.citations, "score": x.score,
                                "bridging posts": " | ".join(label_of(b) for b in x.bridges)}
                               for x in gaps]), hide_index=True, width="stretch")

with tab_report:
    st.dataframe(pd.DataFrame([vars(f) for f in read_result.files]), hide_index=True,
                 width="stretch")
    st.markdown(f"**skipped fragments** ({len(read_result.fragments)})")
    st.dataframe(pd.DataFrame([vars(f) for f in read_result.fragments]), hide_index=True,
                 width="stretch")
    st.download_button("report JSON", lambda: dumps_json(report(result)).encode("utf-8"),
                       "report.json", "application/json")
