"""The dashboard without a browser (streamlit.testing.v1.AppTest)."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT

testing = pytest.importorskip("streamlit.testing.v1")


@pytest.fixture()
def calls(monkeypatch):
    """Count the analyses and keyword segmentations the app runs (caches cleared first)."""
    import streamlit as st

    import graphkit.keywords
    import graphkit.pipeline

    st.cache_resource.clear()
    counts = {"analyse": 0, "keywords": 0}
    real_analyse, real_kw = graphkit.pipeline.analyse, graphkit.keywords.keyword_matrix

    def analyse(*a, **k):
        counts["analyse"] += 1
        return real_analyse(*a, **k)

    def keyword_matrix(*a, **k):
        counts["keywords"] += 1
        return real_kw(*a, **k)

    monkeypatch.setattr(graphkit.pipeline, "analyse", analyse)
    monkeypatch.setattr(graphkit.keywords, "keyword_matrix", keyword_matrix)
    return counts


@pytest.fixture()
def app(calls):
    at = testing.AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.run()
    assert not at.exception, at.exception
    return at


def test_app_runs_on_data_and_shows_every_view(app):
    assert app.metric[0].value == "39"
    assert [t.label for t in app.tabs] == ["Map", "Modules", "Post", "Time", "Gaps",
                                           "Reading report"]
    labels = {b.label for b in app.get("download_button")}
    assert {"HTML map", "node-link JSON", "GraphML", "GEXF (Gephi)", "posts CSV",
            "modules CSV", "report JSON", "flow tree (Infomap)", "VOSviewer JSON",
            "Pajek network", "Pajek partition"} <= labels
    assert len(app.dataframe) >= 5  # module tree, members, post tables, gaps, report


def test_filters_do_not_rerun_the_analysis_but_options_do(app, calls):
    assert calls == {"analyse": 1, "keywords": 1}
    app.multiselect(key="module_filter").set_value(["1"]).run()
    app.radio(key="depth").set_value(2).run()
    assert not app.exception
    assert calls == {"analyse": 1, "keywords": 1}
    app.sidebar.number_input(key="markov_time").set_value(1.5).run()
    assert calls == {"analyse": 2, "keywords": 1}


def test_turning_off_a_layer_changes_the_edges(app):
    before = int(app.metric[1].value)
    app.sidebar.multiselect(key="layers").set_value(["cites", "series"]).run()
    assert not app.exception
    assert int(app.metric[1].value) < before


def test_search_opens_the_post_with_its_citations(app):
    app.text_input(key="query").set_value("WhiteningBERT原创性").run()
    assert not app.exception
    post = app.selectbox(key="post")
    assert post.format_func(post.value) == "关于WhiteningBERT原创性的疑问和沟通"
    texts = [m.value for m in app.markdown]
    assert any(t.startswith("**cites**") for t in texts)
    assert any(t.startswith("**cited by**") for t in texts)
    assert any("selected: 关于WhiteningBERT" in cap.value for cap in app.caption)


def test_module_page_and_alluvial_view(app):
    app.selectbox(key="module").set_value(app.selectbox(key="module").options[0])
    app.checkbox(key="alluvial").check().run()
    assert not app.exception
    assert any("keywords:" in m.value for m in app.markdown)
    assert app.get("plotly_chart")


def test_no_server_folder_is_offered_unless_the_server_allows_it(app):
    assert app.sidebar.radio(key="source").options == ["embedded data/", "upload files",
                                                        "upload a folder", "blog address"]


def test_a_blogs_folder_or_its_zip_uploaded_is_mapped_as_on_disk(app):
    """A Jekyll blog's folder as the browser sends it (each file's path below the
    folder) and the same blog zipped: six posts each (its about page, outside _posts/,
    is no post), with its .git/ passed over."""
    import io
    import zipfile

    from conftest import FIXTURES

    root = FIXTURES / "zoo" / "jekyll"
    files = [(f"blog/{f.relative_to(root).as_posix()}", f.read_bytes(), "text/plain")
             for f in sorted(root.rglob("*")) if f.is_file() and f.name != "truth.json"]
    files.append(("blog/.git/HEAD", b"ref: refs/heads/main\n", "text/plain"))
    app.sidebar.radio(key="source").set_value("upload a folder").run()
    assert app.sidebar.get("file_uploader")[0].accept_directory
    app.sidebar.get("file_uploader")[0].set_value(files).run()
    assert not app.exception and not app.error, [e.value for e in app.error]
    assert app.metric[0].value == "6"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data, _ in files:
            z.writestr(name, data)
    app.sidebar.radio(key="source").set_value("upload files").run()
    app.sidebar.get("file_uploader")[0].set_value(
        ("blog-main.zip", buf.getvalue(), "application/zip")).run()
    assert not app.exception and not app.error, [e.value for e in app.error]
    assert app.metric[0].value == "6"


def test_server_folders_only_under_the_allowed_roots(calls, monkeypatch, tmp_path):
    allowed = tmp_path / "blogs"
    allowed.mkdir()
    monkeypatch.setenv("GRAPHKIT_FOLDERS", str(allowed))
    at = testing.AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.run()
    at.sidebar.radio(key="source").set_value("server folder").run()
    for folder, message in (("/etc", "outside the folders this server allows"),
                            (str(allowed / ".." / ".."), "outside the folders this server allows"),
                            (str(allowed / "none"), "no such file or folder")):
        at.sidebar.text_input(key="folder").set_value(folder).run()
        assert not at.exception
        (error,) = at.error
        assert message in error.value.replace("\\", "")


def test_hostile_titles_are_literal_text(calls, monkeypatch):
    from graphkit.display import BIDI_CONTROLS

    monkeypatch.setenv("GRAPHKIT_DATA", str(ROOT / "tests" / "fixtures" / "hostile"))
    at = testing.AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.run()
    assert not at.exception
    at.selectbox(key="post").set_value("post:99102").run()
    at.checkbox(key="alluvial").check().run()
    assert not at.exception
    shown = [e.value for e in (*at.markdown, *at.caption, *at.subheader, *at.error)]
    assert any("[U+202E]gnp" in t.replace("\\", "") for t in shown)  # shown, not obeyed
    for text in shown:
        assert "://" not in text and "www." not in text and not set(text) & BIDI_CONTROLS
    assert all("hunter2" not in str(df.value) for df in at.dataframe)
    (title,) = at.main.title    # the fixture's _config.yml names the blog: shown as written
    assert title.value.replace("\\", "") == (
        "</title><script>document.title='pwned'</script>**loud** [x](javascript:alert(7))"
        " · knowledge map")
    assert "\\*\\*loud\\*\\*" in title.value and "\\<script" in title.value
    (chart,) = at.get("plotly_chart")
    (sankey,) = json.loads(chart.proto.spec)["data"]
    shown = sankey["node"]["label"] + sankey["node"]["customdata"]
    assert shown and not any("<" in t for t in shown)   # Plotly would render <a href> as a link


def test_no_phantom_selection(app):
    """A new map selects nothing, and reruns (an option, a filter) keep the user's choice or none."""
    import re as _re

    def selected_in_map(at):
        html = next(f.proto.srcdoc for f in at.get("iframe"))
        data = _re.search(r'id="graph-data">(.*?)</script>', html, _re.S).group(1)
        return json.loads(data)["select"]

    assert app.selectbox(key="post").value is None and selected_in_map(app) is None
    app.sidebar.number_input(key="markov_time").set_value(1.5).run()
    app.multiselect(key="module_filter").set_value([app.multiselect(key="module_filter").options[0]]).run()
    assert app.selectbox(key="post").value is None and selected_in_map(app) is None
    app.multiselect(key="module_filter").set_value([]).run()
    picked = "post:title:bert4keras在手,baseline我有:clue基准代码"
    app.selectbox(key="post").set_value(picked).run()
    app.sidebar.number_input(key="markov_time").set_value(1.0).run()
    assert app.selectbox(key="post").value == picked and selected_in_map(app) == picked


def test_search_counts_every_hit(app):
    app.text_input(key="query").set_value("bert").run()
    assert not app.exception
    caption = next(c.value for c in app.caption if c.value.endswith(("hits", "search")))
    total = int(caption.split()[0])
    assert total == len(app.selectbox(key="match").options) or "more not listed" in caption
    assert app.selectbox(key="match").value is None    # several hits: nothing preselected
