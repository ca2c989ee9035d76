"""Reading a blog from its address, against a generated blog on 127.0.0.1 (no internet)."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time

import pytest
from blogserver import Blog, serve
from conftest import DATA, ROOT

from graphkit.crawl import crawl
from graphkit.errors import InputError
from graphkit.options import BuildOptions


@pytest.fixture()
def blog():
    b = Blog()
    base, stop = serve(b)
    yield b, base
    stop()


def _options(tmp_path, **kw):
    return BuildOptions(crawl_delay=0.0, cache=str(tmp_path / "cache"), **kw)


def _fetched(b: Blog, path: str) -> list:
    return [r for r in b.log if r.path == path]


def test_the_whole_blog_is_found_and_mapped_with_its_links(blog, tmp_path):
    from graphkit.pipeline import analyse

    b, base = blog
    r = crawl(base + "/", options=_options(tmp_path))
    assert sorted(p.url for p in r.posts) == sorted(f"{base}/posts/{i}/" for i in range(1, 33))
    assert any(s.startswith("sitemaps: 2 read, 32 posts") for s in r.discovery)
    result = analyse(r)
    by_url = {d["url"]: n for n, d in result.graph.nodes(data=True) if d["kind"] == "post"}
    cites = {(u, v) for u, v, d in result.graph.edges(data=True) if d["kind"] == "cites"}
    want = {(by_url[f"{base}/posts/{i}/"], by_url[f"{base}/posts/{j}/"])
            for i in range(1, 33) for j in ((i % 32) + 1, ((i + 1) % 32) + 1)}
    assert cites == want          # absolute and relative links; the external one is no post
    post = next(p for p in r.posts if p.url == f"{base}/posts/3/")
    assert post.title == b.title(3) and post.date == "2021-04-04"
    assert "版权所有" not in post.text and "首页" not in post.text
    # the comments inside each post's element cite nothing, and are listed in the report
    comments = [f for f in r.fragments if "not the post: 1 element: section#comments" in f.reason]
    assert sorted(f.path for f in comments) == sorted(f"{base}/posts/{i}/" for i in range(1, 33))
    assert "请问和那一篇有什么区别" in comments[0].text


def test_a_rerun_sends_only_conditional_requests_and_fetches_only_a_new_page(blog, tmp_path):
    b, base = blog
    opts = _options(tmp_path)
    crawl(base + "/", options=opts)
    first = len(b.log)
    again = crawl(base + "/", options=opts)
    rerun = b.log[first:]
    assert rerun and all(r.conditional and r.status == 304 for r in rerun
                         if r.path not in ("/private/secret/",))
    assert sum(f.from_cache for f in again.fetches) == len(again.fetches)
    new = b.add_post()
    second = len(b.log)
    third = crawl(base + "/", options=opts)
    bodies = [r.path for r in b.log[second:] if r.status == 200]
    assert bodies == ["/sitemap-posts.xml", f"/posts/{new}/"]
    assert len(third.posts) == 33


def test_offline_builds_from_the_cache_alone(blog, tmp_path):
    b, base = blog
    crawl(base + "/", options=_options(tmp_path))
    before = len(b.log)
    r = crawl(base + "/", options=_options(tmp_path, offline=True))
    assert len(b.log) == before and len(r.posts) == 32


def test_robots_disallow_is_obeyed(blog, tmp_path):
    b, base = blog
    r = crawl(base + "/", options=_options(tmp_path))
    assert _fetched(b, "/private/secret/") == []
    assert not any("/private/" in f.url for f in r.fetches)


def test_429_with_retry_after_then_success(blog, tmp_path):
    b, base = blog
    b.misbehave["/posts/3/"] = [("status", 429, {"Retry-After": "1"})]
    r = crawl(base + "/", options=_options(tmp_path))
    tries = _fetched(b, "/posts/3/")
    assert [t.status for t in tries] == [429, 200] and tries[1].at - tries[0].at >= 0.9
    assert any(p.url.endswith("/posts/3/") for p in r.posts)


def test_500_twice_then_success(blog, tmp_path):
    b, base = blog
    b.misbehave["/posts/4/"] = [("status", 500, {}), ("status", 500, {})]
    r = crawl(base + "/", options=_options(tmp_path))
    assert [t.status for t in _fetched(b, "/posts/4/")] == [500, 500, 200]
    assert any(p.url.endswith("/posts/4/") for p in r.posts)


def test_a_read_timeout_a_redirect_loop_a_huge_page_and_a_pdf_are_reported(blog, tmp_path):
    b, base = blog
    b.misbehave["/posts/5/"] = [("sleep", 2.5)] * 5
    b.misbehave["/posts/6/"] = [("redirect", "/posts/6/loop/")]
    b.misbehave["/posts/6/loop/"] = [("redirect", "/posts/6/")]
    huge = b.post_html(7).replace("</article>", "<p>" + "填充" * 10_000_000 + "</p></article>")
    b.misbehave["/posts/7/"] = [("page", {"Content-Type": "text/html; charset=utf-8"},
                                 huge.encode("utf-8"))]
    b.misbehave["/posts/8/"] = [("page", {"Content-Type": "application/pdf"}, b"%PDF-1.4 ...")]
    r = crawl(base + "/", options=_options(tmp_path, crawl_timeout=1.0,
                                           crawl_max_page_bytes=1_000_000))
    files = {f.path.rsplit("/posts/", 1)[-1]: f for f in r.files}
    assert files["5/"].error == "timed out"
    assert files["6/"].error == "too many redirects (a loop?)"
    assert files["7/"].posts == 1 and files["7/"].error.startswith("cut at 1000000 of")
    assert files["8/"].error.startswith("not an HTML page (application/pdf")
    assert len(r.posts) == 32 - 3                   # the rest of the blog is mapped


def test_errors_are_one_clear_line(tmp_path):
    with pytest.raises(InputError, match="cannot reach the blog"):
        crawl("http://127.0.0.1:9/", options=_options(tmp_path, crawl_timeout=0.5))
    b = Blog()
    base, stop = serve(b)
    try:
        b.add("/robots.txt", "User-agent: *\nDisallow: /\n", "text/plain")
        with pytest.raises(InputError, match="robots.txt of the blog refuses"):
            crawl(base + "/", options=_options(tmp_path))
        b.add("/robots.txt", "User-agent: *\nDisallow:\n", "text/plain")
        b.pages = {k: v for k, v in b.pages.items() if k in ("/robots.txt",)}
        b.add("/", "<html><body><p>这里什么都没有</p></body></html>")
        with pytest.raises(InputError, match="no post found"):
            crawl(base + "/", options=_options(tmp_path))
    finally:
        stop()
    proc = subprocess.run([sys.executable, "-m", "graphkit", "build", "http://127.0.0.1:9/",
                           "--out", str(tmp_path / "out"), "--crawl-timeout", "0.5",
                           "--cache", str(tmp_path / "c2")], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.strip().startswith("graphkit: error: http://127.0.0.1:9/: cannot reach")


def test_a_killed_crawl_resumes_with_nothing_lost(blog, tmp_path):
    b, base = blog
    cmd = [sys.executable, "-m", "graphkit", "build", base + "/", "--out", str(tmp_path / "out"),
           "--cache", str(tmp_path / "cache"), "--crawl-delay", "0.15", "--quiet"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    deadline = time.time() + 60
    while sum(r.path.startswith("/posts/") for r in b.log) < 10 and time.time() < deadline:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    first = {r.path for r in b.log if r.path.startswith("/posts/") and r.status == 200}
    assert 10 <= len(first) < 32
    before = len(b.log)
    proc = subprocess.run(cmd[:-1], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert report["reading"]["posts"] == 32
    again = {r.path: r for r in b.log[before:] if r.path.startswith("/posts/")}
    # the pages being received when the crawl was killed (at most MAX_IN_FLIGHT) may have
    # been served but not yet cached: they alone are fetched whole again
    from graphkit.crawl import MAX_IN_FLIGHT

    refetched = {p for p in first if not again[p].conditional}
    assert len(refetched) <= MAX_IN_FLIGHT
    assert all(again[p].status == 304 for p in first - refetched)
    assert {p for p, r in again.items() if r.status == 200} == (
        {f"/posts/{i}/" for i in range(1, 33)} - first) | refetched
    assert report["fetch"]["from_cache"] >= len(first) - len(refetched)


def test_a_crawled_tag_soup_is_read_flat_and_reported(blog, tmp_path):
    b, base = blog
    soup = b.post_html(9).replace("<article>", "<article>" + "<div>" * 700)
    b.misbehave["/posts/9/"] = [("page", {"Content-Type": "text/html; charset=utf-8"},
                                 soup.encode("utf-8"))]
    r = crawl(base + "/", options=_options(tmp_path))
    post = next(p for p in r.posts if p.url == f"{base}/posts/9/")
    assert {link.url for link in post.links} >= {f"{base}/posts/10/", f"{base}/posts/11/"}
    assert "这是第9篇测试文章的正文" in post.text
    # the page's frame is kept: the comments' section is still no part of the post
    assert f"{base}/posts/15/" not in {link.url for link in post.links}
    assert "请问和那一篇有什么区别" not in post.text
    (flat,) = [f for f in r.fragments if "read flat" in f.reason]
    assert flat.path == f"{base}/posts/9/"
    assert flat.reason.startswith("HTML read flat, without its structure: elements nested")


def test_kexue_pages_are_read_by_the_site_reader(tmp_path, monkeypatch):
    """kexue.fm's own structure (archive page, title block, #PostContent), built from data/
    and served locally in place of kexue.fm."""
    import re as _re

    from requests.adapters import HTTPAdapter

    from graphkit import crawl as crawl_module
    from graphkit.readers import read_paths

    posts = [p for p in read_paths([DATA]).posts if p.title][:12]
    b = Blog(posts=0)
    base, stop = serve(b)
    b.pages.clear()
    b.add("/robots.txt", "User-agent: *\nDisallow: /wp-admin/\n", "text/plain")
    items = "".join(f'<li>01日: <a href="https://kexue.fm/archives/{9000 + i}">{p.title}</a></li>'
                    for i, p in enumerate(posts))
    b.add("/content.html", f"<html><body><h1>归档</h1><ul>{items}</ul></body></html>")
    b.add("/", "<html><body><p>科学空间</p></body></html>")
    for i, p in enumerate(posts):
        cite = f'见<a href="https://kexue.fm/archives/{9000 + (i + 1) % 12}">下一篇</a>。'
        b.add(f"/archives/{9000 + i}", f"""<html><head><title>{p.title} - 科学空间|Scientific Spaces</title></head>
