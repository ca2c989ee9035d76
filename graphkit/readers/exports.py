"""Readers of the files blogging platforms export: WordPress WXR, RSS/Atom feeds, Ghost JSON.

Each gives one post per published entry with its title, address, date, tags, categories
and the text and links of its HTML content (see :func:`graphkit.readers.html.html_to_text`).
Entries that are not published posts (drafts, pages, attachments, menu items) are listed
in the report with their reason. XML is parsed by defusedxml (no entity expansion, no
external entities) and feeds by feedparser, given the bytes, never a name to open.

References
----------
.. [1] WordPress eXtended RSS (WXR), the format of Tools → Export,
   https://developer.wordpress.org/advanced-administration/wordpress/import/
.. [2] RSS 2.0 Specification, https://www.rssboard.org/rss-specification; RFC 4287,
   The Atom Syndication Format.
.. [3] Ghost, "Importing and exporting content" (the JSON export),
   https://ghost.org/help/imports/
"""

from __future__ import annotations

import io
import json
import re

from ..model import Fragment, Post, Source
from ..text import preview
from .frontmatter import _date, url_aliases
from .html import html_to_text
from .kexue import SITE_URL, archive_link_id

WXR = "wordpress-wxr"
FEED = "feed"
GHOST = "ghost-json"
_WP_NS = re.compile(r"wordpress\.org/export/\d")
_CONTENT_NS = "{http://purl.org/rss/1.0/modules/content/}"


def detect(text: str, path: str) -> str | None:
    """``"wordpress-wxr"``, ``"feed"`` or ``"ghost-json"`` from a file's head, else None."""
    low = path.lower()
    head = text.lstrip()[:4000]
    if low.endswith(".json"):
        return GHOST if re.match(r'^\{\s*"db"\s*:', head) else None
    if head.startswith(("<?xml", "<rss", "<feed", "<rdf")) or low.endswith(
            (".xml", ".rss", ".atom")):
        if "<rss" in head and _WP_NS.search(head):
            return WXR
        if re.search(r"<(rss|feed|rdf:RDF)\b", head):
            return FEED
    return None


def _lines_of(text: str, tag: str) -> list[int]:
    """1-based line of each opening ``<tag>`` or ``<tag …>``, in document order."""
    return [text.count("\n", 0, m.start()) + 1
            for m in re.finditer(rf"<{tag}[\s>]", text)]


def _post(*, path: str, line: int, fmt: str, title: str, url: str | None, date, html: str,
          tags=(), categories=(), slug: str | None = None, extra_aliases=()) -> Post:
    text, links = html_to_text(html or "")
    aid = archive_link_id(url) if url else None
    aliases = set()
    for value in (url, slug, *extra_aliases):
        if value:
            aliases |= url_aliases(str(value))
    key = f"post:{aid}" if aid is not None else f"post:{fmt}:{path}:{line}"
    return Post(key=key, title=title, label=title or preview(text, 40), untitled=not title,
                date=_date(date), archive_id=aid,
                url=SITE_URL.format(aid) if aid is not None else url, text=text,
                links=tuple(links), tags=tuple(tags), categories=tuple(categories),
                aliases=tuple(sorted(aliases)), slug=slug or None,
                sources=(Source(path=path, line=line, format=fmt),))


def read_wxr(text: str, path: str) -> tuple[list[Post], list[Fragment]]:
    """Read a WordPress export (WXR): each published ``post`` item is a post.

    ``wp:post_name`` is the slug, ``link`` the address, ``wp:post_date`` the date,
    ``category`` elements with ``domain="category"`` / ``"post_tag"`` the categories and
    tags, ``content:encoded`` the HTML; ``?p=ID`` addresses (the ``guid``) link too.
    """
    from defusedxml import ElementTree
    from defusedxml.common import DefusedXmlException

    try:
        root = ElementTree.fromstring(text.encode("utf-8"))
    except (ElementTree.ParseError, DefusedXmlException) as exc:
        return [], [Fragment(path=path, line=getattr(exc, "position", (1, 0))[0], end_line=1,
                             reason=f"broken WordPress export ({type(exc).__name__}: {exc})",
                             text="")]
    ns = ""
    m = re.search(r"(https?://wordpress\.org/export/[\d.]+/)", text[:4000])
    if m:
        ns = "{" + m.group(1) + "}"
    posts, frags = [], []
    lines = _lines_of(text, "item")
    for n, item in enumerate(root.iter("item")):
        line = lines[n] if n < len(lines) else 1
        kind = item.findtext(f"{ns}post_type") or "post"
        status = item.findtext(f"{ns}status") or "publish"
        title = (item.findtext("title") or "").strip()
        if kind != "post" or status != "publish":
            frags.append(Fragment(path=path, line=line, end_line=line,
                                  reason=f"WordPress {kind} with status {status!r}: not a "
                                         f"published post", text=preview(title)))
            continue
        cats = [c.text.strip() for c in item.findall("category")
                if c.get("domain") == "category" and c.text]
        tags = [c.text.strip() for c in item.findall("category")
                if c.get("domain") == "post_tag" and c.text]
        post_id = (item.findtext(f"{ns}post_id") or "").strip()
        guid = (item.findtext("guid") or "").strip()
        extra = [f"p={post_id}"] if post_id.isdigit() else []
        if guid and "?p=" in guid:
            extra.append("p=" + guid.split("?p=", 1)[1].split("&")[0])
        posts.append(_post(path=path, line=line, fmt=WXR, title=title,
                           url=(item.findtext("link") or "").strip() or None,
                           date=item.findtext(f"{ns}post_date") or item.findtext("pubDate"),
                           html=item.findtext(f"{_CONTENT_NS}encoded") or "",
                           tags=tags, categories=cats,
                           slug=(item.findtext(f"{ns}post_name") or "").strip() or None,
                           extra_aliases=extra))
    return posts, frags


