"""Reader of Yuque (语雀) knowledge bases as Yuque exports them: a ``.lakebook``.

A ``.lakebook`` is a tar (gzip-compressed) of one folder: ``$meta.json``, the book (its
``name``, its address ``path`` and its table of contents ``tocYml``), and one
``SLUG.json`` per document, ``{"doc": {…}}`` with the document's ``title``, ``slug``,
``type``, ``status``, dates and body. The body is Lake, Yuque's HTML: paragraphs,
headings, lists, tables and links as HTML, and *cards* (``<card name="…"
value="data:…">``) for what HTML has no element for, their content URL-encoded JSON in
``value``. Code blocks, formulas, images, diagrams and embedded documents are cards, not
text; a bookmark card (``bookmarkInline``, ``bookmarklink``: an address pasted and shown
as the title of what it names) is a link. A document is at ``BOOK/SLUG`` on Yuque, and
other documents link it so (``https://www.yuque.com/USER/BOOK/SLUG``): its slug names it.

The archive is read as a folder (:mod:`graphkit.readers.archive`), so the same folder
unpacked is read alike. ``$meta.json`` is the site's configuration
(:func:`graphkit.sites.read_site_config`): the book's address gives each document its
own; without it a document is still reached by its slug.

References
----------
.. [1] alswl, "yuque2markdown" (a converter of ``.lakebook`` files: ``$meta.json``'s
   nested ``meta``, ``tocYml``, the documents' ``doc.body``),
   https://github.com/alswl/yuque2markdown
"""

from __future__ import annotations

import html
import re
from urllib.parse import unquote

from ..model import Fragment, Post
from ..text import loads_json, preview
from .exports import _post

YUQUE = "yuque-lakebook"
META_NAME = "$meta.json"
# a document's file: {"doc": {"FIELD": … — its first field one of a Yuque document's
_DOC_HEAD_RE = re.compile(
    r'\s*\{\s*"doc"\s*:\s*\{\s*"(?:id|slug|type|title|format|status|public|tags|cover|'
    r'description|book_id|user_id|last_editor_id|draft_version|body\w*|custom_\w+|'
    r'\w+_(?:at|count|status))"\s*:')