<body><div id="sidebar"><a href="https://kexue.fm/archives/1">侧栏</a></div>
<div class="PostHead"><h1 class="PostTitle"><a href="https://kexue.fm/archives/{9000 + i}">{p.title}</a></h1>
<span>{p.date or '2021-01-01'}</span> <span>1234位读者</span></div>
<div id="PostContent"><p>{p.text[:300] or p.title}</p><p>{cite}</p></div></body></html>""")

    class Local(HTTPAdapter):
        def send(self, request, **kw):
            request.url = _re.sub(r"^https://(www\.)?(kexue\.fm|spaces\.ac\.cn)", base, request.url)
            return super().send(request, **kw)

    real_init = crawl_module.Fetcher.__init__

    def init(self, options):
        real_init(self, options)
        self.session.mount("https://kexue.fm", Local())

    monkeypatch.setattr(crawl_module.Fetcher, "__init__", init)
    try:
        r = crawl("https://kexue.fm/", options=_options(tmp_path))
    finally:
        stop()
    assert sorted(p.archive_id for p in r.posts) == list(range(9000, 9012))
    assert {p.title for p in r.posts} == {p.title for p in posts}
    assert all(p.readers == 1234 and "侧栏" not in p.text for p in r.posts)
    # what the site reader leaves out of a page is reported at the page's address
    sidebars = [f for f in r.fragments if "侧栏" in f.text]
    assert sorted(f.path for f in sidebars) == sorted(
        f"https://kexue.fm/archives/{9000 + i}" for i in range(12))
    assert any(s == "archive page: 12 posts" for s in r.discovery)
    from graphkit.relate import citation_edges

    edges, _ = citation_edges(r.posts)
    assert {(e.source, e.target) for e in edges if e.target.startswith("post:")} == {
        (f"post:{9000 + i}", f"post:{9000 + (i + 1) % 12}") for i in range(12)}


def test_the_dashboard_reads_a_blog_address(blog, tmp_path, monkeypatch):
    testing = pytest.importorskip("streamlit.testing.v1")
    import streamlit as st

    b, base = blog
    st.cache_resource.clear()
    monkeypatch.setenv("GRAPHKIT_CACHE", str(tmp_path / "cache"))
    at = testing.AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    at.run()
    at.sidebar.number_input(key="crawl_delay").set_value(0.0)
    at.sidebar.radio(key="source").set_value("blog address").run()
    at.sidebar.text_input(key="address").set_value(base + "/").run()
    assert not at.exception
    (error,) = at.error                          # 127.0.0.1 is no public address
    assert "not a public address" in error.value
    monkeypatch.setenv("GRAPHKIT_ALLOW_PRIVATE_CRAWL", "1")
    at.run()
    assert not at.exception and not at.error
    assert at.metric[0].value == "32"


def test_listing_pages_are_the_last_resort(blog, tmp_path):
    """No sitemap, no feed: the home page and its "next" pages list the posts."""
    b, base = blog
    b.add("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain")
    for path in ("/sitemap_index.xml", "/sitemap-posts.xml", "/feed.xml"):
        del b.pages[path]
    # the theme's stylesheet and icon and an image in a summary are no posts to fetch
    b.add("/", b.pages["/"][2].decode("utf-8").replace(
        '<link rel="alternate" type="application/rss+xml" href="/feed.xml" title="RSS">',
        '<link rel="stylesheet" href="/css/main.css"><link rel="icon" href="/favicon.ico">'
    ).replace("<ul>", '<ul><li><a href="/images/cover.png">封面</a></li>'))
    r = crawl(base + "/", options=_options(tmp_path))
    assert len(r.posts) == 32
    assert any(s.startswith("listing pages: 2 read, 32 posts") for s in r.discovery)
    assert not [q for q in b.log if q.path in ("/css/main.css", "/favicon.ico",
                                                 "/images/cover.png")]


def test_a_next_link_back_to_a_page_read_ends_the_listing(blog, tmp_path):
    """A theme whose last listing page links "next" back to the first: read once each."""
    b, base = blog
    for path in ("/sitemap_index.xml", "/sitemap-posts.xml", "/feed.xml"):
        del b.pages[path]
    b.add("/", b.pages["/"][2].decode("utf-8").replace(
        '<link rel="alternate" type="application/rss+xml" href="/feed.xml" title="RSS">', ""))
    b.add("/page/2/", b.pages["/page/2/"][2].decode("utf-8").replace(
        '<a href="/">上一页</a>', '<a rel="next" href="/">下一页</a>'))
    r = crawl(base + "/", options=_options(tmp_path))
    assert len(r.posts) == 32
    assert any(s.startswith("listing pages: 2 read") for s in r.discovery)
    assert len([q for q in b.log if q.path == "/page/2/"]) == 1


def test_a_crawled_archive_page_is_no_post(blog, tmp_path):
    """The home page links the archive and a month's archive beside the posts: both are
    lists, reported, not read as posts. A chain of listing pages names every post, so
    they are not fetched; a listing of one page with no "next" link (a theme paginating
    by script) has them fetched once each for the posts they link."""
    b, base = blog
    for path in ("/sitemap_index.xml", "/sitemap-posts.xml", "/feed.xml"):
        del b.pages[path]
    items = "".join(f'<li><a href="/posts/{i}/">{b.title(i)}</a></li>' for i in range(1, 4))
    for path, title in (("/archives/", "归档"), ("/2021/03/", "2021年3月")):
        b.add(path, f"<html><head><title>{title}</title></head><body><main><h1>{title}</h1>"
                    f"<p>这里按时间列出文章。</p><ul>{items}</ul></main></body></html>")
    b.add("/", b.pages["/"][2].decode("utf-8").replace(
        '<link rel="alternate" type="application/rss+xml" href="/feed.xml" title="RSS">', "")
        .replace("<ul>", '<ul><li><a href="/archives/">归档</a></li><li><a href="/2021/03/">三月'
                 '</a></li>'))
    r = crawl(base + "/", options=_options(tmp_path))
    assert len(r.posts) == 32 and not {"归档", "2021年3月"} & {p.title for p in r.posts}
    # left out before they are fetched, and said so
    assert not any(f.url.endswith(("/archives/", "/2021/03/")) for f in r.fetches)
    assert any("2 list pages left out" in step for step in r.discovery), r.discovery
    b.add("/", b.pages["/"][2].decode("utf-8").replace(
        '<a rel="next" href="/page/2/">下一页</a>', ""))
    r = crawl(base + "/", options=_options(tmp_path / "one"))
    assert len(r.posts) == 32 and not {"归档", "2021年3月"} & {p.title for p in r.posts}
    # left out of the posts, and said so; read once each as the lists they are
    assert any("2 list pages left out" in step for step in r.discovery), r.discovery
    assert any(s.startswith("links of the pages read: 2 list pages") for s in r.discovery)
    for path in ("/archives/", "/2021/03/"):
        assert len(_fetched(b, path)) == 1
        assert any(f.path == base + path and f.posts == 0 and "list" in (f.error or "")
                   for f in r.files), [f for f in r.files if f.path == base + path]


def test_a_wordpress_sitemap_gives_posts_not_its_lists_and_pages(blog, tmp_path):
    """WordPress' sitemap index lists its posts, its pages and its categories', tags' and
    authors' pages; a category's page shows its posts whole, each in an ``<article>``, and
    ``body_class()`` marks a post ``postid-N`` and a page ``page-id-N``."""
    b, base = blog
    for i in range(1, b.posts + 1):
        b.add(f"/posts/{i}/", b.post_html(i).replace(
            "<body>", f'<body class="single single-post postid-{i} single-format-standard">'))
    whole = "".join(b.post_html(i).split("<article>")[1].split("</article>")[0]
                    .join(('<article class="post type-post hentry">', "</article>"))
                    for i in (1, 2, 3))
    b.add("/category/ml/", f"<html><head><title>Category: ml – 测试博客</title></head>"
                           f'<body class="archive category"><main>{whole}</main></body></html>')
    b.add("/about/", '<html><head><title>关于 – 测试博客</title></head><body class="page-'
                     'template-default page page-id-40"><article><h1>关于</h1><p>笔者的博客，'
                     f'推荐先读<a href="{base}/posts/7/">第7篇</a>和<a href="/posts/9/">第9篇'
                     '</a>，它们讲得最清楚，也最适合刚开始读这个博客的朋友。</p></article></body></html>')
    lists = "".join(f"<url><loc>{base}{p}</loc></url>" for p in
                    ("/category/ml/", "/tag/rope/", "/author/admin/"))
    b.add("/sitemap-taxonomies.xml", '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http:'
          f'//www.sitemaps.org/schemas/sitemap/0.9">{lists}</urlset>', "application/xml")
    b.add("/sitemap-pages.xml", '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://'
          f'www.sitemaps.org/schemas/sitemap/0.9"><url><loc>{base}/about/</loc></url></urlset>',
          "application/xml")
    b.add("/sitemap_index.xml", '<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http'
          '://www.sitemaps.org/schemas/sitemap/0.9">' + "".join(
              f"<sitemap><loc>{base}/sitemap-{n}.xml</loc></sitemap>"
              for n in ("posts", "pages", "taxonomies")) + "</sitemapindex>", "application/xml")
    r = crawl(base + "/", options=_options(tmp_path))
    assert sorted(p.url for p in r.posts) == sorted(f"{base}/posts/{i}/" for i in range(1, 33))
    assert any("3 list pages left out" in step for step in r.discovery), r.discovery
    assert not _fetched(b, "/category/ml/") and not _fetched(b, "/tag/rope/")
    assert any("wp:type is page" in f.reason for f in r.fragments if f.path == f"{base}/about/")
    # a category's page that the sitemap does not name, read as a saved page is: a list
    from graphkit.crawl import _extract
    why, _ = _extract(f"{base}/topics/ml/", b.pages["/category/ml/"][2].decode(), None)
    assert isinstance(why, str) and "3 <article> summaries" in why


def test_a_wordpress_blog_of_plain_addresses_is_read_through_its_listing(blog, tmp_path):
    """WordPress' default, plain addresses: posts at ``/?p=N``, no sitemap and no
    robots.txt (both need its pretty addresses), a feed of the latest ten posts, and
    listing pages at ``/?paged=N`` linked as ``Older <span>posts</span>``. The feed names
    only the latest posts, so the listing pages are read too; its category's, tag's and
    page's plain addresses (``?cat=3``, ``?page_id=2``) are left out."""
    b, base = blog
    for path in ("/robots.txt", "/sitemap_index.xml", "/sitemap-posts.xml", "/page/2/"):
        del b.pages[path]
    n = b.posts
    for i in range(1, n + 1):
        del b.pages[f"/posts/{i}/"]
        b.add(f"/?p={i}", b.post_html(i).replace(f"{base}/posts/{(i % n) + 1}/",
                                                 f"{base}/?p={(i % n) + 1}")
              .replace(f'href="../{((i + 1) % n) + 1}/"', f'href="/?p={((i + 1) % n) + 1}"'))

    def listing(page: int) -> str:
        items = "".join(f'<li><a href="/?p={i}">{b.title(i)}</a> <a href="/?cat=3">机器学习'
                        f'</a></li>' for i in range(n - 10 * (page - 1), max(0, n - 10 * page), -1))
        older = (f'<a href="/?paged={page + 1}"><span>Older <span class="nav-short">posts'
                 f'</span></span></a>' if page == 1 else   # (then page numbers alone)
                 f'<a href="/?paged={page - 1}">{page - 1}</a> <a href="/?paged={page + 1}">'
                 f'{page + 1}</a>' if 10 * page < n else "")
        return (f'<html><head><title>测试博客</title><link rel="alternate" type="application/'
                f'rss+xml" href="/?feed=rss2"></head><body><a href="/?page_id=2">关于</a>'
                f"<ul>{items}</ul>{older}</body></html>")
    b.add("/", listing(1))
    for page in range(2, 5):
        b.add(f"/?paged={page}", listing(page))
    items = "".join(f"<item><title>{b.title(i)}</title><link>{base}/?p={i}</link></item>"
                    for i in range(n, n - 10, -1))
    b.add("/?feed=rss2", f'<?xml version="1.0"?><rss version="2.0"><channel><title>测试博客'
                         f"</title>{items}</channel></rss>", "application/rss+xml")
    r = crawl(base + "/", options=_options(tmp_path))
    assert sorted(p.url for p in r.posts) == sorted(f"{base}/?p={i}" for i in range(1, n + 1))
    # (?cat=3, ?page_id=2, ?feed=rss2 and ?paged=1…4, the listing pages themselves)
    assert any(s.startswith("listing pages: 4 read, 22 posts, 7 list pages left out")
               for s in r.discovery), r.discovery
    assert not [q for q in b.log if "cat=" in q.path or "page_id=" in q.path]
    from graphkit.pipeline import relate
    edges, _, _ = relate(r.posts, options=BuildOptions(layers=("cites",)))
    assert len(edges) == 2 * n            # each post cites the next two, by ?p=N


