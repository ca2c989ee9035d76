"""Pages of a Notion export (Markdown & CSV) as posts.

Notion exports a workspace or a database as Markdown files named by each page's title and
its 32-digit id (``Rotary embeddings 0123…cdef.md``); the rows of a database are pages in a
folder named like the database, next to a CSV of its table. A page opens with its title as
a ``# heading``; a database row's page then lists its properties, one ``Name: value`` line
each (``Created: July 8, 2021 3:00 PM``, ``Tags: Transformer, position``, ``Status:
Draft``), before a blank line and the body. Links between pages name the other page's
file (``[x](Other%20Page%20ID.md)``) or its ``notion.so`` address; both end with its id,
which :func:`graphkit.sites.notion_page_id` reads.

Here the properties are read as front matter (dates, tags and categories, a draft
status, a slug) and listed in the report; a page whose body only links the database's
CSV is the database's own page, not a post. The database CSV itself is read by
:func:`graphkit.readers.table.read_csv` (its first column is the title).

References
----------
.. [1] Notion Help Center, "Export your content",
   https://www.notion.com/help/export-your-content
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from ..model import Fragment, Post
from ..sites import notion_page_id
from ..text import preview
from . import frontmatter

NOTION_PAGE = "notion-page"
# a property line: a name (no colon, at most 60 characters), a colon and a space, a value
_PROPERTY_RE = re.compile(r"^([^\s:#>*\-|`\[][^:]{0,59}):[ \t]+(\S.*)$")
# property names a database of posts has (Notion's templates and blog-publishing setups);
# a block of "Name: value" lines is a page's properties only if it names one of them
PROPERTY_NAMES = frozenset({
    "tags", "tag", "category", "categories", "topics", "status", "type", "date",
    "created", "created time", "created at", "date created", "last edited",
    "last edited time", "updated", "published", "publish date", "published at",
    "slug", "author", "authors", "description", "summary", "series"})
# Notion's date properties under the names front matter uses (:data:`frontmatter.DATE_KEYS`)
_DATE_NAMES = {"created time": "created", "created at": "created", "date created": "created",
               "publish date": "date", "published at": "date"}
# a link to a database's CSV, the whole of a line
_CSV_LINK_RE = re.compile(r"^\s*\[[^\]]*\]\(([^)\s]+\.csv)\)\s*$", re.I)


def detect(path: str) -> bool:
    """True for a Markdown file named as Notion names an exported page (``Title ID.md``)."""
    name = PurePosixPath(path).name
    return name.lower().endswith((".md", ".markdown")) and notion_page_id(name) is not None


def properties(lines: list[str], start: int) -> tuple[dict, int, int] | None:
    """The property lines of a database row's page that begin at ``lines[start]``.

    Parameters
    ----------
    lines : list of str
    start : int
        0-based index of the first line after the title (blank lines may come first).

    Returns
    -------
    (dict, int, int) or None
        Property names (lower case) and values, the index of the first property line and
        the index after the last; None unless the lines up to the next blank line are all
        ``Name: value`` and one name is a property posts have (:data:`PROPERTY_NAMES`).
    """
    i = start
    while i < len(lines) and not lines[i].strip():
        i += 1
    first = i
    meta: dict[str, str] = {}
    while i < len(lines) and lines[i].strip():
        m = _PROPERTY_RE.match(lines[i].strip())
        if m is None or len(meta) >= 100:
            return None
        meta[m.group(1).strip().lower()] = m.group(2).strip()
        i += 1
    if not meta or not PROPERTY_NAMES.intersection(meta):
        return None
    return meta, first, i


def _front_matter(props: dict) -> dict:
    """Properties under the keys the front matter reader knows: date names mapped, a date
    range (``July 8, 2021 → July 10, 2021``) to its start."""
    meta = dict(props)
    for name, key in _DATE_NAMES.items():
        if name in props and key not in meta:
            meta[key] = props[name]
    for key, value in list(meta.items()):
        if isinstance(value, str) and " → " in value:
            meta[key] = value.split(" → ", 1)[0].strip()
    for key in ("url", "link", "permalink", "canonical_url", "source"):
        meta.pop(key, None)       # a reading list's URL property names another site's page
    return meta


def read_notion_page(lines: list[str], path: str) -> tuple[list[Post], list[Fragment]]:
    """Read one page of a Notion export.

    Parameters
    ----------
    lines : list of str
        The file's lines.
    path : str
        Its report name (``…/Title ID.md``); the page's id in it is a name links use.

    Returns
    -------
    posts : list of Post
        The page as a post: the title from its ``# heading`` (else the file name without
        the id), date, tags, categories and slug from its properties.
    fragments : list of Fragment
        The property lines (read as metadata); the whole page when it is a draft by its
        status or the page of a database (a body that only links the database's CSV).
    """
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return [], []
    title = lines[first].lstrip("#").strip() if lines[first].startswith("# ") else ""
    found = properties(lines, first + 1) if title else None
    meta: dict = {}
    frags: list[Fragment] = []
    body = list(lines)
    if found is not None:
        props, start, end = found
        meta = _front_matter(props)
        frags.append(Fragment(path=path, line=start + 1, end_line=end,
                              reason="the page's Notion properties (read as its date, tags "
                                     "and status)", text=preview("\n".join(lines[start:end]))))
        body[start:end] = [""] * (end - start)     # keep the file's line numbers
    meta["title"] = title or _title_from_name(path)
    why = frontmatter.unpublished(meta, path)
    if why is not None:
        return [], [frontmatter.unpublished_fragment(why, lines, path, meta["title"])]
    rest = [line for line in body[first + 1:] if line.strip()]
    if rest and all(_CSV_LINK_RE.match(line) for line in rest):
        return [], [frontmatter.unpublished_fragment(
            "a Notion database's own page (its rows, in the folder beside it, are the posts)",
            lines, path, meta["title"])]
    post, more = frontmatter.markdown_post(body, path, meta=meta, first_line=first + 1,
                                           body_offset=0, layout=NOTION_PAGE)
    return ([post] if post is not None else []), frags + more


def _title_from_name(path: str) -> str:
    """A page's title from its file name: the name without Notion's id and extension."""
    stem = PurePosixPath(path).name.rsplit(".", 1)[0]
    return re.sub(r"[ \-]?[0-9a-f]{32}$", "", stem).strip()
