"""Reader of Org-mode posts and notes (org-publish, ox-hugo sources, org-roam).

One file is one post: ``#+TITLE:`` (else the first heading, else the file name),
``#+DATE:`` (``<2020-01-02 Thu>`` or ``2020-01-02``), tags from ``#+FILETAGS:``
(``:a:b:``), ``#+TAGS:``, ``#+HUGO_TAGS:`` and ``#+HUGO_CATEGORIES:`` /
``#+CATEGORY:``, the slug from ``#+SLUG:``, ``#+HUGO_SLUG:`` or ``#+EXPORT_FILE_NAME:``;
a file-level ``:ID:`` property makes ``[[id:…]]`` links reach the file (org-roam), and
Denote's ``[[denote:IDENTIFIER]]`` reach the note of that identifier. The
text is every line outside blocks (``#+BEGIN_SRC`` … ``#+END_SRC`` and the like),
keywords, drawers, comments and fixed-width lines, with headings' stars and list
items' markers dropped, the lines of a paragraph or list item (Org's filled paragraphs)
joined into one; the links are ``[[target][description]]``, ``[[target]]`` and bare
``https://`` addresses, ``file:x.org`` and ``id:`` targets naming the linked post.

References
----------
.. [1] The Org Manual, "Hyperlinks" and "Export settings",
   https://orgmode.org/manual/Hyperlinks.html, https://orgmode.org/manual/Export-Settings.html
.. [2] org-roam, "Node": a file with an ``:ID:`` property, https://www.orgroam.com/manual.html
.. [3] Protesilaos Stavrou, "Denote" ("Front matter", "Linking notes"),
   https://protesilaos.com/emacs/denote
"""

from __future__ import annotations

import re

from ..model import Fragment, Link, Post
from ..sites import SITE_REF, canonical_from_meta, denote_link, file_slug
from ..text import BARE_URL_RE, bare_url, preview
from .frontmatter import meta_post, unpublished, unpublished_fragment
from .markdown import soft_break, span_link

ORG = "org"
_KEYWORD_RE = re.compile(r"^\s*#\+([A-Za-z_]+):\s*(.*)$")
_BLOCK_BEGIN_RE = re.compile(r"^\s*#\+begin_(\w+)", re.I)
_DRAWER_RE = re.compile(r"^\s*:([A-Za-z_-]+):\s*$")
_PROPERTY_RE = re.compile(r"^\s*:([A-Za-z_-]+):\s+(.*?)\s*$")
_HEADING_RE = re.compile(r"^(\*+)\s+(.*?)(?:\s+(:[\w@#%:]+:))?\s*$")
# [[target][description]] and [[target]]: brackets inside are escaped with "\" in Org
_LINK_RE = re.compile(r"\[\[((?:[^\[\]\\]|\\.){1,2000})\](?:\[((?:[^\[\]]){0,2000})\])?\]")
_DATE_RE = re.compile(r"(\d{4}-\d{2}-\d{2})")
# a line that opens a list item (its marker dropped) or is a table row: no continuation
_ITEM_RE = re.compile(r"^(?:[-+]|\*(?=\s)|\d{1,9}[.)])(?:\s+|$)")


def detect(path: str) -> bool:
    """True for an ``.org`` file."""
    return path.lower().endswith(".org")


def _target(raw: str) -> str:
    """A link target as a URL graphkit resolves: ``file:`` and ``id:`` name posts, as
    org-roam's ``roam:Title`` names a note by its title (when not yet replaced by an
    ``id:`` link)."""
    t = re.sub(r"\\(.)", r"\1", raw.strip())
    low = t.lower()
    if low.startswith("roam:") and t[5:].strip():
        return SITE_REF + t[5:].strip()
    if low.startswith("file:"):
        return SITE_REF + t[5:].split("::", 1)[0]
    if low.startswith("id:"):
        return SITE_REF + "id:" + t[3:].strip()
    if low.startswith("denote:"):
        return denote_link(t) or t
    if re.match(r"^(\.{0,2}/|[^:/\s]+\.org(::|$))", t):   # ./x.org, ../x.org, x.org
        return SITE_REF + t.split("::", 1)[0]
    return t


def _inline(line: str) -> tuple[str, list[tuple[int, int, str, str]]]:
    """A line's text with Org links replaced by their descriptions, and their spans."""
    out: list[str] = []
    spans: list[tuple[int, int, str, str]] = []
    length = 0
    pos = 0
    for m in _LINK_RE.finditer(line):
        before = line[pos:m.start()]
        out.append(before)
        length += len(before)
        url = _target(m.group(1))
        anchor = (m.group(2) if m.group(2) is not None else m.group(1)).strip()
        if not re.match(r"^(file:)?[^\s]+\.(png|jpe?g|gif|svg|webp)$", m.group(1).strip(), re.I):
            spans.append((length, length + len(anchor), url, anchor))
        out.append(anchor)
        length += len(anchor)
        pos = m.end()
    rest = line[pos:]
    for u in BARE_URL_RE.finditer(rest):
        url = bare_url(u.group(0))
        spans.append((length + u.start(), length + u.start() + len(url), url, url))
    out.append(rest)
    return "".join(out), spans