def test_a_listings_page_number_is_read_from_its_address():
    from graphkit.crawl import _page_number
    assert [_page_number(u) for u in ("https://b.example/page/3/", "https://b.example/?paged=4",
                                      "https://b.example/?query-1-page=2&x=1",
                                      "https://b.example/blog/?page=5")] == [3, 4, 2, 5]
    assert _page_number("https://b.example/posts/2/", first=1) == 1   # a post's number
    assert _page_number("https://b.example/?p=2") is None               # a post's id


def test_wordpress_plain_list_addresses_are_read_at_the_sites_root_only():
    from graphkit.crawl import _list_address
    assert _list_address("https://wp.example/?cat=3")
    assert _list_address("https://wp.example/index.php?m=202011")
    assert _list_address("https://wp.example/tag/rope/")
    assert not _list_address("https://wp.example/?p=5")
    # a post of Blogger's, as its phones' edition names it
    assert not _list_address("https://me.blogspot.com/2020/01/rope.html?m=1")


def test_a_crawled_templates_next_lines_and_pages_outside_its_feed_are_no_posts(blog, tmp_path):
    """eleventy-base-blog's older layout, served: each post ends in an unclassed list of
    ``Next:``/``Previous:`` links to the posts next to it by date, the feed names every
    post, and the about page (in the sitemap, undated, a year in its text) is in no
    feed."""
    b, base = blog
    for i in range(1, b.posts + 1):
        nav = "".join(f'<li>{word}: <a href="/posts/{j}/">{b.title(j)}</a></li>'
                      for word, j in (("Next", i + 1), ("Previous", i - 1)) if 1 <= j <= b.posts)
        day = f"2021-{(i % 12) + 1:02d}-{(i % 27) + 1:02d}"     # (dated in the list's order)
        b.add(f"/posts/{i}/", b.post_html(i).replace("</article>", f"<hr><ul>{nav}</ul></article>")
              .replace(day, f"{2020 + i // 12}-{i % 12 + 1:02d}-01"))
    b.add("/about/", '<html><head><title>关于 | 测试博客</title></head><body><article><h1>关于</h1>'
                     '<p>笔者从2000年开始写博客，推荐先读<a href="/posts/7/">第7篇</a>和<a href="/posts'
                     '/9/">第9篇</a>，它们讲得最清楚，也最适合刚开始读这个博客的朋友。</p></article></body></html>')
    b.add("/sitemap-posts.xml", b.pages["/sitemap-posts.xml"][2].decode().replace(
        "</urlset>", f"<url><loc>{base}/about/</loc></url></urlset>"), "application/xml")
    items = "".join(f"<item><title>{b.title(i)}</title><link>{base}/posts/{i}/</link>"
                    f"<description>第{i}篇</description></item>" for i in range(1, b.posts + 1))
    b.add("/feed.xml", f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
          f"<title>测试博客</title><link>{base}/</link>{items}</channel></rss>", "application/rss+xml")
    r = crawl(base + "/", options=_options(tmp_path))
    assert sorted(p.url for p in r.posts) == sorted(f"{base}/posts/{i}/" for i in range(1, 33))
    assert not any("Next" in link.sentence or "Previous" in link.sentence
                   for p in r.posts for link in p.links)
    assert sum(f.reason.startswith("navigation") for f in r.fragments) == 2
    assert any("left out of the site's feed, which names all 32" in f.reason
               for f in r.fragments if f.path == f"{base}/about/")


