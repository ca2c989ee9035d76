"""The Reading report tab."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from graphkit.pipeline import report
from graphkit.render import dumps_json

from . import Page


def show(page: Page) -> None:
    read_result = page.result.read
    st.dataframe(pd.DataFrame([vars(f) for f in read_result.files]), hide_index=True,
                 width="stretch")
    st.markdown(f"**skipped fragments** ({len(read_result.fragments)})")
    st.dataframe(pd.DataFrame([vars(f) for f in read_result.fragments]), hide_index=True,
                 width="stretch")
    st.download_button("report JSON", lambda: dumps_json(report(page.result)).encode("utf-8"),
                       "report.json", "application/json")
