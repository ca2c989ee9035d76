"""The dashboard without a browser (streamlit.testing.v1.AppTest)."""

from __future__ import annotations

import pytest
from conftest import ROOT

AppTest = pytest.importorskip("streamlit.testing.v1").AppTest


@pytest.fixture()
def app():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    assert not at.exception, at.exception
    return at


def test_app_runs_on_data_and_shows_the_map_and_tables(app):
    assert [m.value for m in app.metric][:1] == ["39"]
    assert any("modules" in c.value or "InfoMap" in c.value for c in app.caption)
    assert len(app.tabs) == 5
    assert app.dataframe  # module table, reading report


def test_turning_off_a_layer_changes_the_edges(app):
    edges_before = app.metric[1].value
    app.multiselect(key="module_filter")  # exists
    layers = app.sidebar.multiselect(key="layers")
    layers.set_value(["cites", "series"]).run()
    assert not app.exception
    assert int(app.metric[1].value) < int(edges_before)


def test_search_and_post_page_show_citations(app):
    app.text_input(key="query").set_value("WhiteningBERT原创性").run()
    assert not app.exception
    post = app.selectbox(key="post")
    assert "WhiteningBERT" in str(post.value) or "Whitening" in str(post.format_func(post.value))
    texts = " ".join(str(getattr(m, "value", "")) for m in app.markdown)
    assert "cites" in texts and "cited by" in texts


def test_bad_folder_is_a_clear_error(app):
    app.sidebar.radio(key="source").set_value("local folder").run()
    app.sidebar.text_input(key="folder").set_value("/no/such/folder").run()
    assert not app.exception
    assert any("no such file or folder" in e.value for e in app.error)