def test_without_a_sitemap_the_links_of_the_pages_read_find_the_other_posts(blog, tmp_path):
    """No sitemap, no feed, and a home page listing the newest 10 posts with no link to
    an older page (vuepress-theme-reco paginates by script): the posts' own links reach
    the other 22. A link with a query (a comment's reply link) is not followed."""
    b, base = blog
    for path in ("/sitemap_index.xml", "/sitemap-posts.xml", "/feed.xml"):
        del b.pages[path]
    b.add("/", b.pages["/"][2].decode("utf-8").replace(
        '<link rel="alternate" type="application/rss+xml" href="/feed.xml" title="RSS">', "")
        .replace('<a rel="next" href="/page/2/">下一页</a>', ""))
    b.add("/posts/5/", b.post_html(5).replace(
        "</article>", '<p><a href="/posts/5/?replytocom=7#respond">回复</a></p></article>'))
    r = crawl(base + "/", options=_options(tmp_path))
    assert sorted(p.url for p in r.posts) == sorted(f"{base}/posts/{i}/" for i in range(1, 33))
    assert any(s.startswith("listing pages: 1 read, 10 posts") for s in r.discovery)
    assert any(s.startswith("links of the pages read: ") for s in r.discovery), r.discovery
    assert not [q for q in b.log if "replytocom" in q.path]
    assert len(_fetched(b, "/posts/20/")) == 1


