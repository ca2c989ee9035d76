"""Read a blog from its address: discovery, polite fetching through an HTTP cache, extraction.

``graphkit build https://blog.example/`` (and the dashboard's "blog address" source) finds
the blog's posts, fetches them politely and reads each into a :class:`~graphkit.model.Post`
whose links keep their absolute addresses, so that links between posts resolve as they
do for files. A rerun sends only conditional requests (``If-None-Match`` /
``If-Modified-Since``), so it fetches only new or changed pages; ``offline`` builds from
the cache alone.

Discovery, in this order, each step recorded in the fetch report:

1. the site's own reader, for sites graphkit knows (:data:`SITE_READERS`, each entry
   from a module of :mod:`graphkit.readers`: where the site's archive page is and which
   links of it are posts);
2. ``robots.txt`` → its ``Sitemap:`` lines (else the home page's ``<link rel="sitemap">``
   and ``/sitemap.xml``, and where neither is one, :data:`SITEMAP_PATHS`) → sitemaps and
   sitemap indexes (ultimate-sitemap-parser, on what was fetched here);
3. RSS/Atom feeds linked from the home page (feedparser), following RFC 5005 paging
   (``rel="next"`` / ``"prev-archive"``);
4. as a last resort, listing pages: the home page and its ``rel="next"`` pages;
5. where neither the site's reader nor a sitemap named the posts, nor a feed of the
   whole blog (more than :data:`WHOLE_FEED` posts, and every post the listing names)
   did, the links of the pages read, round by round, as a crawler follows them: the
   posts that no feed or listing page names (a theme whose pagination is a script,
   vuepress-theme-reco's), reached from those it names, and, where the listing is one
   page with no "next" link, from the list pages it links (the archive, the
   categories), read once each as lists. No other list page (the tags every post
   links), file or address with a query is followed.

Only addresses of the blog's host (and its known aliases) are followed, filtered by the
``include`` / ``exclude`` globs and by robots.txt.

Politeness: robots.txt is obeyed (protego); one request per ``crawl_delay`` seconds per
host, at most two in flight; a User-Agent naming graphkit; retries with exponential
backoff on 429 and 5xx that honour ``Retry-After`` (urllib3); connect and read timeouts;
limits on pages, bytes per page (a longer page is cut there) and total bytes. The cache is
requests-cache's SQLite store, written response by response, so a crawl killed half-way
leaves it consistent and the next run continues where it stopped.

References
----------
.. [1] RFC 9309, Robots Exclusion Protocol; sitemaps.org, Sitemaps XML format 0.9.
.. [2] RFC 5005, Feed Paging and Archiving.
.. [3] RFC 9111, HTTP Caching (validators, conditional requests).
.. [4] requests-cache, https://requests-cache.readthedocs.io; protego,
   https://github.com/scrapy/protego; ultimate-sitemap-parser,
   https://github.com/GateNLP/ultimate-sitemap-parser; trafilatura,
   https://trafilatura.readthedocs.io (A. Barbaresi, ACL 2021 demo paper).
"""

from __future__ import annotations

import fnmatch
import os
import re
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

from ._version import __version__
from .errors import InputError
from .model import FileReport, Fragment, Post, ReadResult, Source
from .options import BuildOptions
from .readers import kexue
from .sites import KEXUE_HOSTS, LIST_FOLDERS, date_archive_path, site_page_kind

USER_AGENT = f"graphkit/{__version__} (blog map; +https://pypi.org/project/graphkit/)"
MAX_IN_FLIGHT = 2
MAX_RETRY_AFTER = 60.0       # seconds: a longer Retry-After fails the page instead
FEED_PAGES = 50              # RFC 5005 pages followed at most
# "next" listing pages followed at most: a blog of 5,000 posts at 10 a page (the posts a
# crawl reads at most by default); a "next" link back to a page already read ends the chain
LISTING_PAGES = 500
SITEMAP_DEPTH = 3            # nested sitemap indexes followed at most
# a feed naming more posts than this is the whole blog's, not the latest posts' (the
# default lengths: WordPress 10, jekyll-feed 10, Ghost 15, hexo-generator-feed 20,
# Blogger 25; gatsby-plugin-feed's and @astrojs/rss's as written in their starters: all)
WHOLE_FEED = 50
# where a sitemap is looked for when neither robots.txt nor the home page names one and
# /sitemap.xml is none: @astrojs/sitemap's and gatsby-plugin-sitemap's index, Yoast
# SEO's and Rank Math's (WordPress), WordPress' own (5.5 and later)
SITEMAP_PATHS = ("/sitemap-index.xml", "/sitemap_index.xml", "/wp-sitemap.xml")
CRAWLED = "crawled-html"


