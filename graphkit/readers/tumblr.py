"""Reader of Tumblr blogs as their backups keep them: tumblr-backup's pages and the posts
of Tumblr's API.

Tumblr numbers every post across all blogs and serves it at
``https://NAME.tumblr.com/post/ID/slug`` (a blog's own domain keeps ``/post/ID/slug``),
at ``https://www.tumblr.com/NAME/ID`` and by a short link ``https://tmblr.co/CODE``; the
number names the post in all of them (:func:`graphkit.sites.tumblr_post_alias`), and so
do the files below.

- tumblr-backup (the backup tool most Tumblr writers use) writes each post as a page
  ``posts/ID.html`` (``posts/ID/index.html`` with ``--dirs``): the blog's title in the
  page's ``<title>`` and ``<h1>``, then one ``<article id=p-ID>`` holding a header
  (``<time datetime>``, a ``¶`` link to the page itself, a ``●`` link to the short
  link, and ``⬀``/``⬈`` links to where a reblog came from), the post's title as an
  ``<h2>`` when it has one, its content, and a footer of tag links
  (``https://NAME/tagged/TAG``) and the note count. The monthly pages
  (``archive/YYYY-MM-pN.html``), the index and the tag indexes repeat the posts' articles
  or list them: they are set aside, and so are the posts of a ``--likes`` backup
  (``<article class=liked-…>``: other blogs' posts).
- Tumblr's API gives each post as an object (``id``, ``blog_name``, ``post_url``,
  ``short_url``, ``slug``, ``type``, ``timestamp``, ``state``, ``tags`` and, by its
  ``type``, ``title`` and ``body``, ``caption``, ``question`` and ``answer``…):
  tumblr-backup's ``--json`` keeps one per file (``json/ID.json``), and tools that dump
  the API keep them in a list or in the API's own response (``{"response": {"posts":
  […]}}``). A post whose ``state`` is not ``published`` (a draft, a queued or private
  post) is reported, not read.

A post seen in both (a backup made with ``--json``) is one post: its sightings share
the post's number (:func:`graphkit.merge.merge_posts`).

References
----------
.. [1] tumblr-backup, "How tumblr-backup Works" (the backup's folders),
   https://cebtenzzre.github.io/tumblr-utils/operation/ ; the pages as
   ``TumblrPost.get_post`` writes them, https://github.com/bbolli/tumblr-utils
.. [2] Tumblr API v2, "Posts" (the post object and its fields by type),
   https://www.tumblr.com/docs/en/api/v2
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import PurePosixPath

from ..model import Fragment, Post
from ..sites import tumblr_post_alias
from ..text import loads_json, preview

TUMBLR_JSON = "tumblr-json"
TUMBLR_BACKUP = "tumblr-backup"
# a page of tumblr-backup: the post's article, named by its number, and its ¶ link
# (inside one tag: a scan stops at the next <, so openers never closed cost linear time)
_ARTICLE_RE = re.compile(r"""<article\b[^<>]*?\bid=["']?p-\d+""", re.I)
_PERMALINK_RE = re.compile(r"""class=["']?llink\b""", re.I)
# its index: <body class=index>, linking the monthly pages archive/YYYY-MM-pN.html
_INDEX_RE = re.compile(r"""<body\s+class=["']?index\b""", re.I)
_MONTH_LINK_RE = re.compile(r"""href=["']?archive/\d{4}-\d{2}\b""", re.I)
# a post object of Tumblr's API (tumblr-backup sorts its keys: the body comes first)
_POST_KEYS_RE = re.compile(r'"(post_url|blog_name)"\s*:\s*"')
_OPENS_RE = re.compile(r"\s*[\[{]")
_TAGGED_RE = re.compile(r"^https?://([^/?#]+)/tagged/", re.I)
PUBLISHED = "published"
FURNITURE = ("the post's header and footer (its time, links to itself and to a reblog's "
             "sources, its tags, its note count): read as its day, names and tags, no text")
SHORT_LINK_MARK = "●"     # the text of the header's link to the post's short link
LISTED = ("a page of a tumblr-backup that repeats or lists posts (a month, the index, a "
          "tag): each post is read from its own page, posts/ID.html")
LIKED = "a post another blog wrote, which this blog liked (a --likes backup): not its own"


def detect_backup_page(text: str) -> bool:
    """True for a page tumblr-backup wrote: a post's ``<article id=p-ID>`` and its ``¶``
    link (``class=llink``), or the backup's index (``<body class=index>`` linking the
    monthly pages ``archive/YYYY-MM-pN.html``)."""
    return (_ARTICLE_RE.search(text) is not None and _PERMALINK_RE.search(text) is not None) \
        or (_INDEX_RE.search(text) is not None and _MONTH_LINK_RE.search(text) is not None)


