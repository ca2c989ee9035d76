"""Reader of JSONL and CSV exports: one post per row.

A row needs at least a ``title`` or a ``url``; ``date``, ``tags``, ``categories`` and
``text`` (or ``body``/``content``) are read when present. Tags may be a list or a
comma-separated string. A row that cannot be read is reported with its line.

The text may be Markdown (its links are read as in a Markdown file, generator syntax
included) or HTML (read as a feed entry's content); a field wrapped as
``{"rendered": …}`` (WordPress's REST API) is unwrapped. A ``links`` (or ``outlinks``)
column of URLs, or of objects with ``url``/``href`` and optional ``text``, adds links
that the text does not show (also named ``links_to``, ``out_links``, ``internal_links``,
``linked_posts``, ``cites``, ``citations`` or ``references``); in a JSON or JSON Lines
file such a list may name other rows of the file by their ``id`` (``"links_to": [3, 7]``),
and a value with neither ``/`` nor a scheme names a post by its slug or whole title.
The table of a Notion database (``Name ID.csv``,
``Name ID_all.csv``) names its posts in its first column, whatever its header; a row of
Substack's ``posts.csv`` gets its post's number and path (:mod:`graphkit.readers.substack`),
a row of WriteFreely's CSV export its text's line breaks, title and blog's path
(:mod:`graphkit.readers.writefreely`).
A CSV with neither a ``title`` nor a ``url`` column is no table of posts (a subscribers'
list, statistics): it is reported once, whole. A text of Portable Text blocks (Sanity's
documents) is read by :mod:`graphkit.readers.portable`, a Contentful space export's
entries and their Rich Text by :mod:`graphkit.readers.contentful`.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import html
import io
import json
import re
from dataclasses import replace
from pathlib import PurePosixPath

from ..model import Fragment, Link, Post, Source
from ..sites import block_ref, canonical_from_meta, notion_page_id, title_ref
from ..text import (TAG_RE, iter_lines, line_numbers, loads_json, normalize_title, preview,
                    split_lines)
from .frontmatter import (DATE_KEYS, SERIES_KEY, _as_list, detect as detect_front_matter,
                          front_matter_block, post_date, series_of_names, unpublished,
                          url_aliases)
from .capture import page_in_text
from .html import flat_reading, read_html_content, whole_page
from .kexue import SITE_URL, archive_link_id
from .markdown import markdown_to_text
from .portable import is_portable_text, is_rich_tree, portable_text, rich_tree
from . import contentful, substack, writefreely

TABLE = "table"
MAX_JSON_DEPTH = 32          # a post row is a flat object; deeper nesting is refused
# a JSON string, or one never closed (to the end: taken whole at once, so that no later
# quote starts a scan of its own, which made a long line of them quadratic)
_JSON_STRING_RE = re.compile(r'"(?:[^"\\]|\\.?)*+(?:"|\Z)', re.S)
# the text of a row, first found first: generic names, then those of JSON Feed
# (content_html, content_text), DEV's export (body_markdown), Hashnode's (contentMarkdown),
# and a site's search index (Hugo themes' index.json: contents, plain)
TEXT_COLUMNS = ("text", "body", "content", "content_html", "body_html", "html",
                "body_markdown", "contentmarkdown", "content_markdown", "markdown",
                "content_text", "articlebody", "post_content", "contents", "plain", "excerpt")
# a row's title: generic, schema.org's Article (headline), a WordPress database's
# wp_posts table (post_title); a row with a text may be titled by its name
TITLE_COLUMNS = ("title", "headline", "post_title")
# a row's own address besides ADDRESS_KEYS (url, link, canonical…): a scraper's
# (Firecrawl's metadata.sourceURL, source_url; trafilatura's JSON: source) when absolute
URL_COLUMNS = ("url", "link", "sourceurl", "source_url", "ogurl", "og_url", "source")
# objects a row keeps its fields in (a scraper's metadata, a CMS's fields, a document's
# front matter): read as the row's own where the row has none of that name
ROW_CONTAINERS = ("metadata", "meta", "frontmatter", "front_matter", "fields", "document",
                  "article", "post", "page", "data")
# a WordPress database's wp_posts rows that are no posts: pages, media, revisions, menus
WORDPRESS_TYPES = frozenset({"post"})
# the date keys of front matter as a row's lower-cased keys hold them (pubDate: pubdate),
# and the columns of exports made for spreadsheets (Bear Blog's "published date", "first
# published at": see _column), and a scraper's page metadata (Open Graph's
# article:published_time as Firecrawl's publishedTime)
_FOLDED_DATE_KEYS = {k: k.casefold() for k in (*DATE_KEYS, "published_date", "publish_date",
                                              "first_published_at", "created_at",
                                              "publishedTime", "published_time")}
# a row's tags: generic, DEV's (tag_list), Blogger's API (labels); failing those (in a
# row or its text's front matter), as in front matter, its topics or keywords
TAG_COLUMNS = ("tags", "tag_list", "cached_tag_list", "all_tags", "labels")
TAG_FALLBACK_COLUMNS = ("topics", "keywords")
# a row's categories: a list, or one under the singular (a scraper's, a CMS's "category")
CATEGORY_COLUMNS = ("categories", "category")
_YES = ("true", "yes", "1")
# keys under which a JSON document holds its list of posts
JSON_LIST_KEYS = ("posts", "articles", "items", "entries", "data")
LINK_COLUMNS = ("links", "outlinks", "out_links", "internal_links", "links_to", "linked_posts",
                "cites", "citations", "references")
LISTED = "(listed in the "          # how a link of a link column is marked (its sentence)
# a row's id that other rows' link lists may name it by (a number or a short token)
_ROW_ID_RE = re.compile(r"[A-Za-z0-9_.:-]{1,100}")
# block-level tags: a text holding one (and no Markdown link) is HTML
_HTML_BODY_RE = re.compile(r"<(?:p|div|br|h[1-6]|li|ul|ol|blockquote|pre|table|article|"
                           r"section|figure)\b[^>]*>", re.I)


def detect(path: str) -> str | None:
    """``"jsonl"``, ``"csv"`` or ``"json"`` from the file name, else None."""
    low = path.lower()
    if low.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if low.endswith(".csv"):
        return "csv"
    if low.endswith(".json"):
        return "json"
    return None


def _cell(value):
    """A field's value, unwrapped from WordPress's ``{"rendered": …}`` objects (and
    Sanity's slugs, ``{"current": …}``); a Rich Text document or an editor's tree stays
    whole."""
    if isinstance(value, dict) and not contentful.is_rich_text(value) \
            and not is_rich_tree(value):
        return next((value[k] for k in ("rendered", "html", "markdown", "text", "raw", "current")
                     if isinstance(value.get(k), str)), "")
    return value


def body_text(text: str) -> tuple[str, list[Link], str | None]:
    """Plain text and links of a row's text, read as HTML when it holds block-level tags
    and no Markdown link, else as Markdown; and why its HTML was read flat, or None
    (:func:`graphkit.readers.html.read_html_content`).

    >>> body_text("As I wrote [before](/p/first/).")[1][0].url
    '/p/first/'
    >>> body_text('<p>See <a href="/p/second/">this</a>.</p>')[1][0].anchor
    'this'
    """
    if "<" in text and "](" not in text and _HTML_BODY_RE.search(text):
        return read_html_content(text)
    return (*markdown_to_text(text.splitlines(), site_links=True), None)


def listed_links(value, column: str) -> list[Link]:
    """Links of a ``links`` column: a list of URLs or of ``{url|href, text}`` objects, or
    URLs separated by white space or commas (a CSV cell)."""
    if isinstance(value, str):
        value = [v for v in re.split(r"[\s,]+", value) if v]
    if not isinstance(value, (list, tuple)):
        return []
    out = []
    for item in value:
        if isinstance(item, int) and not isinstance(item, bool):
            item = str(item)                # another row's id (see link_rows_by_id)
        url, anchor = (item, "") if isinstance(item, str) else (
            (item.get("url") or item.get("href"), item.get("text") or item.get("anchor") or "")
            if isinstance(item, dict) else (None, ""))
        if isinstance(url, str) and url.strip():
            out.append(Link(url=url.strip(), anchor=str(anchor),
                            sentence=f"{LISTED}{column} column)"))
    return out


def row_id(row: dict) -> str | None:
    """A row's ``id`` (Sanity's ``_id``) as other rows' link lists and references name it
    (a number or a token of at most 100 ASCII letters, digits, ``.``, ``:``, ``_`` and
    ``-``), else None."""
    value = row.get("id", row.get("_id"))
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None
    value = str(value).strip()
    return value if _ROW_ID_RE.fullmatch(value) else None


def _cms_document(row: dict) -> str | None:
    """Why a row of a headless CMS's export is no post, else None: Sanity's drafts
    (``_id`` ``drafts.…``) and its own documents (``_type`` ``sanity.…`` or ``system.…``:
    image assets, settings), and a typed document with neither text nor date (an author,
    a category).

    References
    ----------
    .. [1] Sanity, "Export a dataset" (documents as NDJSON, drafts included by default),
       https://www.sanity.io/docs/content-lake/exporting-data
    """
    kind = row.get("_type")
    if not isinstance(kind, str) or not kind:
        return None
    if str(row.get("_id") or "").startswith("drafts."):
        return f"a draft of a {kind} document (drafts.…), not published"
    if kind.startswith(("sanity.", "system.")):
        return f"a {kind} document: the CMS's own, not a post"
    if not _text_column(row) and not any(row.get(f) for f in _FOLDED_DATE_KEYS.values()):
        return f"a {kind} document with neither text nor date: not a post"
    return None


def _id_alias(path: str, rid: str) -> str:
    """The alias a row of the file ``path`` gets for its id: ids are a file's own (two
    files' rows ``1`` are two posts), so the file's name is part of it."""
    return f"id:{_file_tag(path)}-{rid}".lower()


@functools.lru_cache(maxsize=64)
def _file_tag(path: str) -> str:
    return hashlib.sha1(path.encode("utf-8")).hexdigest()[:12]


def link_rows_by_id(posts: list[Post], ids: list[str | None], path: str) -> list[Post]:
    """Turn the listed links (:data:`LINK_COLUMNS`) that name another row of the same JSON
    file by its id into links to that row's post (``site-ref:id:…``, the row's alias),
    and those that name a post by its slug or title into links by that name
    (:func:`_listed_target`); each post of ``posts`` is the row of the same place in
    ``ids`` (its :func:`row_id`). A listed address stays an address."""
    known = {i for i in ids if i is not None}
    out = []
    for post in posts:
        if any(x.sentence.startswith(LISTED) for x in post.links):
            post = replace(post, links=tuple(
                _listed_target(x, known, path) if x.sentence.startswith(LISTED) else x
                for x in post.links))
        out.append(post)
    return out


def resolve_named_refs(posts: list[Post], names: dict[str, str]) -> list[Post]:
    """Replace each tag or category that refers to another document of the file
    (:data:`REF_NAME`) by that document's title or name, from ``names`` (id → name);
    one that names no document of the file is dropped."""
    def named(values: tuple[str, ...]) -> tuple[str, ...]:
        out = (names.get(v[len(REF_NAME):]) if v.startswith(REF_NAME) else v for v in values)
        return tuple(dict.fromkeys(v for v in out if v))

    return [replace(p, tags=named(p.tags), categories=named(p.categories))
            if any(v.startswith(REF_NAME) for v in (*p.tags, *p.categories)) else p
            for p in posts]


def _row_name(row: dict) -> str | None:
    """A row's title or name (a category's, an author's), for references to it."""
    value = _cell(row.get("title")) or _cell(row.get("name"))
    return value.strip() if isinstance(value, str) and value.strip() else None


