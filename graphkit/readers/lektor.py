"""Lektor's pages: ``content/…/contents.lr``, a page's fields parted by lines of ``---``.

Each field is ``key: value`` on one line, or ``key:`` and then a block of lines (the
post's Markdown ``body``, a list of ``tags`` one per line). A line of four or more
dashes inside a block is the block's own line of one dash less (how the format escapes
its separator). A page's address is its folder under ``content/``
(``content/blog/first-post/contents.lr`` → ``/blog/first-post/``), or its ``_slug``;
``contents+de.lr`` is the page in another language (an alternative).

References
----------
.. [1] Lektor, "Content" and "Alternatives", https://www.getlektor.com/docs/content/
.. [2] Lektor, ``lektor/metaformat.py`` (the file format), https://github.com/lektor/lektor
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from ..model import Fragment, Post
from ..text import preview
from .frontmatter import markdown_post

LEKTOR = "lektor"
_FILE_RE = re.compile(r"contents(?:\+[A-Za-z0-9_-]+)?\.lr", re.I)
_FIELD_RE = re.compile(r"^([A-Za-z_][A-Za-z0-9_-]*+)[ \t]*+:[ \t]*+(.*)$")
_ESCAPED_RE = re.compile(r"^----++\s*$")
# a flow field's block header (``#### text-block ####``), which the block's fields follow
_FLOW_HEADER_RE = re.compile(r"^####\s*\S.*?\s*####\s*$")
# fields Lektor's blog models keep the post's Markdown in, in order of preference
BODY_FIELDS = ("body", "content", "text", "contents")
_YES = ("yes", "true", "1", "on")


def detect(path: str) -> bool:
    """True for Lektor's page file, ``contents.lr`` (``contents+LANG.lr``)."""
    return _FILE_RE.fullmatch(PurePosixPath(path).name) is not None


def lektor_fields(lines: list[str]) -> tuple[dict[str, tuple[int, list[str]]], list[int]]:
    """The fields of a ``contents.lr`` file.

    Parameters
    ----------
    lines : list of str
        The file's lines.

    Returns
    -------
    fields : dict of str to (int, list of str)
        Each field's value: the 0-based index of its first line in ``lines`` and its
        lines (one for ``key: value``; a block's lines, escapes undone, for ``key:``).
    stray : list of int
        0-based indexes of non-blank lines outside any field (no ``key:`` opens them).
    """
    fields: dict[str, tuple[int, list[str]]] = {}
    stray: list[int] = []
    key, start, block = None, 0, []
    for i, line in enumerate([*lines, "---"]):
        if line.rstrip() == "---":
            if key is not None and key not in fields:
                fields[key] = (start, block)
            key, block = None, []
            continue
        if key is None:
            m = _FIELD_RE.match(line)
            if m is None:
                if line.strip():
                    stray.append(i)
                continue
            key, value = m.group(1), m.group(2).strip()
            start, block = (i, [value]) if value else (i + 1, [])
            continue
        if not block and not line.strip() and start == i:
            start = i + 1                       # the blank line after "key:"
            continue
        block.append(line[1:] if _ESCAPED_RE.match(line) else line)
    return fields, stray


def read_lektor(lines: list[str], path: str) -> tuple[list[Post], list[Fragment]]:
    """Read a Lektor page as a post (see the module's notes).

    ``title``; the date from ``pub_date`` (Lektor's blog model) or ``date``;
    ``tags`` and ``categories`` as a line each or parted by commas; ``author``; the
    text from the first of :data:`BODY_FIELDS`, read as Markdown (a flow field's block
    headers and field names are no text). A page with ``_hidden: yes`` is not built, and
    a page with no text field (the blog's index, which its template fills with the
    posts) is no post: both are reported.

    Parameters
    ----------
    lines : list of str
        The file's lines.
    path : str
        Report name of the file.

    Returns
    -------
    posts : list of Post
        The page, or nothing.
    fragments : list of Fragment
        What is not read, with its reason.
    """
    fields, stray = lektor_fields(lines)
    frags = [Fragment(path=path, line=i + 1, end_line=i + 1,
                      reason="a line outside any Lektor field (no 'name:' opens it)",
                      text=preview(lines[i])) for i in stray]
    meta: dict[str, object] = {}
    for key, (_, value) in fields.items():
        if key in ("tags", "categories", "category") and len(value) > 1:
            meta[key] = [v.strip() for v in value if v.strip()]
        else:
            meta[key] = "\n".join(value).strip()
    if "pub_date" in meta and "date" not in meta:
        meta["date"] = meta["pub_date"]
    if meta.get("_slug"):
        meta["slug"] = meta["_slug"]
    nonblank = [i for i, line in enumerate(lines) if line.strip()] or [0]
    whole = (nonblank[0] + 1, nonblank[-1] + 1)
    if str(meta.get("_hidden", "")).strip().lower() in _YES:
        return [], [*frags, Fragment(path=path, line=whole[0], end_line=whole[1],
                                     reason="a hidden page (_hidden: yes), which Lektor does "
                                            "not build", text=str(meta.get("title", "")))]
    body_key = next((k for k in BODY_FIELDS if k in fields), None)
    if body_key is None:
        return [], [*frags, Fragment(
            path=path, line=whole[0], end_line=whole[1],
            reason="a Lektor page without a text field (body): an index or listing page "
                   "its template fills, not a post", text=str(meta.get("title", "")))]
    start, block = fields[body_key]
    body, among_fields = [], False
    for line in block:   # a flow's markup: block headers, "---", the block's own fields
        field = _FIELD_RE.match(line) if among_fields else None
        if _FLOW_HEADER_RE.match(line) or line.rstrip() == "---":
            among_fields = True
        elif field is not None:
            among_fields = bool(field.group(2))    # "text:" opens the block's text
        elif not (among_fields and not line.strip()):
            among_fields = False
            body.append(line)
            continue
        body.append("")
    post, more = markdown_post(body, path, meta=meta, first_line=whole[0], body_offset=start,
                               layout=LEKTOR)
    return ([post] if post is not None else []), [*frags, *more]