_CARD_RE = re.compile(r"<card\b([^<>]*+)>(?:\s*</card>)?", re.I)
_ATTR_RE = re.compile(r"""\b(name|value)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
# the cards that are links (an address pasted, shown by what it names)
LINK_CARDS = frozenset({"bookmarkinline", "bookmarklink"})


def detect(text: str, path: str) -> bool:
    """True for one document of a Yuque book: a ``.json`` file ``{"doc": {…}}`` whose
    first field is one Yuque writes."""
    if not path.lower().endswith(".json"):  # (before reading a large file's text)
        return False
    return _DOC_HEAD_RE.match(text[:4096]) is not None


def card_data(value: str) -> dict | None:
    """The JSON object a Lake card's ``value`` holds, or None.

    Yuque writes it ``data:`` and URL-encoded JSON; older documents plain JSON, or JSON
    with HTML entities.

    >>> card_data("data:%7B%22src%22%3A%22https%3A%2F%2Fa.example%2Fx%22%7D")
    {'src': 'https://a.example/x'}
    >>> card_data('{&quot;src&quot;:&quot;/x&quot;}'), card_data("data:%7Bbroken")
    ({'src': '/x'}, None)
    """
    v = html.unescape(value.strip())
    if v.startswith("data:"):
        v = unquote(v[5:])
    try:
        data = loads_json(v)
    except (ValueError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


def _card(match: re.Match) -> str:
    """A link card as the HTML link it shows; any other card as nothing (its content
    is no prose: code, a formula, an image, an embedded document)."""
    attrs = {m.group(1).lower(): m.group(2) if m.group(2) is not None else m.group(3)
             for m in _ATTR_RE.finditer(match.group(1))}
    if (attrs.get("name") or "").lower() not in LINK_CARDS or not attrs.get("value"):
        return ""
    data = card_data(attrs["value"]) or {}
    detail = data.get("detail") if isinstance(data.get("detail"), dict) else {}
    src = next((v for v in (data.get("src"), detail.get("url")) if isinstance(v, str) and v),
               "")
    if not src:
        return ""
    label = next((v for v in (data.get("text"), detail.get("title")) if isinstance(v, str)
                  and v.strip()), src)
    return f'<a href="{html.escape(src)}">{html.escape(label)}</a>'


def lake_html(body: str) -> str:
    """Lake's HTML as plain HTML: each link card an ``<a>``, other cards dropped.

    >>> lake_html('<p>see <card type="inline" name="bookmarkInline" '
    ...           'value="data:%7B%22src%22%3A%22%2Fu%2Fb%2Fx%22%7D"></card> and '
    ...           '<card name="math" value="data:%7B%22code%22%3A%22x%22%7D"></card></p>')
    '<p>see <a href="/u/b/x">/u/b/x</a> and </p>'
    """
    return _CARD_RE.sub(_card, body) if "<card" in body.lower() else body


def read_yuque_doc(text: str, path: str) -> tuple[list[Post], list[Fragment]]:
    """Read one document of a Yuque book (``SLUG.json`` of a ``.lakebook``).

    Parameters
    ----------
    text : str
        The file's text: ``{"doc": {…}}``.
    path : str
        Its report name.

    Returns
    -------
    posts : list of Post
        The document (none when it is a draft, another kind than a document, or not
        Yuque's): ``title``; ``slug``, its address inside the book; the day it was first
        published (``first_published_at``, else ``published_at``, else ``created_at``);
        the text and links of its published body (``body``, else ``body_asl``, else
        ``body_html``), cards read by :func:`lake_html`.
    fragments : list of Fragment
        Why a file gave no post.
    """
    def aside(reason: str, title: str = "") -> tuple[list[Post], list[Fragment]]:
        return [], [Fragment(path=path, line=1, end_line=text.count("\n") + 1,
                             reason=reason, text=preview(title))]

    try:
        doc = loads_json(text)["doc"]
        if not isinstance(doc, dict):
            raise TypeError("doc is not an object")
    except (ValueError, KeyError, TypeError, RecursionError) as exc:
        return aside(f"not a Yuque document ({type(exc).__name__})")
    title = doc.get("title") if isinstance(doc.get("title"), str) else ""
    kind = doc.get("type") if isinstance(doc.get("type"), str) else "Doc"
    if kind.lower() != "doc":        # a sheet, a board (画板), a data table: no prose
        return aside(f"a Yuque {kind} (not a document), not a post", title)
    if doc.get("status") in (0, "0"):
        return aside("a Yuque draft (status 0): not a published document", title)
    body = next((v for v in (doc.get(k) for k in ("body", "body_asl", "body_html"))
                 if isinstance(v, str) and v.strip()), "")
    slug = doc.get("slug") if isinstance(doc.get("slug"), (str, int)) else None
    slug = str(slug).strip() if slug is not None else None
    date = next((v for v in (doc.get(k) for k in (
        "first_published_at", "published_at", "created_at")) if isinstance(v, str) and v), None)
    tags = [t.get("title") or t.get("name") if isinstance(t, dict) else t
            for t in (doc.get("tags") if isinstance(doc.get("tags"), list) else ())]
    post, flat = _post(path=path, line=1, fmt=YUQUE, title=title.strip(), url=None, date=date,
                       html=lake_html(body), tags=[t for t in tags if isinstance(t, str) and t],
                       slug=slug or None)
    return [post], flat


def book_config(text: str) -> tuple[tuple[str, str], ...] | None:
    """What :func:`graphkit.sites.read_site_config` reads of a book's ``$meta.json``:
    ``("generator", "yuque")``, the book's address (``book.path``: an address, or
    ``USER/BOOK`` on www.yuque.com) and its name; None when the file is not Yuque's
    (its ``meta`` holds no ``book``: another app's file of that name must not make its
    folder a Yuque book).

    ``meta`` is itself JSON written as a string.

    >>> import json
    >>> book_config(json.dumps({"meta": json.dumps(
    ...     {"book": {"name": "机器学习笔记", "path": "xiaolin/ml", "tocYml": ""}})}))
    (('generator', 'yuque'), ('url', 'https://www.yuque.com/xiaolin/ml'), ('title', '机器学习笔记'))
    >>> book_config(json.dumps({"meta": json.dumps({"book": {}})})), book_config('{"meta": {}}')
    ((('generator', 'yuque'),), None)
    """
    try:
        meta = loads_json(text)["meta"]
        if isinstance(meta, str):
            meta = loads_json(meta)
        if not isinstance(meta, dict):
            return None
    except (ValueError, KeyError, TypeError, RecursionError):
        return None
    book = meta.get("book")
    if not isinstance(book, dict):
        return None
    out: list[tuple[str, str]] = [("generator", "yuque")]
    where = book.get("path") if isinstance(book.get("path"), str) else ""
    where = where.strip().rstrip("/")
    if re.match(r"^https?://[^/\s]+/\S+$", where, re.I):
        out.append(("url", where))
    elif re.match(r"^[\w.-]+/[\w.-]+$", where):     # a namespace: the user's, the book's
        out.append(("url", f"https://www.yuque.com/{where}"))
    name = book.get("name")
    if isinstance(name, str) and name.strip():
        out.append(("title", name.strip()))
    return tuple(out)