@dataclass(frozen=True)
class Fetch:
    """One request of the crawl, as the fetch report lists it.

    Attributes
    ----------
    url : str
    status : int or None
        HTTP status (None when no response came: timeout, refused, skipped).
    bytes : int
        Body size read.
    seconds : float
    from_cache : bool
        Served from the cache (a 304 revalidation, or offline).
    role : str
        ``robots``, ``sitemap``, ``feed``, ``archive``, ``listing`` or ``post``.
    note : str
        Why it failed or was skipped, or ``cut at N bytes``; empty otherwise.
    """

    url: str
    status: int | None
    bytes: int
    seconds: float
    from_cache: bool
    role: str
    note: str = ""


@dataclass(frozen=True)
class SiteReader:
    """A site whose own structure graphkit knows: where its archive page lists every
    post, and the reader of its post pages.

    Attributes
    ----------
    hosts : tuple of str
        The site's hosts (mirrors are one site).
    archive : str
        Path of the page that links every post.
    post_path : str
        Regular expression of a post's path in the archive page's links.
    read : callable
        ``read(html, url) -> (posts, fragments)``, as the file readers.
    """

    hosts: tuple[str, ...]
    archive: str
    post_path: str
    read: Callable


# The sites with a reader of their own; any other blog is found through its sitemaps,
# feeds or listing pages and read by the generic extraction (_extract).
SITE_READERS = (SiteReader(hosts=KEXUE_HOSTS, archive=kexue.ARCHIVE_PATH,
                           post_path=kexue.POST_PATH_RE, read=kexue.read_page),)


def site_reader(url: str) -> SiteReader | None:
    """The site reader for the host of ``url``, if graphkit has one."""
    host = _host(url)
    return next((r for r in SITE_READERS if host in r.hosts), None)


def is_address(path: str | os.PathLike[str]) -> bool:
    """True for an ``http://`` or ``https://`` address (a blog to crawl, not a file)."""
    return bool(re.match(r"^https?://", str(path), re.I))