def _listed_target(link: Link, ids: set[str], path: str) -> Link:
    """A listed link as it names its post: another row's id, else an address, else (a
    value with neither ``/`` nor a scheme, ``Rotary Embeddings``) a post's name, its
    slug or whole title, as a wikilink names a note."""
    if link.url in ids:
        return replace(link, url=block_ref(_id_alias(path, link.url)[3:]))
    if "/" not in link.url and link.url[:1] not in "?#." \
            and not re.match(r"^[a-z][a-z0-9+.-]*:", link.url, re.I):
        return replace(link, url=title_ref(link.url))
    return link


def _text_column(row: dict) -> str | None:
    """The first of :data:`TEXT_COLUMNS` the row holds a text in, else None."""
    return next((c for c in TEXT_COLUMNS if row.get(c)), None)


def _front_matter_of_text(row: dict, path: str, line: int) -> tuple[dict, list[Fragment]]:
    """The row with the front matter its Markdown text opens with taken out: the text
    after the block, and each key of the block the row does not hold itself (DEV's
    export keeps an article's front matter, ``title``, ``tags``, ``series``,
    ``published``, at the head of its ``body_markdown``; a dump of a site's Markdown
    files holds each file whole). The row's own columns win, a column of tags or of a
    date over the block's of another name. A broken block is reported at the row's
    line and left out of the text.

    References
    ----------
    .. [1] Forem, "Forem API V1" (an article's ``body_markdown``),
       https://developers.forem.com/api/v1
    """
    column = _text_column(row)
    body = str(row[column]) if column else ""
    if not body.lstrip().startswith(("---", "+++")):
        return row, []
    lines = body.splitlines()
    if not detect_front_matter(lines):
        return row, []
    meta, end, frags = front_matter_block(lines, path)
    frags = [replace(f, line=line, end_line=line,
                     reason=f"the text's {f.reason} (in the row's {column} column)")
             for f in frags]
    if end is None:
        return row, frags
    fills = {_column(k): _cell(v) for k, v in meta.items()
             if isinstance(k, str) and not isinstance(v, dict)}
    for names in (TAG_COLUMNS, tuple(_FOLDED_DATE_KEYS.values())):
        if any(row.get(n) for n in names):      # (the row's tag_list over the block's tags)
            fills = {k: v for k, v in fills.items() if k not in names}
    merged = {**fills, **row}
    merged[column] = "\n".join(lines[end + 1:])
    return merged, frags


