"""The Time tab: posts per month by displayed module, module sizes per year, the alluvial."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from graphkit.analysis import module_sizes_by_year
from graphkit.explore import posts_per_month, undated_posts
from graphkit.render import OTHER_COLOR, sankey_data

from . import Page
from .cache import run_alluvial


def show(page: Page) -> None:
    r, g = page.result, page.graph
    timeline = posts_per_month(g, r.display)
    if timeline:
        import altair as alt

        named = [m for m in r.display.modules if page.hues[m] != OTHER_COLOR]
        name = {m: f"{m} · {page.labels.get(m, '')}" for m in named}
        frame = pd.DataFrame([{"month": row["month"], "posts": row["posts"],
                               "module": name.get(row["module"], "other")} for row in timeline])
        scale = alt.Scale(domain=[name[m] for m in named] + ["other"],
                          range=[page.hues[m] for m in named] + [OTHER_COLOR])
        st.altair_chart(alt.Chart(frame).mark_bar().encode(
            x=alt.X("month:O"), y=alt.Y("sum(posts):Q", title="posts"),
            color=alt.Color("module:N", scale=scale,
                            legend=alt.Legend(columns=2, labelLimit=260))), width="stretch")
    st.caption(f"{sum(row['posts'] for row in timeline)} dated posts; {undated_posts(g)} posts "
               f"without a known year are not shown. Colours are the map's; modules past the "
               f"20 of largest flow are \"other\".")
    sizes = module_sizes_by_year(g, r.community, display=r.display)
    if sizes:
        st.markdown("**posts per module and year**")
        st.dataframe(pd.DataFrame(sizes).fillna(0).astype(int), width="stretch")
    if st.checkbox("alluvial view: modules of the network cut at successive years",
                   key="alluvial"):
        import plotly.graph_objects as go

        s = sankey_data(run_alluvial(page.source, page.options.with_(show_extra_nodes=True), r),
                        page.hues)
        fig = go.Figure(go.Sankey(
            arrangement="snap",
            node={"label": s["labels"], "color": s["colors"], "pad": 14, "thickness": 14,
                  "customdata": s["hover"], "hovertemplate": "%{customdata}<extra></extra>"},
            link={"source": s["sources"], "target": s["targets"], "value": s["values"],
                  "color": s["link_colors"]}))
        fig.update_layout(height=560, font={"size": 13},
                          margin={"l": 10, "r": 10, "t": 10, "b": 10})
        st.caption("Modules of the network cut at each year, named after the module of the "
                   "previous cut they share most posts with; each cut starts from the "
                   "previous partition. Modules under 2 % of a cut's posts are \"other\".")
        st.plotly_chart(fig, width="stretch")