def public_address(url: str) -> bool:
    """True when every address the URL's host resolves to is a public one.

    A server that crawls addresses its visitors type must not be made to reach its own
    network (loopback, private, link-local such as the cloud metadata service,
    reserved); the dashboard asks this before it crawls (server-side request forgery).
    """
    import ipaddress
    import socket

    host = urlsplit(url).hostname
    if not host:
        return False
    try:
        infos = socket.getaddrinfo(host, urlsplit(url).port or 443, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        return False
    addresses = {info[4][0] for info in infos}
    return bool(addresses) and all(ipaddress.ip_address(a.split("%")[0]).is_global
                                   for a in addresses)


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/graphkit``, else ``~/.cache/graphkit``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "graphkit"


def _host(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


class _Limited(Exception):
    """A limit of the crawl was reached."""


class Fetcher:
    """Polite GETs through the HTTP cache; thread-safe; records every request.

    Parameters
    ----------
    options : BuildOptions
        ``crawl_delay``, ``crawl_timeout``, ``crawl_max_page_bytes``,
        ``crawl_max_total_bytes``, ``cache``, ``offline``.
    """

    def __init__(self, options: BuildOptions):
        import requests_cache
        from requests.adapters import HTTPAdapter
        from urllib3.util.retry import Retry

        class _Retry(Retry):
            def get_retry_after(self, response):      # a long Retry-After fails the page
                value = super().get_retry_after(response)
                return None if value is None else min(value, MAX_RETRY_AFTER)

        self.options = options
        folder = Path(options.cache) if options.cache else default_cache_dir()
        folder.mkdir(parents=True, exist_ok=True)
        self.session = requests_cache.CachedSession(
            str(folder / "http"), backend="sqlite", always_revalidate=True,
            allowable_codes=(200,), cache_control=False, expire_after=-1)
        retry = _Retry(total=4, connect=2, read=2, status=4, backoff_factor=0.5,
                       backoff_max=30, status_forcelist=(429, 500, 502, 503, 504),
                       allowed_methods=("GET",), respect_retry_after_header=True,
                       raise_on_status=False)
        limit = options.crawl_max_page_bytes

        class _CutAdapter(HTTPAdapter):
            """Reads at most ``limit`` bytes of a body that says it is longer (before the
            cache or anything else reads it) and marks where it was cut."""

            def build_response(self, req, resp):
                response = super().build_response(req, resp)
                length = response.headers.get("Content-Length", "")
                if length.isdecimal() and (len(length) > 18 or int(length) > limit):
                    response._content = resp.read(limit, decode_content=True) or b""
                    response._content_consumed = True
                    resp.close()
                    response.headers["X-Graphkit-Cut"] = length
                return response

        adapter = _CutAdapter(max_retries=retry, pool_maxsize=MAX_IN_FLIGHT)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        self.session.headers["User-Agent"] = USER_AGENT
        self.session.max_redirects = 10
        self.fetches: list[Fetch] = []
        self.total_bytes = 0
        self._lock = threading.Lock()
        self._next_time: dict[str, float] = {}
        self._host_locks: dict[str, threading.Lock] = {}

    def close(self) -> None:
        self.session.close()

    def _wait_turn(self, url: str) -> None:
        host = _host(url)
        with self._lock:
            lock = self._host_locks.setdefault(host, threading.Lock())
        with lock:
            wait = self._next_time.get(host, 0.0) - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            self._next_time[host] = time.monotonic() + self.options.crawl_delay

    def get(self, url: str, role: str) -> tuple[Fetch, "object | None"]:
        """GET ``url``: the fetch record and the response (None when none came)."""
        import requests

        if self.total_bytes >= self.options.crawl_max_total_bytes:
            raise _Limited(f"the total of {self.options.crawl_max_total_bytes} bytes was "
                           f"reached (option crawl_max_total_bytes)")
        t = time.perf_counter()
        kwargs = {"timeout": (self.options.crawl_timeout, self.options.crawl_timeout)}
        try:
            if self.options.offline:
                response = self.session.get(url, only_if_cached=True, **kwargs)
            else:
                self._wait_turn(url)
                response = self.session.get(url, **kwargs)
        except requests.TooManyRedirects:
            return self._record(url, None, 0, t, False, role, "too many redirects (a loop?)"), None
        except requests.Timeout:
            return self._record(url, None, 0, t, False, role, "timed out"), None
        except requests.ConnectionError as exc:
            from urllib3.exceptions import TimeoutError as Urllib3Timeout

            reason = getattr(exc.args[0], "reason", None) if exc.args else None
            if isinstance(reason, Urllib3Timeout):   # timed out on every retry
                return self._record(url, None, 0, t, False, role, "timed out"), None
            return self._record(url, None, 0, t, False, role,
                                f"connection failed ({type(reason or exc).__name__})"), None
        except requests.RequestException as exc:
            return self._record(url, None, 0, t, False, role, f"{type(exc).__name__}"), None
        body = response.content or b""
        note = ""
        if response.headers.get("X-Graphkit-Cut"):
            note = (f"cut at {len(body)} of {response.headers['X-Graphkit-Cut']} bytes "
                    f"(option crawl_max_page_bytes)")
        elif len(body) > self.options.crawl_max_page_bytes:
            body = body[: self.options.crawl_max_page_bytes]
            response._content = body
            note = f"cut at {len(body)} bytes (option crawl_max_page_bytes)"
        if self.options.offline and response.status_code == 504:
            note = "not in the cache (offline)"
        elif response.status_code >= 400:
            note = f"HTTP {response.status_code}"
        with self._lock:
            self.total_bytes += len(body)
        fetch = self._record(url, response.status_code, len(body), t,
                             bool(getattr(response, "from_cache", False)), role, note)
        return fetch, (response if response.status_code == 200 else None)

    def _record(self, url, status, size, t, from_cache, role, note) -> Fetch:
        f = Fetch(url=url, status=status, bytes=size, seconds=round(time.perf_counter() - t, 4),
                  from_cache=from_cache, role=role, note=note)
        with self._lock:
            self.fetches.append(f)
        return f


def _text(response) -> str:
    from .readers import decode

    ctype = response.headers.get("Content-Type", "")
    m = re.search(r"charset=([\w-]+)", ctype, re.I)
    if m:
        try:
            return response.content.decode(m.group(1), "replace")
        except LookupError:
            pass
    try:
        return decode(response.content, response.url)[0]
    except InputError:
        return response.content.decode("utf-8", "replace")


def _is_html(response) -> bool:
    ctype = response.headers.get("Content-Type", "").lower()
    return "html" in ctype or (not ctype and response.content[:200].lstrip()[:1] == b"<")


class _Site:
    """What counts as the blog: its hosts, the globs, robots.txt."""

    def __init__(self, start: str, options: BuildOptions):
        self.start = start
        reader = site_reader(start)
        self.hosts = {_host(start)} | (set(reader.hosts) if reader is not None else set())
        self.include, self.exclude = options.include, options.exclude
        self.robots = None

    def ours(self, url: str) -> bool:
        return urlsplit(url).scheme in ("http", "https") and _host(url) in self.hosts

    def wanted(self, url: str) -> tuple[bool, str]:
        if not self.ours(url):
            return False, "another site"
        if self.include and not any(fnmatch.fnmatch(url, g) for g in self.include):
            return False, "matches no --include pattern"
        if any(fnmatch.fnmatch(url, g) for g in self.exclude):
            return False, "matches an --exclude pattern"
        if self.robots is not None and not self.robots.can_fetch(url, USER_AGENT):
            return False, "disallowed by robots.txt"
        return True, ""


# what a page links that is no post: its stylesheets, icons, scripts and other files (by
# the <link>'s rel or the address's ending)
_RESOURCE_RELS = frozenset({"stylesheet", "icon", "apple-touch-icon", "mask-icon", "manifest",
                            "preload", "prefetch", "preconnect", "dns-prefetch", "modulepreload",
                            "alternate", "search", "license", "pingback", "edituri"})
_RESOURCE_RE = re.compile(r"\.(?:css|m?js|json|xml|txt|png|jpe?g|gif|svg|webp|avif|ico|bmp"
                          r"|woff2?|ttf|otf|eot|pdf|zip|gz|mp3|mp4|webm|ogg|wav)$", re.I)


def _resource(url: str, rel: str) -> bool:
    """True for a link to no page: a stylesheet, an icon, a feed, an image or another file
    (``rel`` of a ``<link>``, or the address's ending), which a listing page's links hold
    beside its posts'."""
    path = urlsplit(url).path if "://" in url else url.split("?", 1)[0]
    return (not _RESOURCE_RELS.isdisjoint(rel.lower().split())
            or _RESOURCE_RE.search(path) is not None)


def _join(base: str, href: str) -> str | None:
    """``href`` made absolute against ``base``; None for an address that cannot be one
    (``http://[x/``: a host in brackets that is no IPv6 address)."""
    try:
        return urljoin(base, href)
    except ValueError:
        return None


def _links(html: str, base: str) -> list[tuple[str, str, str]]:
    """``(absolute url, rel, text)`` of every ``<a>`` and ``<link>`` of a page: an
    ``<a>``'s text with its parts spaced (``Older <span>posts``), a ``<link>``'s type."""
    from .readers.dom import parse_html

    tree, _ = parse_html(html)
    out = []
    for node in tree.css("a[href], link[href]"):
        href = (node.attributes.get("href") or "").strip()
        if not href or href.startswith(("#", "mailto:", "javascript:")):
            continue
        url = _join(base, href)
        if url is None:
            continue
        url = urldefrag(url)[0]
        out.append((url, (node.attributes.get("rel") or "").lower(),
                    node.text(separator=" ") if node.tag == "a" else
                    (node.attributes.get("type") or "")))
    return out


def discover(fetcher: Fetcher, site: _Site, *, max_pages: int) -> tuple[list[str], list[str], dict]:
    """Find the blog's post addresses.

    Returns
    -------
    posts : list of str
        Post addresses, in the order found.
    steps : list of str
        What each discovery step found (for the report).
    feed_entries : dict of str to dict
        Entries of the feeds by address (their content is used when the page has none).
    follow : list of str, or None
        Where the links of the pages read are to be followed (when neither the site's
        own reader nor a sitemap named the posts), the list pages that a listing of one
        page links (its archive, its categories: a theme that paginates by script), read
        for the posts they link; else None.
    """
    import feedparser
    from protego import Protego

    start = site.start
    root = f"{urlsplit(start).scheme}://{urlsplit(start).netloc}"
    found: dict[str, None] = {}
    steps: list[str] = []
    entries: dict[str, dict] = {}

    def add(urls: Iterable[str]) -> int:
        n = 0
        for u in urls:
            u = urldefrag(u)[0]
            if u not in found and site.wanted(u)[0] and len(found) < max_pages:
                found[u] = None
                n += 1
        return n

    # robots.txt first: it decides what may be fetched at all
    fetch, resp = fetcher.get(root + "/robots.txt", "robots")
    sitemaps: list[str] = []
    if resp is not None:
        site.robots = Protego.parse(_text(resp))
        sitemaps = list(site.robots.sitemaps)
        steps.append(f"robots.txt: {len(sitemaps)} sitemap(s)")
        if not site.robots.can_fetch(start, USER_AGENT):
            raise InputError("robots.txt of the blog refuses graphkit this address", path=start)
    else:
        steps.append(f"robots.txt: none ({fetch.note or fetch.status})")
    # 1. the site's own reader
    reader = site_reader(start)
    if reader is not None:
        fetch, resp = fetcher.get(root + reader.archive, "archive")
        if resp is not None:
            paths = re.findall(r"(?:https?://[^/\s\"'<>]+)?(" + reader.post_path + ")", _text(resp))
            n = add(root + p for p in dict.fromkeys(paths))
            steps.append(f"archive page: {n} posts")
    # 2. sitemaps: robots.txt's, else the home page's <link rel="sitemap"> and
    # /sitemap.xml, else the other addresses generators write them at
    fetch, home = fetcher.get(start, "listing")
    home_html = _text(home) if home is not None and _is_html(home) else ""
    fallback: list[str] = []
    if not sitemaps:
        sitemaps = [u for u, rel, _ in _links(home_html, start) if "sitemap" in rel.split()]
        sitemaps.append(root + "/sitemap.xml")
        fallback = [root + path for path in SITEMAP_PATHS]
    from usp.tree import sitemap_from_str

    queue = [(u, 0) for u in sitemaps]
    seen_maps: set[str] = set()
    sitemap_posts = sitemap_lists = maps_read = 0
    while queue or (fallback and not maps_read):
        if not queue:
            queue.append((fallback.pop(0), 0))
        url, depth = queue.pop(0)
        if url in seen_maps or depth > SITEMAP_DEPTH or not site.ours(url):
            continue
        seen_maps.add(url)
        fetch, resp = fetcher.get(url, "sitemap")
        if resp is None:
            continue
        try:
            tree = sitemap_from_str(_text(resp))
        except Exception:  # noqa: BLE001 - usp raises many kinds; the page is reported
            continue
        subs = [sub.url for sub in getattr(tree, "sub_sitemaps", []) or []]
        queue += [(sub, depth + 1) for sub in subs]
        pages = [p.url for p in tree.all_pages()]
        maps_read += bool(subs or pages)
        listing = {u for u in pages if _list_address(u)}
        sitemap_lists += sum(u in listing for u in pages)
        sitemap_posts += add(u for u in pages if u not in listing)
    steps.append(f"sitemaps: {maps_read} read, {sitemap_posts} posts"
                 + (f", {sitemap_lists} list pages left out (tags, categories, authors, "
                    f"dates)" if sitemap_lists else ""))
    # 3. feeds linked from the home page, with RFC 5005 paging
    feeds = [u for u, rel, kind in _links(home_html, start)
             if "alternate" in rel and ("rss" in kind or "atom" in kind)] if home_html else []
    feed_posts = 0
    for feed_url in dict.fromkeys(feeds):
        url, pages = feed_url, 0
        while url and pages < FEED_PAGES and site.ours(url):
            pages += 1
            fetch, resp = fetcher.get(url, "feed")
            if resp is None:
                break
            parsed = feedparser.parse(resp.content)
            joined = [(u, e) for e in parsed.entries if e.get("link")
                      and (u := _join(url, e["link"])) is not None]
            for u, e in joined:
                entries.setdefault(urldefrag(u)[0], e)
            feed_posts += add(u for u, _ in joined)
            nxt = [ln.get("href") for ln in parsed.feed.get("links", [])
                   if ln.get("rel") in ("next", "prev-archive") and ln.get("href")]
            url = _join(url, nxt[0]) if nxt else None
    steps.append(f"feeds: {len(feeds)} found, {feed_posts} posts")
    # 4. listing pages, when no sitemap named the posts (a feed names only the latest)
    lists: set[str] = set()
    pages = listed = 0
    if not sitemap_posts and home_html:
        url, html = start, home_html
        read = {start}
        while html and pages < LISTING_PAGES:
            pages += 1
            links = _links(html, url)
            listing = {u for u, rel, _ in links if rel != "next" and _list_address(u)}
            lists |= listing
            listed += add(u for u, rel, _ in links if rel != "next" and u != start
                          and u not in listing and not _resource(u, rel))
            nxt = [u for u, rel, text in links if "next" in rel.split()
                   or " ".join(text.split()).casefold() in NEXT_TEXTS]
            nxt = nxt or [u for u in (u for u, _, _ in links) if _page_number(u) ==
                          _page_number(url, first=1) + 1 and site.ours(u)][:1]
            if not nxt or not site.ours(nxt[0]) or nxt[0] in read:
                break
            url = nxt[0]
            read.add(url)
            fetch, resp = fetcher.get(url, "listing")
            html = _text(resp) if resp is not None and _is_html(resp) else ""
        steps.append(f"listing pages: {pages} read, {listed} posts"
                     + (f", {len(lists)} list pages left out (tags, categories, authors, "
                        f"dates)" if lists else ""))
    if sitemap_posts or reader is not None:
        return list(found), steps, entries, None
    if feed_posts > WHOLE_FEED and not listed:
        steps.append(f"links of the pages read: not followed (the feeds name {feed_posts} "
                     f"posts, more than a feed of the latest holds, and every post the "
                     f"listing pages name)")
        return list(found), steps, entries, None
    # (a listing of one page with no "next" link is paginated by script, if at all: the
    # list pages it links name the posts it cannot; a chain of pages names them all)
    return list(found), steps, entries, [u for u in sorted(lists) if not urlsplit(u).query
                                         ] if pages == 1 else []


def _followed(html: str, url: str, site: _Site, seen: set[str], *, room: int) -> list[str]:
    """The addresses of the blog's pages that the page ``html`` at ``url`` links and
    that are not in ``seen``, at most ``room`` of them: no list page (a tag's, a page
    number's, a date's: :func:`_list_address`), no file, no address with a query (a
    comment's reply link, a search)."""
    out: dict[str, None] = {}
    for u, rel, _ in _links(html, url) if room > 0 else ():
        if len(out) >= room:
            break
        if (u not in seen and u not in out and not urlsplit(u).query and not _resource(u, rel)
                and not _list_address(u) and site.wanted(u)[0]):
            out[u] = None
    return list(out)


# the text of a listing's link to its next (older) page, in the languages of the themes
NEXT_TEXTS = frozenset({"next", "next page", "next »", "older", "older posts", "older entries",
                        "« older entries", "older posts →", "»", "›", "下一页", "下页",
                        "更早的文章", "次へ", "次のページ", "다음", "다음 페이지",
                        "suivant", "weiter", "siguiente"})
# a listing's page number in its address: /page/3/, ?paged=3 (WordPress' plain addresses),
# ?page=3, ?query-1-page=3 (WordPress' block themes), ?pg=3
_PAGE_NUMBER_RE = re.compile(r"(?:/page/|[?&](?:paged|page|[\w-]+-page|pg)=)(\d{1,5})(?:[/&]|$)",
                             re.I)
# WordPress' plain addresses of its lists (?cat=3, ?tag=x, ?m=202011, ?author=1, ?s=…), of
# a page (?page_id=2) and of its feeds (?feed=rss2), at the site's root (a post's address
# elsewhere may carry such a query: Blogger's ?m=1 for phones)
_LIST_QUERY_RE = re.compile(r"[?&](?:cat|tag|m|author|s|page_id|feed|paged)=", re.I)


def _page_number(url: str, *, first: int | None = None) -> int | None:
    """The page number a listing's address names (``/page/3/``, ``?paged=3``), else
    ``first``."""
    m = _PAGE_NUMBER_RE.search(url)
    return int(m.group(1)) if m else first


def _list_address(url: str) -> bool:
    """True for the address of one of a site's list pages, which a sitemap lists beside
    its posts (WordPress' sitemaps list its categories', tags' and authors' pages): a
    folder of :data:`graphkit.sites.LIST_FOLDERS` before the last part (``/tag/rope/``,
    ``/page/2/``), WordPress' plain address of a list, a page or a feed (``?cat=3``,
    ``?page_id=2``, ``?feed=rss2``), a date archive (``/2015/09/``) or the archive's
    index."""
    try:
        parts = [s for s in urlsplit(url).path.split("/") if s]
    except ValueError:
        return False
    return (any(s.casefold() in LIST_FOLDERS for s in parts[:-1])
            or (parts in ([], ["index.php"]) and _LIST_QUERY_RE.search(url) is not None)
            or date_archive_path(url) or site_page_kind(url) == "archive")


def _extract(url: str, html: str, entry: dict | None) -> tuple[Post | str, list[Fragment]]:
    """A post from a page (or why there is none), and what of the page is not read.

    Pages of a site with a reader of its own (:data:`SITE_READERS`) are read by it. Other
    pages are read as a saved page is (:func:`graphkit.readers.html.read_html`), at the
    address they were fetched from: the same content element (``<article>``, ``<main>``,
    a theme's named content, else the element Readability's scoring finds) without
    cards of other posts and the theme's furniture, and the same tests of a list page
    (a category's or tag's page that shows its posts whole, an archive, the home page),
    so a crawled site and the same site saved give the same posts. trafilatura's
    metadata fills a title, date (from the markup, not guessed from the text), tags or
    categories the page's markup does not give;
    the feed's entry fills a text the page does not hold. A tag soup is read flat
    (:func:`graphkit.readers.dom.parse_html`) and reported.
    """
    from .readers.frontmatter import url_aliases
    from .readers.html import read_html

    reader = site_reader(url)
    if reader is not None:
        posts, unread = reader.read(html, url)
        if not posts:
            return "no post text in the page", []
        p = posts[0]
        links = tuple(replace(link, url=_join(url, link.url) or link.url) for link in p.links)
        return (replace(p, links=links, sources=(Source(path=url, line=1, format=CRAWLED),)),
                [replace(f, path=url) for f in unread])
    posts, unread = read_html(html, url, saved_address=url)   # (a date archive: a list)
    if not posts:
        why = next((f.reason for f in reversed(unread) if f.reason.startswith(
            ("a list page", "a page", "HTML page without", "HTML without"))), None)
        if entry is None or why is None or not why.startswith("HTML"):
            return why or "no title or text found in the page", []
        posts = [Post(key=f"post:url:{url}", title="", label="")]
    p = posts[0]
    text, links = p.text, list(p.links)
    if not text and entry is not None:
        from .readers.html import flat_reading, read_html_content

        content = entry.get("content", [{}])[0].get("value") if entry.get("content") else ""
        content = content or entry.get("summary", "")
        text, links, problem = read_html_content(content)
        if problem is not None:
            unread.append(flat_reading(problem, path=url, line=1, content=True, markup=content))
    title, date = p.title, p.date
    # (tags and categories are the page's own, as a saved copy of it gives them:
    # trafilatura's would add a site's keywords meta, "Hexo Theme Keep", to every post)
    if not (title and date):
        import trafilatura

        # (htmldate's markup only: its extensive search takes a year named in the text,
        # "the bubble of 2000", for the page's date, which no reading of a saved page does;
        # and a date element that holds two, posted and updated, "2018-06-08 2026-11-24",
        # makes htmldate raise: no metadata then, as :func:`readers.html._htmldate` does)
        try:
            meta = trafilatura.extract_metadata(html, default_url=url, extensive=False)
        except (ValueError, TypeError, OverflowError):
            meta = None
        if meta is not None:
            title = title or (meta.title or "").strip()
            found = meta.date if isinstance(meta.date, str) else ""
            date = date or (found[:10] if re.match(r"^\d{4}-\d{2}-\d{2}", found) else None)
        title = title or ((entry or {}).get("title") or "").strip()
    if not title and not text:
        return "no title or text found in the page", []
    links = [replace(link, url=_join(url, link.url) or link.url) for link in links]
    key = p.key if p.archive_id is not None else f"post:url:{url}"
    return (replace(p, key=key, title=title, label=title or text[:40], untitled=not title,
                    date=date, url=p.url if p.archive_id is not None else url, text=text,
                    links=tuple(links),
                    aliases=tuple(sorted(set(p.aliases) - set(_path_names(url))
                                         | url_aliases(url))),
                    sources=(Source(path=url, line=1, format=CRAWLED),)), unread)


def _path_names(url: str) -> set[str]:
    """The names :func:`graphkit.sites.path_aliases` makes of an address read as a file's
    path (which a crawled page's name is not: its address names it)."""
    from .sites import path_aliases

    return set(path_aliases(url))


def crawl(start: str, *, options: BuildOptions = BuildOptions(),
          progress: Callable[[int, int, str], None] | None = None,
          on_bytes: Callable[[int], None] | None = None) -> ReadResult:
    """Read a blog from its address.

    Parameters
    ----------
    start : str
        The blog's address (``https://blog.example/``).
    options : BuildOptions, keyword-only
        The ``crawl_*`` options, ``include``, ``exclude``, ``cache`` and ``offline``.
    progress : callable, optional, keyword-only
        Called as ``progress(done, total, url)`` after each post page.
    on_bytes : callable, optional, keyword-only
        Called with the bytes read so far (fetched or from the cache) after each page.

    Returns
    -------
    ReadResult
        The posts, merged; ``files`` has one entry per post page, ``fragments`` the
        pages that gave no post, ``fetches`` every request with its status, size,
        seconds and whether it came from the cache, and ``discovery`` what each step
        found.

    Raises
    ------
    InputError
        When the host cannot be reached, robots.txt refuses the address, or no post is
        found.
    """
    from .merge import merge_posts

    if not is_address(start):
        raise InputError("not an http(s) address", path=start)
    fetcher = Fetcher(options)
    try:
        site = _Site(start, options)
        try:
            urls, steps, entries, follow = discover(fetcher, site,
                                                    max_pages=options.crawl_max_pages)
        except _Limited as exc:
            raise InputError(str(exc), path=start) from None
        if not any(f.status is not None for f in fetcher.fetches):
            why = next((f.note for f in fetcher.fetches if f.note), "no answer")
            raise InputError(f"cannot reach the blog ({why})", path=start)
        posts: list[Post] = []
        files, fragments = [], []
        stopped = ""

        def one(url: str):
            try:
                return fetcher.get(url, "post")
            except _Limited as exc:
                return exc, None

        # (where no sitemap named the posts, the links of the pages read find the posts
        # that the feeds and listing pages do not name, round by round)
        lists = [u for u in follow or () if u not in urls and site.wanted(u)[0]][
            :max(0, options.crawl_max_pages - len(urls))]
        queue, seen, done, followed = list(urls) + lists, set(urls) | set(lists) | {start}, 0, 0
        while queue:
            batch, queue = queue, []
            with ThreadPoolExecutor(max_workers=MAX_IN_FLIGHT) as pool:
                for url, (fetch, resp) in zip(batch, pool.map(one, batch)):
                    done += 1
                    if isinstance(fetch, _Limited):
                        stopped = str(fetch)
                        fragments.append(Fragment(path=url, line=1, end_line=1,
                                                  reason=f"not fetched: {fetch}", text=""))
                        continue
                    if resp is None:
                        files.append(FileReport(path=url, format="unreadable", posts=0,
                                                size=fetch.bytes, error=fetch.note or "no answer"))
                    elif not _is_html(resp):
                        files.append(FileReport(path=url, format="skipped", posts=0,
                                                size=fetch.bytes, error="not an HTML page ("
                                                f"{resp.headers.get('Content-Type', '?')})"))
                    else:
                        html = _text(resp)
                        if follow is not None:
                            for u in _followed(html, url, site, seen,
                                               room=options.crawl_max_pages - len(seen)):
                                seen.add(u)
                                queue.append(u)
                                followed += 1
                        post, unread = _extract(url, html, entries.get(url))
                        if isinstance(post, str):
                            files.append(FileReport(path=url, format=CRAWLED, posts=0,
                                                    size=fetch.bytes, error=post))
                        else:
                            posts.append(post)
                            fragments.extend(unread)
                            files.append(FileReport(path=url, format=CRAWLED, posts=1,
                                                    size=fetch.bytes, error=fetch.note or None))
                    if progress is not None:
                        progress(done, len(seen), url)
                    if on_bytes is not None:
                        on_bytes(fetcher.total_bytes)
        if follow is not None:
            steps.append(f"links of the pages read: {len(lists)} list pages the listing "
                         f"pages link, {followed} more pages")
        if not posts:
            raise InputError("no post found: " + "; ".join(steps), path=start)
        from .readers.html import listing_key, own_pages_aside

        # (as for the pages of a saved site, its feeds read apart; and its listings, the
        # sitemaps, feeds and listing pages, naming what they found: a page reached only
        # by the links of the pages read is named by none)
        named = {listing_key(urlsplit(u).path) for u in urls}
        posts, aside = own_pages_aside(posts, formats=(CRAWLED,), entries=[
            (e.get("title") or "", u) for u, e in entries.items()], listings={
                p.sources[0].path.split("/", 1)[0]: named for p in posts})
        fragments.extend(aside)
        if not posts:
            raise InputError("no post found: every page read is one of the site's own "
                             "pages (" + "; ".join(steps) + ")", path=start)
        from .boilerplate import strip_boilerplate

        # (the template's link lines and the paragraphs repeated under every post)
        posts, repeated = strip_boilerplate(posts)
        fragments.extend(repeated)
        if stopped:
            steps.append(f"stopped: {stopped}")
        return ReadResult(posts=merge_posts(posts), files=tuple(files),
                          fragments=tuple(fragments), sightings=len(posts),
                          fetches=tuple(fetcher.fetches), discovery=tuple(steps))
    finally:
        fetcher.close()