def lifted(row: dict) -> dict:
    """The row with the fields of its containers (:data:`ROW_CONTAINERS`: a scraper's
    ``metadata``, a CMS's ``fields``) as its own where it has none of that name (one
    level, the containers in that order); any other object (an author's, a category's)
    stays where it is."""
    folded = {_column(k): v for k, v in row.items() if k is not None}
    inners = [inner for name in ROW_CONTAINERS if isinstance(inner := folded.get(name), dict)
              and not contentful.is_rich_text(inner) and not is_rich_tree(inner)]
    if not inners:                  # (most rows: one pass over the keys)
        return row
    keys = set(folded)
    out = dict(row)
    for inner in inners:
        for k, v in inner.items():
            if isinstance(k, str) and _column(k) not in keys:
                out[k] = v
                keys.add(_column(k))
    return out


def _row_title(row: dict) -> str:
    """A row's title (:data:`TITLE_COLUMNS`), else, for a row with a text, its name."""
    value = next((row[c] for c in TITLE_COLUMNS if row.get(c)), None)
    if value is None and _text_column(row):
        value = row.get("name")
    return str(value or "").strip()


def _row_url(row: dict) -> str | None:
    """A row's own address: :func:`graphkit.sites.canonical_from_meta`, its ``url`` or
    ``link``, else an absolute address under another of :data:`URL_COLUMNS`."""
    found = canonical_from_meta(row) or str(row.get("url") or row.get("link") or "").strip()
    if found:
        return found
    return next((str(row[c]).strip() for c in URL_COLUMNS[2:] if isinstance(row.get(c), str)
                 and re.match(r"^https?://\S+$", row[c].strip(), re.I)), None)


