"""The Map tab: filters, search, ego network, the map and the downloads."""

from __future__ import annotations

import streamlit as st

from graphkit.explore import ego_network, filter_nodes, search, year_span
from graphkit.export import (modules_csv, posts_csv, to_ftree, to_gexf, to_graphml,
                             to_pajek, to_pajek_partition, to_vosviewer)
from graphkit.render import dumps_json

from . import Page, md


def show(page: Page) -> None:
    r, g = page.result, page.graph
    display = r.display
    f1, f2, f3 = st.columns([2, 2, 2])
    chosen = f1.multiselect("modules", list(display.modules),
                            format_func=lambda m: f"{m} · {page.labels.get(m, '')}",
                            key="module_filter")
    years = year_span(g)
    year_range = None
    if len(years) >= 2:
        year_range = f2.slider("years", years[0], years[-1], (years[0], years[-1]), key="years")
    query = f3.text_input("search title or keyword", key="query")
    hits = search(g, query, flow=r.community.flow) if query else None
    if hits is not None:
        st.caption(f"{hits.total} hits" + (f", {hits.more} more not listed: refine the search"
                                           if hits.more else ""))
    if hits is not None and hits.ids:
        # one hit is the user's choice; of several, the user picks (nothing is preselected)
        match = st.selectbox("matches", hits.ids, format_func=page.label_of, key="match",
                             index=0 if hits.total == 1 else None, placeholder="choose a hit")
        if match is not None and st.session_state.get("last_match") != match:
            st.session_state["post"] = match  # a chosen search hit opens its post
        st.session_state["last_match"] = match
    focus = st.session_state.get("post")
    depth = st.radio("ego network around the selected post (0: whole map)", [0, 1, 2, 3],
                     horizontal=True, index=0, key="depth")
    keep = filter_nodes(g, display.of, modules=set(chosen) or None, years=year_range,
                        show_extra=page.options.show_extra_nodes)
    if focus and depth:
        keep = (keep & ego_network(g, focus, depth=depth)) | {focus}
    html = r.html(layers=page.options.layers, nodes=keep,
                  show_extra=page.options.show_extra_nodes, select=focus)
    st.caption(f"{len(keep)} nodes shown"
               + (f" · selected: {md(page.label_of(focus))}" if focus else ""))
    st.iframe(html, height=720)
    d = st.columns(5) + st.columns(5)
    d[0].download_button("HTML map", html.encode("utf-8"), "graph.html", "text/html")
    # exports are built on click only (GraphML and GEXF take ~0.7 s each on the corpus)
    d[1].download_button("node-link JSON",
                         lambda: dumps_json(r.node_link(), indent=None).encode("utf-8"),
                         "graph.json", "application/json")
    d[2].download_button("GraphML", lambda: to_graphml(r), "graph.graphml", "application/xml")
    d[3].download_button("GEXF (Gephi)", lambda: to_gexf(r), "graph.gexf", "application/xml")
    d[4].download_button("posts CSV", lambda: posts_csv(r).encode("utf-8"), "posts.csv",
                         "text/csv")
    d[5].download_button("modules CSV", lambda: modules_csv(r).encode("utf-8"),
                         "modules.csv", "text/csv")
    d[6].download_button("flow tree (Infomap)", lambda: to_ftree(r).encode("utf-8"),
                         "graph.ftree", "text/plain", help="opens in mapequation.org's "
                         "Network Navigator and Alluvial Generator")
    d[7].download_button("VOSviewer JSON", lambda: to_vosviewer(r).encode("utf-8"),
                         "graph.vosviewer.json", "application/json",
                         help="opens in VOSviewer (1.6.16 on) and VOSviewer Online")
    d[8].download_button("Pajek network", lambda: to_pajek(r).encode("utf-8"), "graph.net",
                         "text/plain", help="the flow network InfoMap ran on: opens in "
                         "Pajek, VOSviewer, Gephi and Infomap")
    d[9].download_button("Pajek partition", lambda: to_pajek_partition(r).encode("utf-8"),
                         "graph.clu", "text/plain", help="the displayed modules, for the "
                         "Pajek network (VOSviewer's clusters)")
