"""The Post tab: one post's page."""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from graphkit.analysis import related_posts
from graphkit.display import visible_controls
from graphkit.explore import post_edges

from . import Page, md


def show(page: Page) -> None:
    key = st.selectbox("post", page.post_keys, format_func=page.label_of, key="post",
                       index=None,
                       placeholder="choose a post (or pick one in a table or the search)")
    if key is None:
        st.info("No post selected.")
    else:
        post_page(page, key)


def post_page(page: Page, key: str) -> None:
    """Metadata, excerpt, the post's relations by kind with their evidence, read next."""
    g, c, shown_in = page.graph, page.result.community, page.result.display.of.get(key)
    d = g.nodes[key]
    st.subheader(md(d["label"]))
    leaf = c.leaf_module(key)
    meta = [f"date: {md(d['date'] or 'unknown')}", f"module: {page.module_name(leaf)}"]
    if shown_in and shown_in != leaf:
        meta.append(f"shown in {page.module_name(shown_in)}")
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
    for title, bucket in post_edges(g, key).items():
        if not bucket and title not in ("cites", "cited by"):
            continue
        st.markdown(f"**{title}** ({len(bucket)})")
        if bucket:
            st.dataframe(pd.DataFrame([{"post": visible_controls(e.other_label),
                                        "weight": round(e.weight, 3),
                                        "evidence": visible_controls(e.evidence)}
                                       for e in bucket]), hide_index=True, width="stretch")
    st.markdown("**read next**")
    st.dataframe(pd.DataFrame([{"post": page.label_of(n), "score": round(s, 4)}
                               for n, s in related_posts(g, c, key, k=10)]),
                 hide_index=True, width="stretch")
