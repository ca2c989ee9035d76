"""Readers of the files blogging platforms export: WordPress WXR, RSS/Atom feeds, JSON
Feed, Ghost JSON, the Movable Type export format.

Each gives one post per published entry with its title, address, date, tags, categories
and the text and links of its HTML content (see
:func:`graphkit.readers.html.read_html_content`).
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
.. [4] JSON Feed Version 1.1, https://www.jsonfeed.org/version/1.1/
.. [5] Six Apart, "The Movable Type Import / Export Format",
   https://movabletype.org/documentation/appendices/import-export-format.html
"""

from __future__ import annotations

import io
import re
from dataclasses import replace
from html import unescape
from urllib.parse import unquote, urlsplit

from .. import dates
from ..dates import parse_date
from ..model import Fragment, Link, Post, Source
from ..sites import TAXONOMY_FOLDERS, address_path
from ..text import line_numbers, loads_json, preview
from .frontmatter import SERIES_KEY, _date, series_of_names, url_aliases
from .html import flat_reading, read_html_content, slug_names
from .kexue import SITE_URL, archive_link_id

WXR = "wordpress-wxr"
FEED = "feed"
GHOST = "ghost-json"
# the site's own address in Ghost 4's stored content ("Changed internal URL storage format
# to use __GHOST_URL__", https://github.com/TryGhost/Ghost/pull/12731)
GHOST_URL = "__GHOST_URL__"
JSON_FEED = "json-feed"
HALO = "halo-json"
# Halo 1.x's data export: one JSON object of the blog's tables (posts, sheets, tags,
# post_tags, options…), the whole file on one line
_HALO_KEYS_RE = re.compile(r'"post_categories"\s*+:')
MOVABLE_TYPE = "movable-type"
# the Movable Type export: an entry opens with KEY: VALUE lines, and a line of five
# dashes parts them from the entry's text sections (BODY:, EXTENDED BODY:, COMMENT:…)
_MT_KEYS = ("AUTHOR", "TITLE", "BASENAME", "STATUS", "DATE", "PRIMARY CATEGORY", "CATEGORY",
            "TAGS", "CONVERT BREAKS", "ALLOW COMMENTS", "ALLOW PINGS", "NO ENTRY", "IMAGE",
            "UNIQUE URL")
_MT_SECTIONS = ("BODY", "EXTENDED BODY", "EXCERPT", "KEYWORDS", "COMMENT", "PING")
_MT_HEAD_RE = re.compile(r"^(?:" + "|".join(_MT_KEYS) + r"):[ \t]")
_MT_SECTION_RE = re.compile(r"^-----[ \t]*\r?\n(?:" + "|".join(_MT_SECTIONS) + r"):",
                            re.M)
_JSON_FEED_RE = re.compile(r'"version"\s*:\s*"https?://(?:www\.)?jsonfeed\.org/version/')
_WP_NS = re.compile(r"wordpress\.org/export/\d")
_CONTENT_NS = "{http://purl.org/rss/1.0/modules/content/}"


def detect(text: str, path: str) -> str | None:
    """``"wordpress-wxr"``, ``"feed"``, ``"json-feed"``, ``"ghost-json"``,
    ``"halo-json"`` or ``"movable-type"`` from a file's head (Halo's tables from the
    whole file), else None."""
    low = path.lower()
    head = text.lstrip()[:4000]
    if _MT_HEAD_RE.match(head) and _MT_SECTION_RE.search(head):
        return MOVABLE_TYPE
    if low.endswith(".json"):
        if re.match(r'^\{\s*"db"\s*:', head):
            return GHOST
        if head.startswith("{") and _HALO_KEYS_RE.search(text) and '"posts"' in text \
                and '"options"' in text:
            return HALO
        return JSON_FEED if head.startswith("{") and _JSON_FEED_RE.search(head) else None
    declared = head.startswith("<?xml") or low.endswith((".xml", ".rss", ".atom"))
    if declared or head.startswith(("<rss", "<feed", "<rdf")):
        if "<rss" in head and _WP_NS.search(head):
            return WXR
        # without an XML declaration or name, the root element must say what it is
        # (Atom's namespace, RSS's version): a text opening with "<feed" is text
        root = (r"<(rss|feed|rdf:RDF)[\s>]" if declared
                else r"<(?:rss\s[^<>]*\bversion|feed\s[^<>]*\bxmlns|rdf:RDF\s[^<>]*\bxmlns)\b")
        if re.search(root, head):
            return FEED
    return None