def read_feed(text: str, path: str) -> tuple[list[Post], list[Fragment]]:
    """Read an RSS or Atom feed file: each entry is a post (feedparser).

    The entry's ``content`` (else its ``summary``) is the text; ``tags`` are its tags;
    ``published`` (else ``updated``) its date. A feed holds the latest posts only, so
    links to older posts stay unresolved unless those are read from elsewhere.
    """
    import feedparser

    feed = feedparser.parse(io.BytesIO(text.encode("utf-8")))
    frags = []
    if feed.get("bozo") and not feed.entries:
        return [], [Fragment(path=path, line=1, end_line=1,
                             reason=f"broken feed ({type(feed.get('bozo_exception')).__name__})",
                             text="")]
    tag = "entry" if re.search(r"<feed\b", text[:4000]) else "item"
    lines = _lines_of(text, tag)
    posts = []
    for n, e in enumerate(feed.entries):
        line = lines[n] if n < len(lines) else 1
        title = (e.get("title") or "").strip()
        html = ""
        if e.get("content"):
            html = e["content"][0].get("value") or ""
        html = html or e.get("summary") or ""
        if not title and not html.strip():
            frags.append(Fragment(path=path, line=line, end_line=line,
                                  reason="feed entry without a title or content", text=""))
            continue
        stamp = e.get("published_parsed") or e.get("updated_parsed")
        date = f"{stamp.tm_year:04d}-{stamp.tm_mon:02d}-{stamp.tm_mday:02d}" if stamp else None
        tags = [t.get("term", "").strip() for t in e.get("tags", []) if t.get("term")]
        posts.append(_post(path=path, line=line, fmt=FEED, title=title,
                           url=(e.get("link") or "").strip() or None, date=date, html=html,
                           tags=tags))
    return posts, frags


def read_ghost(text: str, path: str) -> tuple[list[Post], list[Fragment]]:
    """Read a Ghost JSON export: each published post of ``db[0].data.posts`` is a post.

    Tags come through ``posts_tags``; the address is ``canonical_url`` or, as Ghost's
    default permalinks are, ``/slug/``; the text is the ``html`` field (else
    ``plaintext``).
    """
    try:
        doc = json.loads(text)
        data = doc["db"][0]["data"]
        rows = data.get("posts") or []
    except (ValueError, KeyError, IndexError, TypeError, RecursionError) as exc:
        return [], [Fragment(path=path, line=1, end_line=1,
                             reason=f"not a Ghost export ({type(exc).__name__})", text="")]
    tag_names = {t.get("id"): t.get("name") for t in data.get("tags") or [] if isinstance(t, dict)}
    post_tags: dict = {}
    for pt in data.get("posts_tags") or []:
        if isinstance(pt, dict) and pt.get("tag_id") in tag_names:
            post_tags.setdefault(pt.get("post_id"), []).append(tag_names[pt["tag_id"]])
    lines = [text.count("\n", 0, m.start()) + 1 for m in re.finditer(r'"slug"\s*:', text)]
    posts, frags = [], []
    for n, row in enumerate(rows):
        line = lines[n] if n < len(lines) else 1
        if not isinstance(row, dict):
            continue
        title = str(row.get("title") or "").strip()
        if row.get("type", "post") != "post" or row.get("status", "published") != "published":
            frags.append(Fragment(path=path, line=line, end_line=line,
                                  reason=f"Ghost {row.get('type', 'post')} with status "
                                         f"{row.get('status')!r}: not a published post",
                                  text=preview(title)))
            continue
        slug = str(row.get("slug") or "").strip() or None
        html = row.get("html") or ""
        if not html and row.get("plaintext"):
            html = "".join(f"<p>{_escape(p)}</p>" for p in str(row["plaintext"]).split("\n"))
        posts.append(_post(path=path, line=line, fmt=GHOST, title=title,
                           url=str(row.get("canonical_url") or "").strip() or None,
                           date=row.get("published_at") or row.get("created_at"), html=html,
                           tags=post_tags.get(row.get("id"), []), slug=slug,
                           extra_aliases=[f"/{slug}/"] if slug else []))
    return posts, frags


def _escape(text: str) -> str:
    import html

    return html.escape(text, quote=False)