def read_org(lines: list[str], path: str) -> tuple[list[Post], list[Fragment]]:
    """Read one Org file as one post.

    Parameters
    ----------
    lines : list of str
        The file's lines.
    path : str
        Report name of the file; its path and stem are names links may use.

    Returns
    -------
    posts : list of Post
        One post; none when the file has neither a title nor text.
    fragments : list of Fragment
        A block left open at the end of the file (its lines are not read as text).
    """
    meta: dict = {}
    tags: list[str] = []
    paragraphs: list[str] = []
    links: list[Link] = []
    frags: list[Fragment] = []
    first_heading = ""
    block: str | None = None
    block_start = 0
    drawer = False
    top = True                      # before the first heading: file-level properties
    pending: list[str] = []         # the paragraph being read: its lines and their joints

    def flush() -> None:
        text, spans = _inline("".join(pending))
        text, lead = text.strip(), len(text) - len(text.lstrip())
        pending.clear()
        if text:
            links.extend(span_link(text, s - lead, e - lead, url, anchor)
                         for s, e, url, anchor in spans)
            paragraphs.append(text)

    for i, raw in enumerate(lines):
        line = raw.rstrip()
        if block is not None:
            if re.match(rf"^\s*#\+end_{re.escape(block)}\b", line, re.I):
                block = None
            continue
        m = _BLOCK_BEGIN_RE.match(line)
        if m:
            flush()
            block, block_start = m.group(1).lower(), i
            continue
        if drawer:
            if line.strip().upper() == ":END:":
                drawer = False
                continue
            p = _PROPERTY_RE.match(line)
            if p and top:
                meta.setdefault(p.group(1).lower(), p.group(2))
            continue
        if _DRAWER_RE.match(line) and line.strip().upper() != ":END:":
            flush()
            drawer = True
            continue
        k = _KEYWORD_RE.match(line)
        if k:
            flush()
            key, value = k.group(1).lower(), k.group(2).strip()
            if key in ("filetags", "tags"):
                tags.extend(t for t in re.split(r"[:\s]+", value) if t)
            elif key == "hugo_tags":
                tags.extend(value.split())
            elif key in ("hugo_categories", "category"):
                meta.setdefault("categories", value.split())
            elif key in ("title", "date", "slug", "hugo_draft", "draft", "identifier") and value:
                meta.setdefault(key, value)
            elif key in ("hugo_slug", "export_file_name") and value:
                meta.setdefault("slug", value)
            continue
        stripped = line.strip()
        if not stripped or stripped.startswith("# ") or stripped == "#" or stripped.startswith(": ") \
                or stripped == ":":
            flush()                                      # comments, fixed-width lines
            continue
        h = _HEADING_RE.match(line)
        if h:
            flush()
            top = False
            pending.append(h.group(2))
            if not first_heading:
                first_heading = h.group(2)
            flush()                                      # (a heading is a line of its own)
            continue
        item = _ITEM_RE.match(stripped)
        if item or stripped.startswith("|") or pending[:1] and pending[0].startswith("|"):
            flush()
            stripped = stripped[item.end():] if item else stripped
        pending += [soft_break(pending[-1], stripped), stripped] if pending else [stripped]
    flush()
    if block is not None:
        frags.append(Fragment(path=path, line=block_start + 1, end_line=len(lines),
                              reason=f"#+BEGIN_{block.upper()} never closed: the rest of the "
                                     f"file is not read as text",
                              text=preview("\n".join(lines[block_start:block_start + 5]))))
    if "date" in meta:
        d = _DATE_RE.search(str(meta["date"]))
        meta["date"] = d.group(1) if d else None
    if tags:
        meta["tags"] = list(dict.fromkeys(tags))
    if meta.get("id"):
        meta["aliases"] = [f"id:{meta['id'].strip()}"]
    title = str(meta.get("title") or "").strip()
    if not title and paragraphs and paragraphs[0] == first_heading:
        title = paragraphs.pop(0)
    why = unpublished(meta, path)
    if why is not None:
        return [], frags + [unpublished_fragment(why, lines, path, title)]
    if not title and not paragraphs:
        return [], frags
    post = meta_post(meta, path, title=title or file_slug(path)[0], text="\n".join(paragraphs),
                     links=links, canonical=canonical_from_meta(meta), first_line=1, layout=ORG)
    return [post], frags