def _wordpress_row(row: dict) -> str | None:
    """Why a row of a WordPress database's ``wp_posts`` table (a ``post_type`` column) is
    not a published post, or None: another type (page, attachment, revision,
    nav_menu_item…) or a ``post_status`` other than ``publish``.

    References
    ----------
    .. [1] WordPress, "Database Description" (``wp_posts``),
       https://codex.wordpress.org/Database_Description
    """
    kind = str(row.get("post_type") or "").strip().lower()
    if kind and kind not in WORDPRESS_TYPES:
        return f"a WordPress {kind} (post_type), not a post"
    status = str(row.get("post_status") or "").strip().lower()
    if kind and status and status != "publish":
        return f"not published (post_status: {status})"
    return None


def _row_post(row: dict, path: str, line: int) -> tuple[Post | str, list[Fragment]]:
    """A post from a row, or the reason the row is not one; and the note of its HTML
    read flat (:func:`graphkit.readers.html.flat_reading`), or of the front matter
    its text opens with (:func:`_front_matter_of_text`), if there is one."""
    row = lifted(row)
    rendered = {_column(k) for k, v in row.items() if isinstance(v, dict)}
    row = {_column(k): _cell(v) for k, v in row.items() if k is not None}
    row, notes = _front_matter_of_text(row, path, line)
    title = _row_title(row)
    if rendered & {"title", *TITLE_COLUMNS}:   # rendered HTML: "Adam&#8217;s rule"
        title = html.unescape(TAG_RE.sub("", title)).strip()
    url = _row_url(row) or None
    guid = str(row.get("guid") or "").strip()
    if url is None and row.get("post_type") and re.match(r"^https?://\S+$", guid, re.I):
        url = guid      # a wp_posts row: its guid, https://HOST/?p=ID, an address of the post
    held = row.get(_text_column(row) or "")
    if not title and not url and not (isinstance(held, str) and "<" in held
                                      and whole_page(held)):
        return "row has neither a title nor a url", notes      # (a saved page names itself)
    why = unpublished(row, path) or _cms_document(row) or _wordpress_row(row)
    if why is not None:
        return f"row: {why}", notes
    if str(row.get("is_page") or "").strip().lower() in _YES:
        return "row: a page of the site, not a post (is page: true)", notes
    aid = archive_link_id(url) if url else None
    aliases = set(url_aliases(url)) if url else set()
    slug = str(row.get("slug") or row.get("post_name") or "").strip() or None
    for column in ("slug", "post_name", "path", "permalink"):   # (DEV's: path /user/slug-id)
        value = row.get(column)
        if isinstance(value, (str, int)) and str(value).strip():
            aliases |= url_aliases(str(value).strip())
    wp_id = str(row.get("id") or "").strip()
    if (rendered or row.get("post_type")) and wp_id.isdigit():
        aliases.add(f"p={wp_id}")   # WordPress' REST API, its database: ?p=ID links name it
    rid = row_id(row)
    if rid is not None:                  # (other rows' link lists may name it so)
        aliases.add(_id_alias(path, rid))
    column = _text_column(row)

    def ref_url(ref: str) -> str:     # another row's document, by its id
        return block_ref(_id_alias(path, ref)[3:]) if _ROW_ID_RE.fullmatch(ref) else ""

    if column and is_portable_text(row[column]):     # Sanity's rich text
        body, problem = "", None
        text, links = portable_text(row[column], ref_url=ref_url)
    elif column and contentful.is_rich_text(row[column]):     # Contentful's
        body, problem = "", None
        text, links = contentful.rich_text(row[column], ref_url=ref_url)
    elif column and is_rich_tree(row[column]):   # Strapi's blocks, Lexical, ProseMirror
        body, problem = "", None
        text, links = rich_tree(row[column])
    elif column and isinstance(row[column], (list, dict)):
        value = row[column]
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            body = "\n\n".join(value)             # (a list of paragraphs)
            text, links, problem = body_text(body)
        else:                                      # JSON of no shape known: no text
            body, problem, text, links = "", None, "", []
            notes = [*notes, Fragment(
                path=path, line=line, end_line=line, text=preview(json.dumps(value)[:200]),
                reason=f"the row's {column} is JSON of a shape not known (no Portable Text, "
                       "Rich Text or editor's tree): not read as text")]
    else:
        body = str(row[column]) if column else ""
        page = page_in_text(body, path, title=title, url=url) if body else None
        if isinstance(page, str):
            return f"row: its {column} is {page}", notes
        if page is not None:      # a whole page captured: its post alone
            found, set_aside = page
            text, links, problem = found.text, list(found.links), None
            if found.title and normalize_title(found.title) in normalize_title(title):
                title = found.title   # (the page's heading: its <title> less the site's name)
            title = title or found.title
            url = url or found.url
            aliases |= set(found.aliases) | (set(url_aliases(url)) if url else set())
            aid = aid if aid is not None else found.archive_id
            row = {**{k: v for k, v in (("date", found.date), ("tags", list(found.tags)),
                                         ("categories", list(found.categories))) if v},
                   **{k: v for k, v in row.items() if v}}
            notes = [*notes, *(replace(f, line=line, end_line=line,
                                       reason=f"in the row's {column}: {f.reason}")
                               for f in set_aside)]
        else:
            text, links, problem = body_text(body)
    flat = notes + ([] if problem is None else [flat_reading(problem, path=path, line=line,
                                                             markup=body, content=True)])
    for column in LINK_COLUMNS:
        links += listed_links(row.get(column), column)
    key = f"post:{aid}" if aid is not None else (f"post:url:{url}" if url and not title
                                                 else f"post:row:{path}:{line}")
    return Post(key=key, title=title, label=title or url or "", untitled=not title,
                date=next(filter(None, (post_date({"date": row[f]})
                                        for f in _FOLDED_DATE_KEYS.values() if row.get(f))),
                          None),
                archive_id=aid,
                url=SITE_URL.format(aid) if aid is not None else url, text=text,
                links=tuple(links), tags=_names(next((
                    row[c] for c in (*TAG_COLUMNS, *TAG_FALLBACK_COLUMNS) if row.get(c)), None)),
                categories=_names(next((row[c] for c in CATEGORY_COLUMNS if row.get(c)),
                                       None)),
                aliases=tuple(sorted(aliases)), slug=slug,
                fields=series_of_names(_names(row.get(SERIES_KEY))),
                sources=(Source(path=path, line=line, format=TABLE),)), flat



