"""A generated blog served on 127.0.0.1 for the crawl tests (http.server, one thread per request).

Home page (with a feed link and a "next" listing page), robots.txt (a Sitemap line and a
Disallow), a sitemap index with the posts' sitemap, an RSS feed, and ``posts`` posts at
``/posts/N/`` that link each other by absolute and relative addresses. Every page has an
ETag and a Last-Modified, and a conditional request for an unchanged page gets 304. Pages
can be made to misbehave (429, 500, slow, redirect loop, huge, not HTML); every request is
logged with its conditional headers and the status it got.
"""

from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LAST_MODIFIED = "Mon, 01 Nov 2021 08:00:00 GMT"


@dataclass
class Request:
    path: str
    conditional: bool
    status: int
    at: float


@dataclass
class Blog:
    """The blog's pages and how they misbehave."""

    posts: int = 32
    pages: dict[str, tuple[int, dict, bytes]] = field(default_factory=dict)
    misbehave: dict[str, list] = field(default_factory=dict)   # path → list of actions
    log: list[Request] = field(default_factory=list)
    base: str = ""

    def title(self, i: int) -> str:
        return f"测试博客的第{i}篇文章：位置编码与注意力之{i}"

    def post_html(self, i: int) -> str:
        a, b = (i % self.posts) + 1, ((i + 1) % self.posts) + 1
        other = f"{self.base}/posts/{(i + 5) % self.posts + 1}/"    # (a comment is no citation)
        comments = (f'<section id="comments"><h3>评论</h3><p>读者：请问和<a href="{other}">那一篇</a>'
                    f"有什么区别？</p></section>")
        return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{self.title(i)} | 测试博客</title>
<meta property="article:published_time" content="2021-{(i % 12) + 1:02d}-{(i % 27) + 1:02d}T08:00:00Z">
</head><body><nav><a href="/">首页</a> <a href="/about/">关于</a></nav>
<article><h1>{self.title(i)}</h1>
<p>这是第{i}篇测试文章的正文。它讨论了旋转位置编码、线性注意力与长度外推之间的关系，并给出了一些推导与实验，这些内容足够长，可以作为正文被识别出来。</p>
<p>上一次我们在<a href="{self.base}/posts/{a}/">第{a}篇文章</a>里推导过类似的结论，这里再补充一些细节与实验结果。</p>
<p>相关的讨论也可以参考<a href="../{b}/">第{b}篇</a>，以及外部的<a href="https://example.org/paper">一篇论文</a>。</p>
<p>最后，本文的实验代码与数据都已经整理好，欢迎读者自行复现这些实验结果并提出改进意见。</p>
{comments}
</article><footer>版权所有</footer></body></html>"""

    def build(self, base: str) -> None:
        self.base = base
        n = self.posts
        home_links = "".join(f'<li><a href="/posts/{i}/">{self.title(i)}</a></li>'
                             for i in range(n, max(0, n - 10), -1))
        self.add("/", f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>测试博客</title>
<link rel="alternate" type="application/rss+xml" href="/feed.xml" title="RSS"></head>
<body><ul>{home_links}</ul><a rel="next" href="/page/2/">下一页</a></body></html>""")
        older = "".join(f'<li><a href="/posts/{i}/">{self.title(i)}</a></li>'
                        for i in range(max(0, n - 10), 0, -1))
        self.add("/page/2/", f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>测试博客 第2页</title>
</head><body><ul>{older}</ul><a href="/">上一页</a></body></html>""")
        self.add("/robots.txt", f"User-agent: *\nDisallow: /private/\nSitemap: {base}/sitemap_index.xml\n",
                 "text/plain")
        self.add("/sitemap_index.xml", f"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>{base}/sitemap-posts.xml</loc></sitemap></sitemapindex>""", "application/xml")
        self.sitemap()
        items = "".join(f"<item><title>{self.title(i)}</title><link>{base}/posts/{i}/</link>"
                        f"<description>第{i}篇</description></item>" for i in range(n, max(0, n - 10), -1))
        self.add("/feed.xml", f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>
<title>测试博客</title><link>{base}/</link>{items}</channel></rss>""", "application/rss+xml")
        self.add("/private/secret/", "<html><body><p>不该被抓取的页面</p></body></html>")
        for i in range(1, n + 1):
            self.add(f"/posts/{i}/", self.post_html(i))

    def sitemap(self) -> None:
        urls = "".join(f"<url><loc>{self.base}/posts/{i}/</loc></url>" for i in range(1, self.posts + 1))
        urls += f"<url><loc>{self.base}/private/secret/</loc></url>"
        self.add("/sitemap-posts.xml", f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>""", "application/xml")

    def add_post(self) -> int:
        """A new post between two crawls: one page and a new sitemap."""
        self.posts += 1
        self.add(f"/posts/{self.posts}/", self.post_html(self.posts))
        self.sitemap()
        return self.posts

    def add(self, path: str, body: str | bytes, ctype: str = "text/html; charset=utf-8") -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        etag = '"' + hashlib.sha1(data).hexdigest()[:16] + '"'
        self.pages[path] = (200, {"Content-Type": ctype, "ETag": etag,
                                  "Last-Modified": LAST_MODIFIED}, data)


def serve(blog: Blog):
    """Start the server; returns ``(base_url, stop)``."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):  # quiet
            pass

        def do_GET(self):  # noqa: N802 - http.server's name
            path = self.path.split("?", 1)[0]
            conditional = bool(self.headers.get("If-None-Match") or self.headers.get("If-Modified-Since"))
            actions = blog.misbehave.get(path)
            action = actions.pop(0) if actions else None
            missing = (404, {"Content-Type": "text/plain"}, b"not found")
            # (a page of a query first: WordPress' /?p=5)
            status, headers, body = blog.pages.get(self.path, blog.pages.get(path, missing))
            if action is not None:
                kind = action[0]
                if kind == "status":
                    status, headers, body = action[1], dict(action[2]), b"busy"
                elif kind == "sleep":
                    time.sleep(action[1])
                elif kind == "redirect":
                    status, headers, body = 302, {"Location": action[1]}, b""
                    actions.append(action)  # forever
                elif kind == "page":
                    status, headers, body = 200, dict(action[1]), action[2]
                    actions.append(action)
            if status == 200 and headers.get("ETag") and self.headers.get("If-None-Match") == headers["ETag"]:
                status, body = 304, b""
            blog.log.append(Request(self.path, conditional, status, time.monotonic()))
            try:
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    base = f"http://127.0.0.1:{server.server_address[1]}"
    blog.build(base)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def stop():
        server.shutdown()
        server.server_close()

    return base, stop