@pytest.mark.parametrize("linked", [True, False])
def test_a_sitemap_index_that_robots_txt_does_not_name_is_found(blog, tmp_path, linked):
    """@astrojs/sitemap and gatsby-plugin-sitemap write ``/sitemap-index.xml`` (and no
    ``/sitemap.xml``), and the page's ``<link rel="sitemap">`` names it; the site's
    robots.txt names no sitemap. Found by that link, else at the address those plugins
    write it: the posts come from it, and neither the listing's next page nor the
    posts' links are read to find them."""
    b, base = blog
    b.add("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain")
    b.add("/sitemap-index.xml", b.pages.pop("/sitemap_index.xml")[2], "application/xml")
    home = b.pages["/"][2].decode("utf-8")
    if linked:
        home = home.replace("</head>", '<link rel="sitemap" href="/sitemap-index.xml"></head>')
    b.add("/", home.replace(
        '<link rel="alternate" type="application/rss+xml" href="/feed.xml" title="RSS">', ""))
    r = crawl(base + "/", options=_options(tmp_path))
    assert sorted(p.url for p in r.posts) == sorted(f"{base}/posts/{i}/" for i in range(1, 33))
    assert any(s.startswith("sitemaps: 2 read, 32 posts") for s in r.discovery), r.discovery
    assert not any(s.startswith(("listing pages", "links of the pages read"))
                   for s in r.discovery), r.discovery
    assert not _fetched(b, "/page/2/") and len(_fetched(b, "/sitemap-index.xml")) == 1
    assert not _fetched(b, "/sitemap_index.xml") and not _fetched(b, "/wp-sitemap.xml")
    assert len(_fetched(b, "/sitemap.xml")) == 1