def _column(name) -> str:
    """A column's name as rows are read: lower case, white space and hyphens as ``_``
    (a spreadsheet's "Published Date" is ``published_date``)."""
    return re.sub(r"[\s-]+", "_", str(name).strip().casefold())


REF_NAME = "\0ref:"   # a tag naming another row by its id, until its file is read whole


def _item_name(item):
    """A tag given as an object: its ``name`` (``title``, ``label``, ``slug``), as the
    APIs of Ghost and Hashnode give tags; else, for a reference to another document
    (Sanity's ``{"_ref": …}``, Contentful's ``{"sys": {"id": …}}``), :data:`REF_NAME` and
    its id (:func:`resolve_named_refs`); else None. Any other item as it is."""
    if not isinstance(item, dict):
        return item
    name = next((item[k] for k in ("name", "title", "label", "slug")
                 if isinstance(item.get(k), str) and item[k].strip()), None)
    if name:
        return name
    ref = item.get("_ref")
    if not isinstance(ref, str):
        sys = item.get("sys")
        ref = sys.get("id") if isinstance(sys, dict) else None
    return REF_NAME + ref if isinstance(ref, str) and _ROW_ID_RE.fullmatch(ref) else None


def _names(value) -> tuple[str, ...]:
    """Tag or category names of a cell; numbers are a CMS's term ids (WordPress' REST
    API lists ``"tags": [12, 15]``), which name nothing; objects are named by
    :func:`_item_name`. A list written as text (``['ml', 'rope']``, ``["ml"]``: Bear
    Blog's CSV) is its items."""
    if isinstance(value, (list, tuple)):
        value = [n for n in (_item_name(v) for v in value if not isinstance(v, (int, float)))
                 if n is not None]
    elif isinstance(value, (int, float)):
        return ()
    elif isinstance(value, str) and value.strip()[:1] == "[" and value.strip()[-1:] == "]":
        return tuple(v for v in (x.strip().strip("'\"").strip()
                                 for x in value.strip()[1:-1].split(",")) if v)
    return _as_list(value)