def detect_json(text: str, path: str) -> bool:
    """True for a ``.json`` file holding posts of Tumblr's API (``post_url`` and
    ``blog_name``)."""
    return (path.lower().endswith(".json") and _OPENS_RE.match(text) is not None
            and len({m.group(1) for m in _POST_KEYS_RE.finditer(text)}) == 2)


def _own_page(path: str, number: str) -> bool:
    """True when ``path`` is the post's own page: ``ID.html``, or ``ID/index.html``
    (a page renamed is known by the class tumblr-backup gives a post's ``<body>``,
    ``post``)."""
    p = PurePosixPath(path)
    return (p.stem == number and p.suffix.lower() in (".html", ".htm")) or (
        p.name.lower() in ("index.html", "index.htm") and p.parent.name == number)


def read_backup_page(text: str, path: str) -> tuple[list[Post], list[Fragment]]:
    """Read one page of a tumblr-backup.

    The page is read as any saved page (:func:`graphkit.readers.html.read_html`), then
    given what tumblr-backup's layout says of it: the post's title is its article's
    ``<h2>`` after its header (none: an untitled post, named by its text), not the
    blog's ``<h1>``; its day is the header's ``<time datetime>`` (UTC); its tags are the
    footer's tag links; its names are its number (``tumblr/ID``) and its short link, and
    its address is ``https://HOST/post/ID`` when a tag link names the blog's host. The
    article's header and footer (the time, the page itself, its short link, a reblog's
    sources, the tags and the note count) are neither text nor citations.

    Parameters
    ----------
    text : str
        The page.
    path : str
        Its name in the report.

    Returns
    -------
    posts : list of Post
        The post, or none for a page that only repeats posts (a month, the index) or
        holds another blog's post (a ``--likes`` backup).
    fragments : list of Fragment
        As :func:`graphkit.readers.html.read_html` gives them, or the page set aside.
    """
    from .dom import parse_html
    from .html import _block_text, read_html

    tree, nesting = parse_html(text)
    if nesting is not None:     # a tag soup: read flat (its articles are no more), reported
        return read_html(text, path)
    articles = tree.css("article[id]")
    found = [(m.group(1), a) for a in articles
             if (m := re.fullmatch(r"p-(\d+)", a.attributes.get("id") or ""))]
    nlines = text.count("\n") + 1
    body_class = (tree.body.attributes.get("class") or "").split() if tree.body else []
    if len(found) != 1 or not (_own_page(path, found[0][0]) or "post" in body_class):
        return [], [Fragment(path=path, line=1, end_line=nlines, reason=LISTED,
                             text=preview(tree.body.text(separator=" ") if tree.body else ""))]
    number, article = found[0]
    if (article.attributes.get("class") or "").startswith("liked-"):
        return [], [Fragment(path=path, line=1, end_line=nlines, reason=LIKED,
                             text=preview(_block_text(article)))]
    first = next((n for n in article.iter() if n.tag != "header"), None)
    heading = first if first is not None and first.tag == "h2" else None
    title = _block_text(heading) if heading is not None else ""
    stamp = article.css_first("article > header time[datetime]")
    day = re.match(r"\d{4}-\d{2}-\d{2}", stamp.attributes.get("datetime") or "") \
        if stamp is not None else None
    tags, host, aliases = [], None, {f"tumblr/{number}"}
    parts = article.css("article > header, article > footer")
    furniture = " ".join(_block_text(part) for part in parts)
    for part in parts:
        for a in part.css("a[href]"):
            href = a.attributes.get("href") or ""
            m = _TAGGED_RE.match(href)
            if m:
                host = host or m.group(1).lower()
                tags.append(_block_text(a).lstrip("#").strip())
            elif (alias := tumblr_post_alias(href)) and alias.startswith("tumblr/short/") \
                    and _block_text(a) == SHORT_LINK_MARK:
                aliases.add(alias)
        part.decompose()        # (the page's own links, a reblog's sources, the tags: no text)
    if heading is not None:
        heading.decompose()
    posts, frags = read_html(tree.html or "", path)
    if not posts:
        return posts, frags
    if furniture.strip():
        frags.append(Fragment(path=path, line=1, end_line=nlines, reason=FURNITURE,
                              text=preview(furniture)))
    post = posts[0]
    url = f"https://{host}/post/{number}" if host else post.url
    return [replace(post, title=title, label=title or preview(post.text, 40),
                    untitled=not title, date=day.group() if day else post.date, url=url,
                    tags=tuple(dict.fromkeys((*post.tags, *(t for t in tags if t)))),
                    aliases=tuple(sorted(set(post.aliases) | aliases)))], frags


def _api_posts(doc) -> tuple[list, int] | None:
    """The post objects of an API document and the nesting their objects open at: one
    post (0), a list of posts (1), ``{"posts": […]}`` (2) or the API's response
    (``{"response": {"posts": […]}}``, 3); None for any other document."""
    depth = 0
    if isinstance(doc, dict) and isinstance(doc.get("response"), dict):
        doc, depth = doc["response"], 1
    if isinstance(doc, dict) and isinstance(doc.get("posts"), list):
        return doc["posts"], depth + 2
    if isinstance(doc, dict):
        return [doc], depth
    return (doc, 1) if isinstance(doc, list) else None