@pytest.mark.parametrize("whole", [True, False])
def test_a_feed_of_the_whole_blog_leaves_no_links_to_follow(tmp_path, whole):
    """gatsby-starter-blog: no sitemap, a feed of every post (60 here) and a home page
    listing them all. The links of the posts are not followed then (a broken one is
    never fetched); with a feed of the latest 10 the listing names 50 more posts, and
    they are."""
    b = Blog(posts=60)
    base, stop = serve(b)
    try:
        b.add("/robots.txt", "User-agent: *\n", "text/plain")
        for path in ("/sitemap_index.xml", "/sitemap-posts.xml", "/page/2/"):
            del b.pages[path]
        shown = range(60, 0, -1) if whole else range(60, 50, -1)
        items = "".join(f"<item><title>{b.title(i)}</title><link>{base}/posts/{i}/</link>"
                        f"<description>第{i}篇</description></item>" for i in shown)
        b.add("/feed.xml", f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
              f"<title>测试博客</title><link>{base}/</link>{items}</channel></rss>",
              "application/rss+xml")
        listed = "".join(f'<li><a href="/posts/{i}/">{b.title(i)}</a></li>'
                         for i in range(60, 0, -1))
        b.add("/", '<!DOCTYPE html><html><head><meta charset="utf-8"><title>测试博客</title><link '
                   'rel="alternate" type="application/rss+xml" href="/feed.xml" title="RSS"></head>'
                   f"<body><ul>{listed}</ul></body></html>")
        b.add("/posts/7/", b.post_html(7).replace(
            "</article>", '<p>旧文<a href="/posts/old-draft/">见这里</a>。</p></article>'))
        r = crawl(base + "/", options=_options(tmp_path))
    finally:
        stop()
    assert sorted(p.url for p in r.posts) == sorted(f"{base}/posts/{i}/" for i in range(1, 61))
    assert bool(_fetched(b, "/posts/old-draft/")) is not whole
    assert any(s.startswith("links of the pages read: not followed (the feeds name 60 posts")
               for s in r.discovery) is whole, r.discovery