def _json_rows(doc, depth: int = 0) -> tuple[list, int] | None:
    """The list of objects a JSON document holds posts in, and how many arrays and
    objects enclose each (their lines are found by it); None for any other document.

    The document itself, or the list under one of :data:`JSON_LIST_KEYS`; one scraped
    page's object with its text and its absolute address (the document, or its ``data``
    object: Firecrawl's and Jina Reader's responses) as a list of one; or, in a
    GraphQL API's response, the list its fields lead to (``data`` → ``publication`` →
    ``posts``), a Relay connection's ``nodes`` or its ``edges``, each edge's ``node``
    being the post, when at least half of its objects name a post
    (:func:`_row_is_a_post`). An entry of Strapi 4 (``{"id": 3, "attributes": {…}}``)
    is its attributes and its id.

    References
    ----------
    .. [1] GraphQL, "Pagination" (connections: ``edges``, each with its ``node``),
       https://graphql.org/learn/pagination/
    .. [2] Strapi, "Strapi 5 has a new, flattened response format" (Strapi 4 wraps an
       entry's fields in ``attributes``),
       https://docs.strapi.io/cms/migration/v4-to-v5/breaking-changes/new-response-format
    """
    if isinstance(doc, dict):
        found = next((doc[k] for k in (*JSON_LIST_KEYS, "edges", "nodes")
                      if isinstance(doc.get(k), list)), None)
        if found is None and depth == 0:
            # one scraped page saved whole: Firecrawl's {"success", "data": {"markdown",
            # "metadata"}}, Jina Reader's {"code", "data": {"title", "url", "content"}},
            # or the page's object itself; a post with its text, not a settings file
            one = doc.get("data") if isinstance(doc.get("data"), dict) else doc
            keys = {_column(k): v for k, v in lifted(one).items() if k is not None}
            if (_row_is_a_post(one) and set(keys) & set(TEXT_COLUMNS) and any(
                    isinstance(keys.get(k), str) and keys[k].startswith(("http://", "https://"))
                    for k in URL_COLUMNS)):        # (the page's own address: scraped)
                return [one], 1 if one is doc else 2
        if found is None:
            if depth >= 5 or len(doc) > 20:
                return None
            for value in doc.values():          # a GraphQL response's fields
                rows = _json_rows(value, depth + 1) if isinstance(value, dict) else None
                if rows is not None and 2 * sum(map(_row_is_a_post, rows[0])) >= len(rows[0]):
                    return rows
            return None
        doc, depth = found, depth + 1
    if not isinstance(doc, list) or not doc or not all(isinstance(r, dict) for r in doc):
        return None
    if all(isinstance(r.get("node"), dict) for r in doc):   # a connection's edges
        return [r["node"] for r in doc], depth + 2
    if all(isinstance(r.get("attributes"), dict) for r in doc):   # Strapi 4's entries
        return [{**r["attributes"], "id": r.get("id")} for r in doc], depth + 1
    return doc, depth + 1


def _row_is_a_post(row: dict) -> bool:
    """A row that names a post (a title or an address) and has a text or a date: a
    list of links ({title, url}: a blogroll, a menu) has neither of the last two."""
    keys = {_column(k): v for k, v in lifted(row).items() if k is not None}
    named = any(keys.get(k) for k in (*TITLE_COLUMNS, *URL_COLUMNS))
    return named and any(keys.get(k) for k in (*TEXT_COLUMNS, *_FOLDED_DATE_KEYS.values()))


def read_json(text: str, path: str) -> tuple[list[Post], list[Fragment]] | None:
    """Read a ``.json`` file that is a list of posts, or None when it is not one.

    A list of objects, or an object holding one under ``posts``, ``articles``,
    ``items``, ``entries`` or ``data`` (a dump of WordPress' REST API, DEV's and
    Hashnode's exports, a headless CMS's), is read as rows (see :func:`read_jsonl`)
    when at least half of its objects name a post and have a text or a date. Any other
    JSON (a site's settings, ``package.json``, a data file) is not a table of posts, nor
    is a page's data that Gatsby writes beside its HTML (``page-data/…/page-data.json``:
    the page's GraphQL query result, which that page shows; the home page's lists the
    posts).

    References
    ----------
    .. [1] Gatsby, ``writePageData`` (``page-data.json``: the component's chunk name,
       the page's path, its static queries' hashes and its query ``result``),
       https://github.com/gatsbyjs/gatsby/blob/master/packages/gatsby/src/utils/page-data.ts
    """
    try:
        doc = loads_json(text)
    except (ValueError, RecursionError):
        return None
    if isinstance(doc, dict) and {"componentChunkName", "path", "result"} <= doc.keys():
        return None
    if contentful.is_export(doc):    # (its authors and categories are entries too)
        found: tuple[list, int] | None = (
            contentful.entry_rows(doc, text_fields=TEXT_COLUMNS), 2)
    else:
        found = _json_rows(doc)
        if found is None or 2 * sum(map(_row_is_a_post, found[0])) < len(found[0]):
            return None
    rows, depth = found
    starts = _object_lines(text, depth=depth)
    lines = starts if len(starts) == len(rows) else [1] * len(rows)
    posts, frags, ids = [], [], []
    names = {rid: name for row in rows
             if (rid := row_id(row)) is not None and (name := _row_name(row)) is not None}
    for row, n in zip(rows, lines):
        post, flat = _row_post(row, path, n)
        frags += flat
        if isinstance(post, str):
            frags.append(Fragment(path=path, line=n, end_line=n, reason=post,
                                  text=preview(str(row.get("title") or ""))))
        else:
            posts.append(post)
            ids.append(row_id(row))
    return resolve_named_refs(link_rows_by_id(posts, ids, path), names), frags


