"""The Modules tab: the module tree and a module's page."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from graphkit.explore import neighbouring_modules

from . import Page, md


def show(page: Page) -> None:
    r, g, c = page.result, page.graph, page.result.community
    st.subheader("module tree")
    tree_rows = [{"module": ("　" * (m.level - 1)) + m.id, "label": page.labels[m.id],
                  "posts": m.size, "flow share": round(m.flow, 4), "from": m.first_date,
                  "to": m.last_date}
                 for m in sorted(r.modules, key=lambda m: [int(x) for x in m.id.split(":")])]
    st.dataframe(pd.DataFrame(tree_rows), hide_index=True, width="stretch")
    module = st.selectbox("module page", list(r.modules),
                          format_func=lambda m: f"{m.id} · {page.labels[m.id]} ({m.size})",
                          key="module")
    if module is None:
        return
    members = c.modules_at(module.level)[module.id]
    st.markdown(f"**{module.id} · {md(module.label)}** — {module.size} posts, "
                f"{module.flow:.1%} of the flow, {module.first_date or '?'} – "
                f"{module.last_date or '?'}; keywords: {md(', '.join(module.keywords))}")
    if module.most_cited:
        st.markdown(f"most cited: **{md(page.label_of(module.most_cited))}**")
    member_rows = pd.DataFrame([{"post": page.label_of(n), "date": g.nodes[n].get("date"),
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
    level_of = {n: c.module(n, module.level) for n in c.paths}
    neighbours = neighbouring_modules(g, level_of, members)
    if neighbours:
        st.markdown("neighbouring modules: " + "; ".join(
            f"{page.module_name(m)} ({k} links)" for m, k in neighbours))
