"""The map explains itself: module view, drill-down, labels that never collide, search,
kinds kept apart (Debian's Chromium, Playwright)."""

from __future__ import annotations

import pytest
from conftest import ROOT, corpus_or_skip
from test_browser import ARTIFACTS, browser, open_map  # noqa: F401  (fixture)

pytestmark = pytest.mark.browser


def _overlaps(boxes):
    return [(a["id"], b["id"]) for i, a in enumerate(boxes) for b in boxes[i + 1:]
            if a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"]
            and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"]]


@pytest.fixture(scope="module")
def corpus_map(tmp_path_factory):
    from graphkit.pipeline import build, write_outputs

    result = build([corpus_or_skip()])
    out = tmp_path_factory.mktemp("corpus-map")
    write_outputs(result, out)
    return result, out / "graph.html"


@pytest.fixture(scope="module")
def data_map(tmp_path_factory, data_build):
    from graphkit.pipeline import write_outputs

    out = tmp_path_factory.mktemp("data-map")
    write_outputs(data_build, out)
    return data_build, out / "graph.html"


def _page(browser, path, width=1600, height=1000):  # noqa: F811
    page, outside, errors = open_map(browser, path)
    page.set_viewport_size({"width": width, "height": height})
    page.evaluate("window.graphkit.network.redraw()")
    return page, outside, errors


@pytest.mark.corpus
def test_corpus_opens_on_the_module_view_with_labels_that_never_collide(browser, corpus_map):  # noqa: F811
    result, path = corpus_map
    page, outside, errors = _page(browser, path)
    page.evaluate("window.graphkit.overview()")
    assert page.evaluate("window.graphkit.mode()") == "overview"
    boxes = page.evaluate("window.graphkit.labels()")
    assert len(boxes) >= 15 and _overlaps(boxes) == []
    legend = page.inner_text("#legend")
    assert "other:" in legend                        # past the 20 hues, named "other"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "map-corpus-modules.png"))
    # open the largest displayed module: its posts fit the view, with a breadcrumb back
    first = result.display.modules[0]
    page.evaluate(f"window.graphkit.openModule('{first}')")
    assert first in page.inner_text("#crumbs")
    ids = page.evaluate("window.graphkit.nodes.getIds()")
    assert len(ids) == len(result.display.members()[first])
    box = page.locator("#mynetwork").bounding_box()
    inside = page.evaluate("""() => { const g = window.graphkit, n = g.network;
        const p = n.getPositions(g.nodes.getIds());
        return Object.values(p).map(q => n.canvasToDOM(q)); }""")
    assert all(-1 <= q["x"] <= box["width"] + 1 and -1 <= q["y"] <= box["height"] + 1 for q in inside)
    boxes = page.evaluate("window.graphkit.labels()")
    assert len(boxes) >= 15 and _overlaps(boxes) == []
    page.screenshot(path=str(ARTIFACTS / "map-corpus-module.png"))
    page.click("#crumbs a")                          # back to every module
    assert page.evaluate("window.graphkit.mode()") == "overview"
    assert outside == [] and errors == []
    page.close()


def test_labels_never_collide_at_any_zoom(browser, data_map):  # noqa: F811
    _, path = data_map
    page, _, errors = _page(browser, path)
    for scale in (0.3, 1.0, 3.0):
        page.evaluate(f"window.graphkit.network.moveTo({{scale: {scale}, animation: false}})")
        boxes = page.evaluate("window.graphkit.labels()")
        assert _overlaps(boxes) == [], scale
    assert errors == []
    page.close()


def test_series_members_read_apart(data_map):
    data, _ = data_map
    from graphkit.render import short_label

    assert short_label("Transformer升级之路：10、RoPE是一种β进制编码") == "Transformer升级之路·10"
    assert short_label("变分自编码器（八）：估计样本概率密度") == "变分自编码器·8"


def test_search_ranks_counts_and_keeps_spaces(browser, data_map):  # noqa: F811
    result, path = data_map
    page, _, errors = _page(browser, path)
    page.fill("#search", "bert")
    hits = page.evaluate("window.graphkit.hits")
    kinds = [result.graph.nodes[h]["kind"] for h in hits]
    assert kinds == sorted(kinds, key=lambda k: k != "post")    # posts first
    assert page.inner_text("#hits") == f"{len(hits)} hits"
    labels = [result.graph.nodes[h]["label"].casefold() for h in hits]
    assert all("bert" in t or "bert" in [k.casefold() for k in result.graph.nodes[h]["keywords"]]
               for t, h in zip(labels, hits))
    page.fill("#search", "ber t")                    # spaces are kept: no match for "bert"
    assert page.evaluate("window.graphkit.hits") == []
    assert errors == []
    page.close()


def test_details_keep_kinds_apart(browser, data_map):  # noqa: F811
    result, path = data_map
    g = result.graph
    key = max((n for n, d in g.nodes(data=True) if d["kind"] == "post"),
              key=lambda n: sum(1 for _, _, d in g.out_edges(n, data=True) if d["kind"] == "topic"))
    page, _, errors = _page(browser, path)
    page.evaluate(f"window.graphkit.select({key!r})")
    text = page.inner_text("#details")
    cites = sum(1 for _, _, d in g.out_edges(key, data=True) if d["kind"] == "cites")
    topics = sum(1 for u, v, d in g.edges(data=True) if d["kind"] == "topic" and key in (u, v))
    assert (f"cites ({cites})" in text) == (cites > 0)
    assert f"shared topics ({topics})" in text
    module = result.community.leaf_module(key)
    own = next(m.label for m in result.modules if m.id == module)
    assert f"module {module} · {own}" in text
    assert errors == []
    page.close()


def test_layer_toggles(browser, data_map):  # noqa: F811
    result, path = data_map
    page, _, errors = _page(browser, path)
    before = page.evaluate("window.graphkit.edges.get().filter(e => e.id.endsWith('\\u0000cites')).length")
    assert before > 0
    page.uncheck("#layer-cites")
    after = page.evaluate("window.graphkit.edges.get().filter(e => e.id.endsWith('\\u0000cites')).length")
    assert after == 0
    assert errors == []
    page.close()