def _object_lines(text: str, *, depth: int) -> list[int]:
    """1-based lines of the objects that open at nesting ``depth`` (strings skipped)."""
    return object_lines_at(text, (depth,))[depth]


def object_lines_at(text: str, depths: tuple[int, ...]) -> dict[int, list[int]]:
    """``{depth: 1-based lines of the objects that open at that nesting}`` for each of
    ``depths``, in one pass over the text (strings skipped)."""
    found: dict[int, list[int]] = {d: [] for d in depths}
    level = 0
    for m in re.finditer(_JSON_STRING_RE.pattern + r"|[\[\]{}]", text, re.S):
        ch = m.group()
        if ch in "[{":
            if ch == "{" and level in found:
                found[level].append(m.start())
            level += 1
        elif ch in "]}":
            level -= 1
    return {d: line_numbers(text, starts) for d, starts in found.items()}


def json_depth(line: str) -> int:
    """Deepest nesting of arrays and objects in one line of JSON, strings left out.

    Linear in the line's length; used before :func:`json.loads`, whose C parser
    recurses once per level. What follows a string never closed is that string.

    >>> json_depth('{"a": "x\\\\"]]]", "b": [[1]]}'), json_depth('[[{"a": "never closed [[[[')
    (3, 3)
    """
    depth = deepest = 0
    for ch in re.findall(r"[\[\]{}]", _JSON_STRING_RE.sub("", line)):
        if ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


PARALLEL_JSONL_MIN_CHARS = 8_000_000
"""Characters from which :func:`read_jsonl` reads a file's rows in forked processes
(one JSON Lines file of 100,000 synthetic posts, 371 MB: 10.8 s of its rows in one
process)."""


def read_jsonl(text: str, path: str) -> tuple[list[Post], list[Fragment]]:
    """Read a JSON Lines file (one JSON object per line).

    A long file (:data:`PARALLEL_JSONL_MIN_CHARS`) is cut at line ends into pieces
    whose rows forked processes read side by side (:func:`graphkit._runtime.fork_map`,
    where this process may fork); the posts, fragments and line numbers are those of
    one pass. Rows refer to each other by id across the whole file, resolved after.
    """
    from .._runtime import fork_map, fork_workers

    workers = fork_workers(len(text), PARALLEL_JSONL_MIN_CHARS)
    pieces = _line_pieces(text, workers * 4) if workers > 1 else [(0, len(text), 1)]
    if len(pieces) > 1:
        parts = fork_map(_jsonl_piece, pieces, workers, shared=(text, path))
    else:
        parts = [_jsonl_rows(text, path, 1)]
    posts, frags, ids = [], [], []
    names: dict[str, str] = {}      # every row's title or name by its id
    for part in parts:
        posts += part[0]
        frags += part[1]
        ids += part[2]
        names.update(part[3])
    return resolve_named_refs(link_rows_by_id(posts, ids, path), names), frags


