"""The dashboard as a person uses it: ``streamlit run`` on 127.0.0.1, Debian's Chromium."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from conftest import CHROMIUM, ROOT

pytestmark = pytest.mark.browser
ARTIFACTS = ROOT / "tests" / "artifacts"


@contextlib.contextmanager
def streamlit_server(env: dict | None = None):
    """``streamlit run app.py`` on a free port of 127.0.0.1; stopped on exit."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
         "--server.address", "127.0.0.1", "--server.port", str(port),
         "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, **(env or {})})
    try:
        for _ in range(240):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1)
                break
            except OSError:
                time.sleep(0.25)
        else:
            pytest.fail("streamlit did not start")
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def server():
    if CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    with streamlit_server() as url:
        yield url


@contextlib.contextmanager
def browser_page(url: str):
    """A Chromium page on ``url`` that may load nothing but the server's own resources."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"])
        pg = browser.new_page(viewport={"width": 1500, "height": 1000})
        outside: list[str] = []
        pg.route("**/*", lambda r: (outside.append(r.request.url), r.abort())
                 if not r.request.url.startswith((url, "about:", "data:", "blob:"))
                 else r.continue_())
        pg.goto(url)
        yield pg
        browser.close()
        assert outside == []


@pytest.fixture()
def page(server):
    with browser_page(server) as pg:
        yield pg


def map_frame(pg, timeout=60.0):
    """The frame of the dashboard that holds the drawn map."""
    end = time.time() + timeout
    while time.time() < end:
        for f in pg.frames:
            try:
                if f.evaluate("!!(window.graphkit && window.graphkit.drawn)"):
                    return f
            except Exception:
                pass
        time.sleep(0.3)
    raise AssertionError("no drawn map found in the dashboard")


def map_edges(pg, timeout=60.0, not_equal=None):
    """Number of edges drawn by the map in the dashboard's iframe (waits for a new map)."""
    end = time.time() + timeout
    while time.time() < end:
        for f in pg.frames:
            try:
                if f.evaluate("!!(window.graphkit && window.graphkit.drawn)"):
                    n = f.evaluate("window.graphkit.edges.length")
                    if not_equal is None or n != not_equal:
                        return n
            except Exception:
                pass
        time.sleep(0.3)
    raise AssertionError("no drawn map found in the dashboard")


def test_map_draws_and_a_layer_toggle_changes_the_drawn_edges(page):
    before = map_edges(page)
    assert before > 50
    page.locator('button[aria-label="Remove topic"]').click()
    after = map_edges(page, not_equal=before)
    assert 0 < after < before
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dashboard-layers.png"))


def test_picking_a_post_shows_its_citations(page):
    map_edges(page)
    page.get_by_role("tab", name="Post").click()
    box = page.get_by_label("post", exact=True)
    box.click()
    page.keyboard.type("关于WhiteningBERT原创性")
    page.keyboard.press("Enter")
    page.get_by_text("关于WhiteningBERT原创性的疑问和沟通", exact=True).first.wait_for(timeout=30000)
    page.get_by_text("cited by (").first.wait_for(timeout=30000)
    text = page.inner_text("body")
    assert "cites (" in text
    assert "你可能不需要BERT-flow" in text
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dashboard-post.png"), full_page=True)


def test_alluvial_and_timeline_are_drawn_in_the_map_colours(page):
    map_edges(page)
    page.get_by_role("tab", name="Time").click()
    page.get_by_text("alluvial view").click()
    page.locator(".js-plotly-plot .sankey").first.wait_for(timeout=60000)
    labels = page.locator(".js-plotly-plot .sankey .node-label").all_text_contents()  # SVG text
    assert labels and all(len(t) <= 30 for t in labels)     # short, legible labels
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dashboard-time.png"), full_page=True)


def test_hostile_posts_run_nothing_in_the_dashboard():
    """Titles, tags and text with script, onerror, javascript: and </script> show as text."""
    if CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    hostile = ROOT / "tests" / "fixtures" / "hostile"
    with streamlit_server({"GRAPHKIT_DATA": str(hostile)}) as url, browser_page(url) as pg:
        dialogs: list[str] = []
        pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        frame = map_frame(pg)
        title = pg.title()
        frame_title = frame.evaluate("document.title")
        from test_browser import hover_and_click_every_node

        hover_and_click_every_node(pg, frame)
        pg.get_by_role("tab", name="Post").click()
        pg.get_by_label("post", exact=True).click()
        pg.keyboard.type("标题一")
        pg.keyboard.press("Enter")
        pg.get_by_text('<script>alert("t1")</script>标题一', exact=True).filter(
            visible=True).first.wait_for(timeout=30000)
        time.sleep(1.0)
        assert dialogs == []
        assert pg.title() == title and frame.evaluate("document.title") == frame_title
        assert pg.evaluate("document.querySelectorAll('img[src=\"x\"], svg[onload]').length") == 0
        ARTIFACTS.mkdir(exist_ok=True)
        pg.screenshot(path=str(ARTIFACTS / "dashboard-hostile.png"), full_page=True)
