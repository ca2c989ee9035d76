"""The exported map in a real browser: Debian's Chromium driven by Playwright, no network."""

from __future__ import annotations

import json

import pytest
from conftest import CHROMIUM, ROOT

pytestmark = pytest.mark.browser
ARTIFACTS = ROOT / "tests" / "artifacts"


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"])
        yield b
        b.close()


@pytest.fixture(scope="module")
def exported(tmp_path_factory, data_build):
    from graphkit.pipeline import write_outputs

    out = tmp_path_factory.mktemp("map")
    write_outputs(data_build, out)
    return out


def open_map(browser, path):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    outside, errors = [], []
    page.route("**/*", lambda route: (outside.append(route.request.url), route.abort())
               if not route.request.url.startswith(("file:", "data:")) else route.continue_())
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    page.wait_for_function("window.graphkit && window.graphkit.drawn === true", timeout=20000)
    return page, outside, errors


def test_map_draws_every_node_offline(browser, exported, data_build):
    page, outside, errors = open_map(browser, exported / "graph.html")
    drawn = page.evaluate("Object.keys(window.graphkit.network.getPositions())")
    posts = {n for n, d in data_build.graph.nodes(data=True) if d["kind"] == "post"}
    assert posts <= set(drawn)
    assert len(drawn) == data_build.graph.number_of_nodes()
    # every drawn post sits inside the canvas' bounding box once the view is fitted
    page.evaluate("window.graphkit.network.fit()")
    assert outside == [] and errors == []
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "map-data.png"))
    page.close()


def test_search_by_chinese_title_selects_the_post(browser, exported, data_build):
    page, _, errors = open_map(browser, exported / "graph.html")
    title = "让人惊叹的Johnson-Lindenstrauss引理:应用篇"
    page.fill("#search", title)
    selected = page.evaluate("window.graphkit.selected")
    assert data_build.graph.nodes[selected]["title"] == title
    assert title in page.inner_text("#details")
    assert "cited by" in page.inner_text("#details")
    assert errors == []
    page.close()


def test_click_highlights_neighbours(browser, exported, data_build):
    page, _, errors = open_map(browser, exported / "graph.html")
    key = next(p.key for p in data_build.read.posts
               if p.title == "你可能不需要BERT-flow:一个线性变换媲美BERT-flow")
    pos = page.evaluate(f"window.graphkit.network.canvasToDOM("
                        f"window.graphkit.network.getPositions([{json.dumps(key)}])[{json.dumps(key)}])")
    box = page.locator("#mynetwork").bounding_box()
    page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])
    assert page.evaluate("window.graphkit.selected") == key
    colors = page.evaluate("Object.fromEntries(window.graphkit.nodes.get().map(n => [n.id, n.color]))")
    neighbours = set(data_build.graph.predecessors(key)) | set(data_build.graph.successors(key))
    for n, color in colors.items():
        dim = str(color).startswith("rgba(200,200,200")
        assert dim == (n != key and n not in neighbours), n
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "map-click.png"))
    assert errors == []
    page.close()


def hover_and_click_every_node(page, frame=None):
    """Hover and click each drawn node of the map in ``frame`` (default: the page)."""
    frame = frame or page.main_frame
    ids = frame.evaluate("window.graphkit.nodes.getIds()")
    element = frame.frame_element() if frame != page.main_frame else None
    offset = element.bounding_box() if element is not None else {"x": 0, "y": 0}
    box = frame.locator("#mynetwork").bounding_box()
    for node in ids:
        frame.evaluate("id => window.graphkit.network.focus(id, {scale: 1.0, animation: false})",
                       node)
        pos = frame.evaluate("id => window.graphkit.network.canvasToDOM("
                             "window.graphkit.network.getPositions([id])[id])", node)
        x, y = offset["x"] + box["x"] + pos["x"], offset["y"] + box["y"] + pos["y"]
        page.mouse.move(x, y)
        page.wait_for_timeout(150)   # the tooltip opens
        page.mouse.click(x, y)
    return ids


def test_hostile_posts_run_nothing_in_the_map(browser, tmp_path):
    from graphkit.pipeline import build, write_outputs

    result = build([ROOT / "tests" / "fixtures" / "hostile"])
    write_outputs(result, tmp_path)
    page, outside, errors = open_map(browser, tmp_path / "graph.html")
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    title = page.title()
    ids = hover_and_click_every_node(page)
    assert len(ids) == result.graph.number_of_nodes()
    page.fill("#search", "标题一")
    details = page.inner_text("#details")
    assert '<script>alert("t1")</script>标题一' in details      # shown literally
    assert "cited by" in details
    page.wait_for_timeout(500)
    assert dialogs == [] and errors == [] and outside == []
    # the site title of the fixture's _config.yml, as text
    assert page.title() == title == ("graphkit · </title><script>document.title='pwned'"
                                     "</script>**loud** [x](javascript:alert(7))")
    assert page.evaluate("document.querySelectorAll('img[src=\"x\"], svg[onload], "
                         "a[href^=\"javascript\"]').length") == 0
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "map-hostile.png"))
    page.close()
