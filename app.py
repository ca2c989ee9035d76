"""graphkit dashboard: ``streamlit run app.py``.

Reads widgets, calls cached graphkit functions and shows what they return.
"""

from __future__ import annotations

import tempfile
from dataclasses import fields
from pathlib import Path

import pandas as pd
import streamlit as st

from graphkit.errors import GraphkitError
from graphkit.explore import ego_network, filter_nodes, post_edges, search
from graphkit.options import EDGE_KINDS, BuildOptions, option_table
from graphkit.pipeline import DEFAULT_DATA, analyse, read, report
from graphkit.graph import keyword_matrix
from graphkit.render import dumps_json

st.set_page_config(page_title="graphkit · 科学空间", layout="wide")


@st.cache_resource(show_spinner="Reading posts…")
def load(source: str, uploads: tuple[tuple[str, bytes], ...] = ()):
    """Read the chosen source once per source (the key is the source description)."""
    if uploads:
        tmp = Path(tempfile.mkdtemp(prefix="graphkit-upload-"))
        for name, data in uploads:
            (tmp / Path(name).name).write_bytes(data)
        return read([tmp])
    return read([source])


@st.cache_resource(show_spinner="Segmenting text…")
def terms(source: str, _read_result):
    return keyword_matrix(_read_result.posts, workers=1)  # no fork from a threaded server


@st.cache_resource(show_spinner="Relating posts and running InfoMap…")
def run(source: str, options: BuildOptions, _read_result, _terms):
    return analyse(_read_result, options=options, terms=_terms)


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
choice = st.sidebar.radio("source", ["embedded data/", "upload files", "local folder"], key="source")
uploads: tuple = ()
source = str(DEFAULT_DATA)
if choice == "upload files":
    files = st.sidebar.file_uploader("post files", accept_multiple_files=True, key="uploads")
    if files:
        uploads = tuple((f.name, f.getvalue()) for f in files)
        source = "upload:" + ",".join(sorted(f.name for f in files))
elif choice == "local folder":
    source = st.sidebar.text_input("folder path", value=str(DEFAULT_DATA), key="folder")

st.sidebar.header("options")
try:
    options = sidebar_options()
    read_result = load(source, uploads)
    tm = terms(source, read_result)
    # display-only options are not part of the analysis' cache key
    result = run(source, options.with_(show_extra_nodes=True), read_result, tm)
except GraphkitError as exc:
    st.error(str(exc))
    st.stop()

g = result.graph
c = result.community
top_of = {n: c.module(n, 1) for n in g.nodes}
labels = {m.id: m.label for m in result.modules}
post_keys = sorted((n for n, d in g.nodes(data=True) if d["kind"] == "post"),
                   key=lambda n: g.nodes[n]["label"])

st.title("科学空间 · knowledge map")
if c.trivial:
    st.warning(c.message)
else:
    st.caption(c.message)
cols = st.columns(4)
cols[0].metric("posts", len(read_result.posts))
cols[1].metric("edges", g.number_of_edges())
cols[2].metric("top modules", c.num_top_modules)
cols[3].metric("skipped fragments", len(read_result.fragments))

tab_map, tab_modules, tab_post, tab_time, tab_report = st.tabs(
    ["Map", "Modules", "Post", "Timeline", "Reading report"])