def test_a_date_element_holding_the_posted_and_the_updated_day_is_no_crash(blog, tmp_path):
    """hexo-theme-reimu shows a post's day and, hidden, its last update inside one
    ``itemprop`` date element: htmldate (through trafilatura's metadata, read for a
    crawled page with no tags) raised ValueError on it, and the whole crawl stopped. The
    page is read, and dated."""
    b, base = blog
    page = re.sub(r"<meta property=\"article:published_time\"[^>]*>", "", b.post_html(3))
    b.add("/posts/3/", page.replace("<h1>", '<span class="article-date"><time datetime='
                                    '"2021-04-04T06:05:00.000Z" itemprop="datePublished">'
                                    '2021-04-04</time>\n<time style="display: none;">'
                                    "2026-11-24</time></span><h1>"))
    r = crawl(base + "/", options=_options(tmp_path))
    assert len(r.posts) == 32
    post = next(p for p in r.posts if p.url == f"{base}/posts/3/")
    assert post.date == "2021-04-04"


def test_an_undated_page_that_only_a_posts_link_reaches_is_no_post(blog, tmp_path):
    """No sitemap, no feed, no menu link, no folder of its own: the about page, beside
    the posts, is reached by one post's link alone, while the listing pages name all 32
    posts. A page no listing names, undated, is the site's own page (hexo-theme-keep's
    about page, beside posts at the site's top); its link to a post is no citation.
    When the listing leaves dated posts out (its second page gone, the older posts
    reached by their links), the listing says nothing and the page stays."""
    b, base = blog
    for path in ("/sitemap_index.xml", "/sitemap-posts.xml", "/feed.xml"):
        del b.pages[path]
    b.add("/", b.pages["/"][2].decode("utf-8").replace(
        '<link rel="alternate" type="application/rss+xml" href="/feed.xml" title="RSS">', ""))
    for i in range(1, 33):
        page = b.post_html(i).replace('<a href="/about/">关于</a>', "")
        b.add(f"/posts/{i}/", page.replace("</article>", '<p>作者的<a href="/posts/me/">自我介绍'
                                           "</a>。</p></article>") if i == 7 else page)
    b.add("/posts/me/", "<!DOCTYPE html><html><head><title>关于我</title></head><body><article>"
          "<h1>关于我</h1><p>我写这个博客已经很多年了，主要记录机器学习的学习笔记，欢迎从"
          '<a href="/posts/1/">第一篇</a>读起。</p></article></body></html>')
    r = crawl(base + "/", options=_options(tmp_path))
    assert sorted(p.url for p in r.posts) == sorted(f"{base}/posts/{i}/" for i in range(1, 33))
    (why,) = [f.reason for f in r.fragments
              if f.path == f"{base}/posts/me/" and "list" in f.reason]
    assert "named by none of the site's list pages, which name all 32" in why
    del b.pages["/page/2/"]
    r = crawl(base + "/", options=_options(tmp_path / "again"))
    assert "关于我" in {p.title for p in r.posts}