def _lines_of(text: str, tag: str) -> list[int]:
    """1-based line of each opening ``<tag>`` or ``<tag …>``, in document order."""
    return line_numbers(text, [m.start() for m in re.finditer(rf"<{tag}[\s>]", text)])


def _post(*, path: str, line: int, fmt: str, title: str, url: str | None, date, html: str,
          tags=(), categories=(), slug: str | None = None,
          extra_aliases=(), fields=()) -> tuple[Post, list[Fragment]]:
    """A post of an export or a feed, and the note of its HTML content read flat (if it
    was, :func:`graphkit.readers.html.flat_reading`)."""
    text, links, problem = read_html_content(html or "")
    flat = [] if problem is None else [flat_reading(problem, path=path, line=line,
                                                    markup=html, content=True)]
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
                aliases=tuple(sorted(aliases)), slug=slug or None, fields=tuple(fields),
                sources=(Source(path=path, line=line, format=fmt),)), flat


def read_wxr(text: str, path: str) -> tuple[list[Post], list[Fragment]]:
    """Read a WordPress export (WXR): each published ``post`` item is a post.

    The ``title`` and the terms' names are HTML, as WordPress stores and themes print
    them (``编码&amp;生成``, ``n &gt; 8``): read with their character references resolved.
    ``wp:post_name`` is the slug, ``link`` the address, ``wp:post_date`` the date,
    ``category`` elements with ``domain="category"`` / ``"post_tag"`` the categories and
    tags (and ``"series"``, the taxonomy of the series plugins Organize Series and
    PublishPress Series, the post's series), ``content:encoded`` the HTML; ``?p=ID``
    addresses (the ``guid``) link too.
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
        title = unescape((item.findtext("title") or "").strip())
        if kind != "post" or status != "publish":
            frags.append(Fragment(path=path, line=line, end_line=line,
                                  reason=f"WordPress {kind} with status {status!r}: not a "
                                         f"published post", text=preview(title)))
            continue
        cats = [unescape(c.text.strip()) for c in item.findall("category")
                if c.get("domain") == "category" and c.text]
        tags = [unescape(c.text.strip()) for c in item.findall("category")
                if c.get("domain") == "post_tag" and c.text]
        series = [unescape(c.text) for c in item.findall("category")
                  if c.get("domain") == SERIES_KEY and c.text]
        post_id = (item.findtext(f"{ns}post_id") or "").strip()
        guid = (item.findtext("guid") or "").strip()
        extra = [f"p={post_id}"] if post_id.isdigit() else []
        if guid and "?p=" in guid:
            extra.append("p=" + guid.split("?p=", 1)[1].split("&")[0])
        post, flat = _post(path=path, line=line, fmt=WXR, title=title,
                           url=(item.findtext("link") or "").strip() or None,
                           date=item.findtext(f"{ns}post_date") or item.findtext("pubDate"),
                           html=item.findtext(f"{_CONTENT_NS}encoded") or "",
                           tags=tags, categories=cats,
                           slug=(item.findtext(f"{ns}post_name") or "").strip() or None,
                           extra_aliases=extra, fields=series_of_names(series))
        frags += flat
        posts.append(post)
    return posts, frags


# Blogger's export marks each entry's kind with a category of this scheme (post, comment,
# page, settings, template); its newer export says so in <blogger:type>
_BLOGGER_KIND = "http://schemas.google.com/g/2005#kind"
_NOT_LIVE = ("draft", "deleted", "soft_trashed", "trashed", "scheduled")


def _entry_kind(e) -> str | None:
    """Why a feed entry is not a published post, or None when it is one.

    Blogger's kind category (``…/kind#comment``) or ``<blogger:type>``, an Atom reply
    (``thr:in-reply-to``, RFC 4685), a draft (``app:draft`` yes, RFC 5023) or a
    ``<blogger:status>`` other than live.
    """
    kinds = [t.get("term", "").rsplit("#", 1)[-1] for t in e.get("tags", [])
             if t.get("scheme") == _BLOGGER_KIND and t.get("term")]
    kind = (kinds[0] if kinds else str(e.get("blogger_type") or "post")).strip().lower()
    if kind != "post":
        return f"feed entry of kind {kind!r} (Blogger's export): not a post"
    if e.get("thr_in-reply-to"):
        return "feed entry that replies to another (thr:in-reply-to): a comment, not a post"
    if str(e.get("app_draft") or "").strip().lower() == "yes":
        return "feed entry marked as a draft (app:draft): not published"
    status = str(e.get("blogger_status") or "live").strip().lower()
    if status in _NOT_LIVE:
        return f"feed entry with status {status!r} (Blogger's export): not published"
    return None


def _entry_date(e) -> str | None:
    """The date as the author's clock showed it: the ``YYYY-MM-DD`` written in an Atom
    stamp or the day of an RSS ``pubDate``, not the UTC day feedparser converts to (a
    post of 00:30 at +08:00 stays on its day)."""
    from email.utils import parsedate_tz

    for key in ("published", "updated", "created"):
        raw = str(e.get(key) or "").strip()
        if not raw:
            continue
        m = re.match(r"(\d{4}-\d{2}-\d{2})", raw)
        if m:
            return m.group(1)
        parts = parsedate_tz(raw)
        if parts and parts[0]:
            # (the year as written: email.utils makes 0001, Go's zero time, 2001)
            year = re.search(r"\b\d{1,2}\s+[A-Za-z]{3,9}\.?\s+(\d{4})\b", raw)
            return f"{int(year.group(1)) if year else parts[0]:04d}-{parts[1]:02d}-{parts[2]:02d}"
    stamp = e.get("published_parsed") or e.get("updated_parsed")
    return f"{stamp.tm_year:04d}-{stamp.tm_mon:02d}-{stamp.tm_mday:02d}" if stamp else None


def jekyll_feed_categories(terms: list[str], url: str | None) -> list[str]:
    """Those of a jekyll-feed entry's ``terms`` that are the post's categories: the
    ones its address names in the folders just before the post's own name, past the
    folders of its day (``/ml/notes/2020/01/05/x.html``, ``/ml/notes/x/``,
    ``/ml/2020/005/x.html``).

    jekyll-feed writes a post's categories and its tags alike, each a ``<category>``;
    Jekyll's permalink styles begin the post's address with its categories: ``date``
    (its default) and ``pretty`` before the day, ``ordinal`` and ``weekdate`` before the
    year, ``none`` and ``/:categories/:title/`` before the post's name. The folders
    before them (a baseurl) name none, and an address whose folders name no term
    (``/posts/x/``) tells none apart.

    Parameters
    ----------
    terms : list of str
        The entry's terms, in order.
    url : str or None
        The entry's address.

    Returns
    -------
    list of str
        The categories, in the terms' order; empty when no such folder names a term.

    References
    ----------
    .. [1] jekyll-feed, ``feed.xml`` (``<category term=…>`` for each category, then
       each tag), https://github.com/jekyll/jekyll-feed
    .. [2] Jekyll, "Permalinks" (``date``: ``/:categories/:year/:month/:day/:title``,
       ``none``: ``/:categories/:title``), https://jekyllrb.com/docs/permalinks/
    """
    # the address's folders (its last part is the post), less those of the day
    folders = [unquote(s) for s in urlsplit(url or "").path.split("/") if s][:-1]
    while folders and _DATE_FOLDER_RE.match(folders[-1]):
        folders.pop()
    named: set[str] = set()
    for folder in reversed(folders):    # back from the post, while each folder names a term
        found = {t for t in terms if slug_names(folder, t)}
        if not found:
            break
        named |= found
    return [t for t in terms if t in named]


# a folder of an address that is part of a day: a year, a month, a day of the year or of
# the month, a week (W05) or a weekday (Jekyll's date, pretty, ordinal and weekdate
# permalinks)
_DATE_FOLDER_RE = re.compile(r"^(?:\d{1,4}|W\d{2}|(?i:mon|tue|wed|thu|fri|sat|sun))$")


def read_feed(text: str, path: str) -> tuple[list[Post], list[Fragment]]:
    """Read an RSS or Atom feed file: each entry is a post (feedparser).

    The entry's ``content`` (else its ``summary``) is the text; ``tags`` are its tags;
    ``published`` (else ``updated``) its date, on the author's clock. A feed holds the
    latest posts only, so links to older posts stay unresolved unless those are read from
    elsewhere. Blogger's export is a feed too: its comments, pages, settings, template
    and drafts (and any feed's replies and drafts) are listed in the report, not read as
    posts; ``<blogger:filename>`` is a name its post is linked by. A feed served by
    FeedBurner links each entry through its click counter
    (``feedproxy.google.com/~r/NAME/~3/…``); the post's own address is its
    ``<feedburner:origLink>``.

    References
    ----------
    .. [1] RFC 4685, Atom Threading Extensions (``thr:in-reply-to``); RFC 5023, the Atom
       Publishing Protocol (``app:control``/``app:draft``).
    .. [2] Blogger, "Back up, import or export your blog" (the Atom export),
       https://support.google.com/blogger/answer/41387
    .. [3] E. Lunt, "How FeedBurner Rewrites Links" (the rewritten ``<link>``, the
       original kept in ``<feedburner:origLink>``),
       http://www.burningdoor.com/eric/archives/001209.html
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
    home = str(feed.feed.get("link") or "").rstrip("/")
    jekyll = "jekyll" in str(feed.feed.get("generator") or "").casefold()
    posts = []
    for n, e in enumerate(feed.entries):
        line = lines[n] if n < len(lines) else 1
        title = _feed_title(e)
        why = _entry_kind(e)
        if why is not None:
            frags.append(Fragment(path=path, line=line, end_line=line, reason=why,
                                  text=preview(title)))
            continue
        html = ""
        if e.get("content"):
            html = e["content"][0].get("value") or ""
        html = html or e.get("summary") or ""
        if not title and not html.strip():
            frags.append(Fragment(path=path, line=line, end_line=line,
                                  reason="feed entry without a title or content", text=""))
            continue
        tags = [t.get("term", "").strip() for t in e.get("tags", [])
                if t.get("term") and t.get("scheme") != _BLOGGER_KIND]
        filename = str(e.get("blogger_filename") or "").strip()
        # FeedBurner's feeds link an entry through its click counter, and keep the
        # post's own address beside it
        url = (e.get("feedburner_origlink") or e.get("link") or "").strip() or None
        if filename and (url is None or not re.match(r"^https?://", url, re.I)):
            url = home + "/" + filename.lstrip("/") if re.match(r"^https?://", home) else url
        if url is not None and _taxonomy_page(url):
            frags.append(Fragment(path=path, line=line, end_line=line, text=preview(title),
                                  reason=f"a feed entry for a list page ({url}: a tag's or "
                                         f"a category's), not a post"))
            continue
        cats = jekyll_feed_categories(tags, url) if jekyll else []
        post, flat = _post(path=path, line=line, fmt=FEED, title=title, url=url,
                           date=_entry_date(e), html=html,
                           tags=[t for t in tags if t not in cats], categories=cats,
                           extra_aliases=[filename] if filename else [])
        frags += flat
        posts.append(post)
    return _undated_entries_aside(posts, frags)


def _feed_title(entry) -> str:
    """An entry's title as text. An Atom title of ``type="html"`` is HTML, escaped into
    the XML (jekyll-feed writes ``A &amp;amp; B`` for "A & B"), and feedparser gives it as
    that HTML (as it does an RSS title it takes for HTML): its tags are dropped and its
    entities decoded.

    References
    ----------
    .. [1] RFC 4287, The Atom Syndication Format, 3.1.1.2 (``type="html"``),
       https://www.rfc-editor.org/rfc/rfc4287#section-3.1.1.2
    """
    title = str(entry.get("title") or "")
    kind = str((entry.get("title_detail") or {}).get("type") or "")
    if kind in ("text/html", "application/xhtml+xml"):     # (HTML folds its spaces)
        return " ".join(unescape(re.sub(r"<[^<>]*>", "", title)).split())
    return title.strip()


MIN_DATED_ENTRIES = 3      # dated entries of a feed beside which an undated one is a page


def _undated_entries_aside(posts: list[Post], frags: list[Fragment]
                           ) -> tuple[list[Post], list[Fragment]]:
    """``posts`` without the entries that have no date (or a zero date: Go's
    ``0001-01-01``) in a feed whose other entries, :data:`MIN_DATED_ENTRIES` or more and
    most of them, have one: a feed dates every post, and a generator that lists its
    pages too (Hugo's home feed lists every regular page, the about page dated
    ``Mon, 01 Jan 0001``) leaves theirs out."""
    undated = [p for p in posts if not p.date or dates.is_zero_date(p.date)]
    if not undated or len(posts) - len(undated) < max(MIN_DATED_ENTRIES, len(undated) + 1):
        return posts, frags
    n = len(posts) - len(undated)
    aside = {id(p) for p in undated}
    return [p for p in posts if id(p) not in aside], frags + [Fragment(
        path=p.sources[0].path, line=p.sources[0].line, end_line=p.sources[0].line,
        text=preview(p.title), reason=f"a page the feed lists beside its posts, not a post: "
                                      f"undated{f' ({p.date})' if p.date else ''}, where its "
                                      f"other {n} entries are dated") for p in undated]


def _taxonomy_page(url: str) -> bool:
    """True for the address of a tag's or a category's list page, or of their index
    (``/tags/gan/``, ``/tags/``): the entries of a feed of a taxonomy's terms (Hugo writes
    ``tags/index.xml``, whose items are the tags), not posts."""
    return not TAXONOMY_FOLDERS.isdisjoint(f.casefold() for f in address_path(url).split("/")[:-1])


def read_ghost(text: str, path: str) -> tuple[list[Post], list[Fragment]]:
    """Read a Ghost JSON export: each published post of ``db[0].data.posts`` is a post.

    Tags come through ``posts_tags``; the address is ``canonical_url`` or, as Ghost's
    default permalinks are, ``/slug/``; the text is the ``html`` field (else
    ``plaintext``), where Ghost 4 and later write the site's own address as
    ``__GHOST_URL__`` (``__GHOST_URL__/rope/`` is the site's ``/rope/``).
    """
    try:
        doc = loads_json(text)
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
    lines = line_numbers(text, [m.start() for m in re.finditer(r'"slug"\s*:', text)])
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
        # Ghost 4 on stores the site's own address in a post as __GHOST_URL__
        html = str(row.get("html") or "").replace(GHOST_URL, "")
        if not html and row.get("plaintext"):
            html = "".join(f"<p>{_escape(p)}</p>" for p in str(row["plaintext"]).split("\n"))
        post, flat = _post(path=path, line=line, fmt=GHOST, title=title,
                           url=str(row.get("canonical_url") or "").strip() or None,
                           date=row.get("published_at") or row.get("created_at"), html=html,
                           tags=post_tags.get(row.get("id"), []), slug=slug,
                           extra_aliases=[f"/{slug}/"] if slug else [])
        frags += flat
        posts.append(post)
    return posts, frags


# Halo 1.x's post addresses by its post_permalink_type option (PostServiceImpl's
# buildFullPath): {prefix} is archives_prefix, {suffix} path_suffix
HALO_PERMALINKS = {"DEFAULT": "/{prefix}/{slug}{suffix}", "DATE": "/{y}/{m}/{slug}{suffix}",
                   "DAY": "/{y}/{m}/{d}/{slug}{suffix}", "YEAR": "/{y}/{slug}{suffix}",
                   "ID": "/?p={id}", "ID_SLUG": "/{prefix}/{id}{suffix}"}


def _json_list(text: str, key: str, path: str, what: str
               ) -> tuple[dict | None, list, list[Fragment]]:
    """``(document, its list under key, [])`` of a JSON export, or ``(None, [], [the
    fragment saying the file is not what it looked like])``."""
    try:
        doc = loads_json(text)
        rows = doc[key]
        if not isinstance(rows, list):
            raise TypeError(f"{key} is not a list")
    except (ValueError, KeyError, TypeError, RecursionError) as exc:
        return None, [], [Fragment(path=path, line=1, end_line=1,
                                   reason=f"not {what} ({type(exc).__name__})", text="")]
    return doc, rows, []


def _halo_names(rows, links, key: str) -> dict:
    """``{post id: [names]}`` of Halo's tags or categories through their link table."""
    names = {r.get("id"): r.get("name") for r in rows or [] if isinstance(r, dict)}
    out: dict = {}
    for link in links or []:
        if isinstance(link, dict) and names.get(link.get(key)):
            out.setdefault(link.get("postId"), []).append(str(names[link[key]]))
    return out


def read_halo(text: str, path: str) -> tuple[list[Post], list[Fragment]]:
    """Read Halo 1.x's data export (``halo-data-export-….json``): each published post
    of ``posts`` is a post.

    Its text is ``formatContent`` (the HTML Halo rendered; else ``originalContent``, its
    Markdown), its date ``createTime`` (Unix time in milliseconds: its day in UTC), its
    tags and categories come through ``post_tags`` and ``post_categories``, and its
    address is the blog's ``blog_url`` option and the path the ``post_permalink_type``
    option gives (``/archives/slug`` by default; ``archives_prefix`` and
    ``path_suffix`` apply; ``/?p=ID`` for ``ID``). Drafts, posts in the recycle bin and
    private posts (``status`` other than ``PUBLISHED``), the pages (``sheets``) and the
    journals (short notes) are reported; readers' comments are not read.

    References
    ----------
    .. [1] Halo 1.x, ``BackupServiceImpl.exportData`` and ``PostServiceImpl``
       (``buildFullPath``), https://github.com/halo-dev/halo/tree/v1.6.1
    """
    doc, rows, why = _json_list(text, "posts", path, "a Halo export")
    if why:
        return [], why
    options = {str(o.get("key")): o.get("value") for o in doc.get("options") or []
               if isinstance(o, dict)}
    base = str(options.get("blog_url") or "").strip().rstrip("/")
    pattern = HALO_PERMALINKS.get(str(options.get("post_permalink_type") or "DEFAULT").upper(),
                                  HALO_PERMALINKS["DEFAULT"])
    prefix = str(options.get("archives_prefix") or "archives").strip("/")
    suffix = str(options.get("path_suffix") or "").strip()
    tags = _halo_names(doc.get("tags"), doc.get("post_tags"), "tagId")
    categories = _halo_names(doc.get("categories"), doc.get("post_categories"), "categoryId")
    posts, frags = [], []
    for row in rows:
        if not isinstance(row, dict):
            continue
        title = str(row.get("title") or "").strip()
        status = str(row.get("status") or "PUBLISHED").upper()
        if status != "PUBLISHED":
            frags.append(Fragment(path=path, line=1, end_line=1,
                                  reason=f"a Halo post with status {status} (a draft, in the "
                                         f"recycle bin or private): not published",
                                  text=preview(title)))
            continue
        slug = str(row.get("slug") or row.get("url") or "").strip()
        day = parse_date(row.get("createTime"))
        y, m, d = (day or "0000-00-00").split("-")
        address = pattern.format(prefix=prefix, slug=slug, suffix=suffix, y=y, m=m, d=d,
                                 id=row.get("id"))
        html = row.get("formatContent") if isinstance(row.get("formatContent"), str) else ""
        post, flat = _post(path=path, line=1, fmt=HALO, title=title,
                           url=(base + address) if base and (day or "{y}" not in pattern)
                           else None, date=day, html=html, tags=tags.get(row.get("id"), []),
                           categories=categories.get(row.get("id"), []), slug=slug or None,
                           extra_aliases=[address] + ([f"p={row['id']}"] if "id" in row
                                                      else []))
        frags += flat
        if post.archive_id is None:     # (one line holds the whole export: the id tells)
            post = replace(post, key=f"post:{HALO}:{path}#{row.get('id', len(posts))}")
        if not html and isinstance(row.get("originalContent"), str):
            from .table import body_text

            body, links, problem = body_text(row["originalContent"])
            if problem is not None:
                frags.append(flat_reading(problem, path=path, line=1, content=True,
                                          markup=row["originalContent"]))
            post = replace(post, text=body, links=tuple(links), label=title or preview(body, 40))
        posts.append(post)
    for sheet in doc.get("sheets") or []:
        if isinstance(sheet, dict):
            frags.append(Fragment(path=path, line=1, end_line=1,
                                  reason="a Halo page (sheets), not a post",
                                  text=preview(str(sheet.get("title") or ""))))
    for journal in doc.get("journals") or []:
        if isinstance(journal, dict):
            frags.append(Fragment(path=path, line=1, end_line=1,
                                  reason="a Halo journal (a short note of the 日志 page), "
                                         "not a post",
                                  text=preview(str(journal.get("sourceContent")
                                                   or journal.get("content") or ""))))
    return posts, frags


def read_json_feed(text: str, path: str) -> tuple[list[Post], list[Fragment]]:
    """Read a JSON Feed (``feed.json``): each item is a post.

    The item's ``url`` (else its ``id`` when that is an address) is its address,
    ``title`` its title (a micro-post has none: it stays untitled), ``content_html``
    (else ``content_text``, read as Markdown, else ``summary``) its text,
    ``date_published`` (else ``date_modified``) its date and ``tags`` its tags. The
    ``external_url`` of a link post (the page the item is about) is one of its links.

    References
    ----------
    .. [1] JSON Feed Version 1.1, https://www.jsonfeed.org/version/1.1/
    """
    from .table import body_text

    _, items, why = _json_list(text, "items", path, "a JSON Feed")
    if why:
        return [], why
    lines = line_numbers(text, [m.start() for m in re.finditer(r'"id"\s*:', text)])
    posts, frags = [], []
    for n, item in enumerate(items):
        line = lines[n] if n < len(lines) else 1
        if not isinstance(item, dict):
            frags.append(Fragment(path=path, line=line, end_line=line,
                                  reason="JSON Feed item is not an object", text=""))
            continue
        title = str(item.get("title") or "").strip()
        url = next((str(v).strip() for v in (item.get("url"), item.get("id"))
                    if isinstance(v, str) and re.match(r"^https?://", v.strip(), re.I)), None)
        html = item.get("content_html")
        if isinstance(html, str) and html.strip():
            post, flat = _post(path=path, line=line, fmt=JSON_FEED, title=title, url=url,
                               date=item.get("date_published") or item.get("date_modified"),
                               html=html, tags=[str(t) for t in item.get("tags") or []
                                                if isinstance(t, (str, int))])
            frags += flat
        else:
            plain = next((str(v) for v in (item.get("content_text"), item.get("summary"))
                          if isinstance(v, str) and v.strip()), "")
            if not title and not plain:
                frags.append(Fragment(path=path, line=line, end_line=line,
                                      reason="JSON Feed item without a title or content",
                                      text=""))
                continue
            post, _ = _post(path=path, line=line, fmt=JSON_FEED, title=title, url=url,
                            date=item.get("date_published") or item.get("date_modified"),
                            html="", tags=[str(t) for t in item.get("tags") or []
                                           if isinstance(t, (str, int))])
            body, links, _ = body_text(plain)     # (Markdown or plain text: never flat)
            post = replace(post, text=body, links=tuple(links),
                           label=title or preview(body, 40))
        external = item.get("external_url")
        if isinstance(external, str) and external.strip():
            post = replace(post, links=post.links + (Link(
                url=external.strip(), anchor=title,
                sentence="(the item's external_url: the page it is about)"),))
        posts.append(post)
    return posts, frags


def _escape(text: str) -> str:
    import html

    return html.escape(text, quote=False)


# Hatena Blog names its export after the blog's domain (NAME.hatenablog.com.export.txt)
# and serves an entry at /entry/BASENAME
_HATENA_EXPORT_RE = re.compile(r"^((?:[a-z0-9-]+\.)+[a-z]{2,})\.export\.txt$", re.I)
_MT_MARKDOWN = ("markdown", "markdown_with_smartypants")
_MT_HTML = ("0", "richtext", "wysiwyg", "")


def _mt_entries(lines: list[str]) -> list[tuple[int, list[tuple[int, list[str]]]]]:
    """The entries of a Movable Type export, each ``(first line, sections)`` with each
    section ``(first line, its lines)``: entries end at a line of eight dashes,
    sections at a line of five."""
    entries, sections, chunk, start, entry_start = [], [], [], 1, 1
    for i, line in enumerate(lines, 1):
        mark = line.strip()
        if mark in ("-----", "--------"):
            sections.append((start, chunk))
            chunk, start = [], i + 1
            if mark == "--------":
                entries.append((entry_start, sections))
                sections, entry_start = [], i + 1
        else:
            chunk.append(line)
    if any(line.strip() for line in chunk) or sections:
        entries.append((entry_start, sections + [(start, chunk)]))
    return [(n, secs) for n, secs in entries if any(x.strip() for _, c in secs for x in c)]


def _mt_html(body: str, convert: str) -> str:
    """HTML of a BODY as its ``CONVERT BREAKS`` says it is written: HTML as it is
    (``0``, ``richtext``), else text whose blank lines part paragraphs and whose line
    breaks are kept (``1``, ``__default__``, Textile)."""
    if convert in _MT_HTML or re.search(r"<(?:p|div|br)\b", body, re.I):
        return body
    return "".join("<p>" + part.strip().replace("\n", "<br>") + "</p>"
                   for part in re.split(r"\n\s*\n", body) if part.strip())


def read_movable_type(text: str, path: str) -> tuple[list[Post], list[Fragment]]:
    """Read an export in the Movable Type format: each published entry is a post.

    The format is Movable Type's and TypePad's, and the backup of most Japanese blog
    services (Hatena Blog, Livedoor, FC2, Seesaa). An entry's ``TITLE``, ``DATE``
    (``MM/DD/YYYY hh:mm:ss``, the month first), ``PRIMARY CATEGORY`` and ``CATEGORY``
    lines, ``TAGS`` (comma-separated, quoted where a tag holds a comma or space) and
    ``BASENAME`` (a name its address ends with; Movable Type's default address is
    ``/YYYY/MM/BASENAME.html``, Hatena Blog's ``/entry/BASENAME`` on the domain the
    export is named after, ``NAME.hatenablog.com.export.txt``) are read; its text is
    ``BODY`` and ``EXTENDED BODY`` (the part after "continue reading"), HTML, Markdown
    or plain text with line breaks as ``CONVERT BREAKS`` says.

    Parameters
    ----------
    text : str
        The export's text.
    path : str
        Name used in sources and fragments; Hatena's file name gives the blog's domain.

    Returns
    -------
    posts : list of Post
        One per published entry.
    fragments : list of Fragment
        Entries not published (``STATUS`` of ``Draft``, ``Future``…) or carrying only
        comments (``NO ENTRY: 1``), each with its line, and once per file the readers'
        comments and trackbacks (``COMMENT``, ``PING``: not the posts' text), the
        excerpts and keywords (summaries beside the text, not read), sections of an
        unknown name and lines that are not ``KEY: VALUE`` metadata.

    References
    ----------
    .. [1] Six Apart, "The Movable Type Import / Export Format",
       https://movabletype.org/documentation/appendices/import-export-format.html
    .. [2] はてなブログ ヘルプ, "ブログのデータをエクスポートする",
       https://help.hatenablog.com/entry/export
    """
    import csv

    from .markdown import markdown_to_text

    hatena = _HATENA_EXPORT_RE.match(path.replace("\\", "/").rsplit("/", 1)[-1])
    posts, frags = [], []
    aside: dict[str, list[int]] = {}       # what is not read -> the lines where it stands
    for line, sections in _mt_entries(text.splitlines()):
        meta, parts = _mt_fields(sections, aside)
        title = (meta.get("TITLE") or [""])[0]
        status = (meta.get("STATUS") or ["Publish"])[0]
        if status.casefold() != "publish" or (meta.get("NO ENTRY") or ["0"])[0] == "1":
            why = ("only comments for an entry (NO ENTRY: 1)" if status.casefold() == "publish"
                   else f"status {status!r}")
            frags.append(Fragment(path=path, line=line, end_line=line,
                                  reason=f"Movable Type entry with {why}: not a published post",
                                  text=preview(title)))
            continue
        body = "\n".join(parts.get("BODY", []) + parts.get("EXTENDED BODY", []))
        convert = (meta.get("CONVERT BREAKS") or [""])[0].casefold()
        basename = (meta.get("BASENAME") or [""])[0].strip("/")
        date = parse_date((meta.get("DATE") or [""])[0], month_first=True)  # MM/DD/YYYY
        host = hatena.group(1).lower() if hatena else None
        url = f"https://{host}/entry/{basename}" if host and basename else None
        extra = [basename] if basename else []
        if basename and "/" not in basename and date:
            extra.append(f"/{date[:4]}/{date[5:7]}/{basename}.html")   # MT's default address
        tags = [t.strip() for row in meta.get("TAGS", [])
                for t in next(csv.reader([row]), []) if t.strip()]
        categories = list(dict.fromkeys(meta.get("PRIMARY CATEGORY", [])
                                        + meta.get("CATEGORY", [])))
        post, flat = _post(path=path, line=line, fmt=MOVABLE_TYPE, title=title, url=url,
                           date=date,
                           html="" if convert in _MT_MARKDOWN else _mt_html(body, convert),
                           tags=tags, categories=[c for c in categories if c],
                           slug=basename.rsplit("/", 1)[-1] or None, extra_aliases=extra)
        frags += flat
        if convert in _MT_MARKDOWN:
            plain, links = markdown_to_text(body.splitlines())
            post = replace(post, text=plain, links=tuple(links), label=title or preview(plain, 40))
        posts.append(post)
    for name, where in aside.items():
        why = _MT_ASIDE.get(name, f"× {name}: not read")
        frags.append(Fragment(path=path, line=where[0], end_line=where[-1],
                              reason=f"{len(where)} {why}", text=""))
    return posts, frags


# what of an entry is not its post's text, as the report says it
_MT_ASIDE = {"COMMENT": "readers' comments of the entries: not the posts' text",
             "PING": "trackbacks (pings) of the entries: not the posts' text",
             "EXCERPT": "excerpts of the entries: summaries beside the posts' text, not read",
             "KEYWORDS": "keyword fields of the entries: summaries beside the posts' text, "
                         "not read"}


def _mt_fields(sections: list[tuple[int, list[str]]], aside: dict[str, list[int]]
               ) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """An entry's metadata (``KEY: VALUE`` lines of its first section, each key's values
    in order) and its ``BODY`` and ``EXTENDED BODY`` texts; the lines of every other
    section and of any line that is no metadata are added to ``aside`` under its name."""
    meta: dict[str, list[str]] = {}
    meta_start, meta_lines = sections[0]
    for k, row in enumerate(meta_lines):
        key, sep, value = row.partition(":")
        if sep and key.strip() in _MT_KEYS:
            meta.setdefault(key.strip(), []).append(value.strip())
        elif row.strip():
            aside.setdefault("a line that is not KEY: VALUE metadata", []).append(meta_start + k)
    parts: dict[str, list[str]] = {}
    for start, chunk in sections[1:]:
        lead = next((k for k, row in enumerate(chunk) if row.strip()), None)
        if lead is None:
            continue
        name = chunk[lead].strip().rstrip(":").strip()
        if name in ("BODY", "EXTENDED BODY") and chunk[lead].strip().endswith(":"):
            parts.setdefault(name, []).append("\n".join(chunk[lead + 1:]))
        else:
            aside.setdefault(name if name in _MT_SECTIONS else f"a section named {name!r}, "
                             "which the format does not have", []).append(start + lead)
    return meta, parts