def post_content(post: dict) -> tuple[str, str]:
    """``(title, HTML content)`` of a post object of Tumblr's API, by its ``type``.

    A text or chat post's ``title`` and ``body``; a link post's ``title`` (else its
    ``url``) and a link to that ``url`` before its ``description``; an answer's
    ``question`` and ``answer``; a quote's ``text`` and ``source``; a photo's, video's
    or audio's ``caption`` (untitled, as Tumblr shows them).

    >>> post_content({"type": "link", "url": "https://arxiv.org/abs/1706.03762",
    ...               "title": "Attention", "description": "<p>读过</p>"})
    ('Attention', '<p><a href="https://arxiv.org/abs/1706.03762">Attention</a></p>\\n<p>读过</p>')
    """
    def field(name: str) -> str:
        value = post.get(name)
        return value.strip() if isinstance(value, str) else ""

    kind = field("type").lower()
    if kind == "link":
        title = field("title") or field("url")
        link = (f'<p><a href="{field("url")}">{title}</a></p>\n') if field("url") else ""
        return title, link + field("description")
    if kind == "answer":
        return field("question"), field("answer")
    if kind == "quote":
        return "", "\n".join(p for p in (field("text"), field("source")) if p)
    if kind in ("photo", "video", "audio"):
        return "", field("caption")
    return field("title"), field("body") or field("caption")


def _date(post: dict) -> str | None:
    """The post's day (UTC) from its ``timestamp`` (seconds since 1970), else its
    ``date`` (``2021-03-05 02:00:00 GMT``)."""
    stamp = post.get("timestamp")
    if isinstance(stamp, (int, float)) and not isinstance(stamp, bool):
        try:
            return datetime.fromtimestamp(stamp, timezone.utc).date().isoformat()
        except (OverflowError, OSError, ValueError):
            pass
    m = re.match(r"\s*(\d{4}-\d{2}-\d{2})\b", str(post.get("date") or ""))
    return m.group(1) if m else None


def read_api_json(text: str, path: str) -> tuple[list[Post], list[Fragment]]:
    """Read posts of Tumblr's API: a post object, a list of them, or an API response.

    Parameters
    ----------
    text : str
        The file's text.
    path : str
        Its name in the report.

    Returns
    -------
    posts : list of Post
        Each published post: its title and HTML content by type (:func:`post_content`),
        its day (UTC), ``tags``, address ``post_url`` and the names its number and short
        link give it (``tumblr/ID``, ``tumblr/short/CODE``).
    fragments : list of Fragment
        A post whose ``state`` is not ``published``, an item that is not a post, each
        with its line; the whole file when it holds no posts.
    """
    from .table import _row_post, object_lines_at

    try:
        found = _api_posts(loads_json(text))
    except (ValueError, RecursionError) as exc:
        found, why = None, type(exc).__name__
    else:
        why = "no post objects"
    if found is None:
        return [], [Fragment(path=path, line=1, end_line=1,
                             reason=f"not posts of Tumblr's API ({why})", text=preview(text))]
    items, depth = found
    lines = object_lines_at(text, (depth,))[depth]
    if len(lines) != len(items):       # (an item that is not an object opens no line)
        lines = [1] * len(items)
    posts, frags = [], []
    for item, n in zip(items, lines):
        if not isinstance(item, dict) or not item.get("post_url"):
            frags.append(Fragment(path=path, line=n, end_line=n,
                                  reason="not a post of Tumblr's API (no post_url)",
                                  text=preview(str(item))))
            continue
        title, content = post_content(item)
        state = str(item.get("state") or PUBLISHED).strip().lower()
        if state != PUBLISHED:
            frags.append(Fragment(path=path, line=n, end_line=n,
                                  reason=f"a Tumblr post not published (state: {state})",
                                  text=preview(title or content)))
            continue
        tags = item.get("tags") if isinstance(item.get("tags"), list) else []
        number = str(item.get("id_string") or item.get("id") or "").strip()
        short = str(item.get("short_url") or "").strip()
        found, flat = _row_post({"title": title, "content": content, "url": item["post_url"],
                           "date": _date(item), "tags": [str(t) for t in tags],
                           "slug": item.get("slug") if isinstance(item.get("slug"), str)
                           else ""}, path, n)
        frags += flat
        if isinstance(found, str):
            frags.append(Fragment(path=path, line=n, end_line=n, reason=found,
                                  text=preview(title or content)))
            continue
        names = {f"tumblr/{number}"} if number.isdigit() else set()
        names |= {a for a in [tumblr_post_alias(short)] if a}
        posts.append(replace(found, key=f"post:{TUMBLR_JSON}:{path}#{number or len(posts)}",
                             aliases=tuple(sorted(set(found.aliases) | names))))
    return posts, frags
