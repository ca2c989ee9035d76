"""The Gaps tab: displayed modules close in topic with few citations between them."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from . import Page
from .cache import run_gaps


def show(page: Page) -> None:
    gaps = run_gaps(page.source, page.options.with_(show_extra_nodes=True), page.result)
    st.caption("Pairs of modules close in topic with few citations between them: "
               "score = topic similarity / (1 + citations).")
    st.dataframe(pd.DataFrame([{"module A": f"{x.a} · {page.labels.get(x.a, '')}",
                                "module B": f"{x.b} · {page.labels.get(x.b, '')}",
                                "topic similarity": x.topic_similarity,
                                "citations": x.citations, "score": x.score,
                                "bridging posts": " | ".join(page.label_of(b) for b in x.bridges)}
                               for x in gaps]), hide_index=True, width="stretch")