def _line_pieces(text: str, count: int) -> list[tuple[int, int, int]]:
    """``text`` cut after a ``\n`` near each ``count``-th of its length: ``(start, end,
    number of the first line)`` per piece, the lines as :func:`graphkit.text.iter_lines`
    counts them (``\n``, ``\r\n`` and ``\r`` end a line)."""
    bounds = [0]
    for k in range(1, count):
        cut = text.find("\n", max(bounds[-1], len(text) * k // count))
        if cut < 0:
            break
        if cut + 1 < len(text):
            bounds.append(cut + 1)
    bounds.append(len(text))
    pieces, line, cr = [], 1, "\r" in text
    for a, b in zip(bounds, bounds[1:]):
        if b > a:
            pieces.append((a, b, line))
            line += text.count("\n", a, b)
            if cr:
                line += text.count("\r", a, b) - text.count("\r\n", a, b)
    return pieces


def _jsonl_piece(shared, piece):
    text, path = shared
    a, b, first = piece
    return _jsonl_rows(text[a:b], path, first)


def _jsonl_rows(text: str, path: str, first: int):
    """The rows of a piece of a JSON Lines file whose first line is number ``first``:
    ``(posts, fragments, their rows' ids, {id: title or name})``."""
    posts, frags, ids = [], [], []
    names: dict[str, str] = {}
    for n, line in enumerate(iter_lines(text), first):
        if not line or line.isspace():
            continue
        depth = json_depth(line) if line.count("[") + line.count("{") > MAX_JSON_DEPTH else 0
        if depth > MAX_JSON_DEPTH:
            frags.append(Fragment(path=path, line=n, end_line=n,
                                  reason=f"JSON nested {depth} levels deep, more than "
                                         f"{MAX_JSON_DEPTH}: not read", text=preview(line)))
            continue
        try:
            row = loads_json(line)
        except json.JSONDecodeError as exc:
            frags.append(Fragment(path=path, line=n, end_line=n,
                                  reason=f"invalid JSON ({exc.msg} at column {exc.colno})",
                                  text=preview(line)))
            continue
        if not isinstance(row, dict):
            frags.append(Fragment(path=path, line=n, end_line=n,
                                  reason="JSON line is not an object", text=preview(line)))
            continue
        rid = row_id(row)
        name = _row_name(row) if rid is not None else None
        if name is not None:
            names[rid] = name
        post, flat = _row_post(row, path, n)
        frags += flat
        if isinstance(post, str):
            frags.append(Fragment(path=path, line=n, end_line=n, reason=post, text=preview(line)))
        else:
            posts.append(post)
            ids.append(rid)
    return posts, frags, ids, names


def _named_column(header: list[str]) -> bool:
    """True when a CSV header has a column that names a post: a title
    (:data:`TITLE_COLUMNS`), url or link."""
    return any(h and _column(h) in (*TITLE_COLUMNS, "url", "link") for h in header)


def read_csv(text: str, path: str) -> tuple[list[Post], list[Fragment]]:
    """Read a CSV file with a header row.

    Fields may be as long as the file (the csv module's own 128 KiB field limit would
    stop the file at the first long text). A quote that is never closed is an error of
    the file from the row that opens it to its end, reported with those lines, never a
    title that swallows the following rows; a title that spans lines is reported too.
    """
    posts, frags = [], []
    if csv.field_size_limit() < len(text) + 1:
        csv.field_size_limit(len(text) + 1)   # only ever raised; a field fits in its file
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    header: list[str] = []
    start = 1
    try:
        header = reader.fieldnames or []
        if header and notion_page_id(PurePosixPath(path).name) and not _named_column(header):
            # a Notion database's table: its first column is the title property
            header = ["title", *header[1:]]
            reader.fieldnames = header
        if not _named_column(header):
            # a table of something else (subscribers, statistics): its rows name no post
            last = max(len(split_lines(text)), 1)
            return [], [Fragment(path=path, line=1, end_line=last,
                                 reason="CSV header has no title or url column: not a table "
                                        "of posts, not read", text=preview(",".join(header)))]
        posts_table = substack.is_posts_table(path, header)
        writefreely_table = writefreely.is_export_table(header)
        start = reader.line_num + 1
        for row in reader:
            n = reader.line_num
            if None in row:  # more cells than header names
                frags.append(Fragment(path=path, line=start, end_line=n,
                                      reason="row has more cells than the header",
                                      text=preview(",".join(map(str, row[None])))))
            title = str(row.get("title") or "")
            if "\n" in title.strip() or "\r" in title.strip():
                frags.append(Fragment(path=path, line=start, end_line=n,
                                      reason="title spans several lines (a quote left open?): "
                                             "row not read", text=preview(title)))
                start = n + 1
                continue
            post, flat = (substack.not_a_post(row) if posts_table else None), []
            if writefreely_table:
                read = writefreely.csv_row(row)
                post, flat = (_row_post(read, path, start) if isinstance(read, dict)
                              else (read, []))
            elif post is None:
                post, flat = _row_post(row, path, start)
            else:
                post = f"row: {post}"
            frags += flat
            if posts_table and not isinstance(post, str):
                post = replace(post, aliases=post.aliases + substack.row_aliases(row))
            if isinstance(post, str):
                frags.append(Fragment(path=path, line=start, end_line=n, reason=post,
                                      text=preview(" ".join(str(v) for v in row.values()))))
            else:
                posts.append(post)
            start = n + 1
    except csv.Error as exc:
        last = max(len(split_lines(text)), start)
        frags.append(Fragment(path=path, line=start, end_line=last,
                              reason=f"broken CSV ({exc}): lines {start}–{last} not read",
                              text=""))
    if header and not posts and not frags:
        frags.append(Fragment(path=path, line=1, end_line=1, text=preview(",".join(header)),
                              reason="a table of posts with its header and no row"))
    return posts, frags