with tab_map:
    f1, f2, f3 = st.columns([2, 2, 2])
    top_ids = [m.id for m in result.modules if m.level == 1]
    chosen = f1.multiselect("modules", top_ids, format_func=lambda m: f"{m} · {labels.get(m, '')}",
                            key="module_filter")
    years = sorted({int(d["date"][:4]) for _, d in g.nodes(data=True)
                    if d.get("date") and d["date"][:4].isdigit()})
    year_range = None
    if len(years) >= 2:
        year_range = f2.slider("years", years[0], years[-1], (years[0], years[-1]), key="years")
    query = f3.text_input("search title or keyword", key="query")
    hits = search(g, query) if query else []
    focus = None
    if hits:
        focus = st.selectbox("matches", hits, format_func=lambda n: g.nodes[n]["label"],
                             key="match")
    depth = st.radio("ego network depth around the match", [0, 1, 2, 3], horizontal=True,
                     index=1, key="depth") if focus else 0
    keep = filter_nodes(g, top_of, modules=set(chosen) or None, years=year_range,
                        show_extra=options.show_extra_nodes)
    if focus and depth:
        keep &= ego_network(g, focus, depth=depth) | {focus}
        keep.add(focus)
    html = result.html(layers=options.layers, nodes=keep)
    st.caption(f"{len(keep)} nodes shown")
    st.iframe(html, height=720)
    d1, d2, d3 = st.columns(3)
    d1.download_button("HTML map", html.encode("utf-8"), "graph.html", "text/html")
    d2.download_button("node-link JSON", dumps_json(result.node_link()).encode("utf-8"),
                       "graph.json", "application/json")
    d3.download_button("report JSON", dumps_json(report(result)).encode("utf-8"),
                       "report.json", "application/json")

with tab_modules:
    rows = [{"module": m.id, "level": m.level, "label": m.label, "posts": m.size,
             "flow share": round(m.flow, 4), "from": m.first_date, "to": m.last_date,
             "top posts": " | ".join(g.nodes[p]["label"] for p in m.top_posts),
             "most cited": g.nodes[m.most_cited]["label"] if m.most_cited else ""}
            for m in result.modules]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")

with tab_post:
    if focus in post_keys and st.session_state.get("last_focus") != focus:
        st.session_state["post"] = focus  # a new search match opens its post page
    st.session_state["last_focus"] = focus
    if st.session_state.get("post") not in post_keys:
        st.session_state.pop("post", None)
    key = st.selectbox("post", post_keys, format_func=lambda n: g.nodes[n]["label"], key="post")
    d = g.nodes[key]
    st.subheader(d["label"])
    meta = [f"date: {d['date'] or 'unknown'}", f"module: {c.leaf_module(key)} · "
            f"{labels.get(c.module(key, 1), '')}"]
    if d.get("readers"):
        meta.append(f"{d['readers']} readers")
    if d.get("url"):
        meta.append(f"[original]({d['url']})")
    st.markdown(" · ".join(meta))
    if d.get("tags") or d.get("categories"):
        st.caption("categories: " + ", ".join(d["categories"]) + " · tags: " + ", ".join(d["tags"]))
    st.text(d.get("excerpt") or "(no text)")
    edges = post_edges(g, key)
    for title, bucket in (("cites", "out"), ("cited by", "in"), ("shared topics", "topic")):
        st.markdown(f"**{title}** ({len(edges[bucket])})")
        if edges[bucket]:
            st.dataframe(pd.DataFrame([{"post": e.other_label, "kind": e.kind,
                                        "weight": round(e.weight, 3), "evidence": e.evidence}
                                       for e in edges[bucket]]), hide_index=True,
                         width="stretch")
    same = [n for n in c.modules_at(1).get(c.module(key, 1), []) if n != key]
    st.markdown(f"**same module** ({len(same)})")
    st.write(", ".join(g.nodes[n]["label"] for n in same) or "none")

with tab_time:
    rows = [{"month": d["date"][:7], "module": f"{top_of[n]} · {labels.get(top_of[n], '')}"}
            for n, d in g.nodes(data=True)
            if d["kind"] == "post" and d.get("date") and d["date"][:4].isdigit()]
    if rows:
        frame = pd.DataFrame(rows).value_counts().reset_index(name="posts")
        st.bar_chart(frame, x="month", y="posts", color="module")
    undated = sum(1 for _, d in g.nodes(data=True) if d["kind"] == "post"
                  and not (d.get("date") or "")[:4].isdigit())
    st.caption(f"{len(rows)} dated posts; {undated} posts without a known year are not shown.")

with tab_report:
    st.dataframe(pd.DataFrame([vars(f) for f in read_result.files]), hide_index=True,
                 width="stretch")
    st.markdown(f"**skipped fragments** ({len(read_result.fragments)})")
    st.dataframe(pd.DataFrame([vars(f) for f in read_result.fragments]), hide_index=True,
                 width="stretch")