def test_a_crawled_post_has_the_tags_its_page_shows_and_no_others(blog, tmp_path):
    """The same tags as the page read from a folder: the post's tag links, not the
    sidebar's list of every tag (Hexo's landscape), and not the site's keywords meta
    (hexo-theme-keep writes ``<meta name="keywords" content="Hexo Theme Keep">`` on
    every page, which trafilatura's metadata reads as the page's tags)."""
    b, base = blog
    sidebar = ('<aside id="sidebar"><div class="widget"><ul class="tag-list">'
               + "".join(f'<li><a href="/tags/{t}/" rel="tag">{t}</a></li>'
                         for t in ("attention", "rope", "vae")) + "</ul></div></aside>")
    for i in (3, 4):
        page = b.post_html(i).replace(
            "<title>", '<meta name="keywords" content="Hexo Theme Keep"><title>').replace(
            "<footer>", sidebar + "<footer>")
        if i == 3:
            page = page.replace("</article>", '<footer class="article-footer"><ul>'
                                '<li><a href="/tags/rope/" rel="tag">rope</a></li></ul>'
                                "</footer></article>")
        b.add(f"/posts/{i}/", page)
    r = crawl(base + "/", options=_options(tmp_path))
    tags = {p.url: p.tags for p in r.posts}
    assert tags[f"{base}/posts/3/"] == ("rope",) and tags[f"{base}/posts/4/"] == ()
