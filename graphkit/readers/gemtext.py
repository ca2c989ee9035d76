"""Reader of Gemini capsules: gemlog posts written in gemtext (``.gmi``).

Gemtext is a line format: a line is a heading (``#``, ``##``, ``###``), a link line
(``=> URL [label]``), a list item (``* ``), a quotation (``>``), a preformatted toggle
(a line opening with three backticks) or text; clients wrap long lines, so each text
line is a paragraph of its own and lines are never joined. One file is one post: the
first ``#`` heading is its title (as the subscription convention takes it), else the file
name; the date comes from the file name (``2021-03-01-title.gmi``, the way most gemlogs
name posts) or from a line of its own at the top that is only a date. Link lines are the
links, their labels the citing text; a URL without a scheme is the capsule's own page,
resolved against the linking file (``../x.gmi``, ``/gemlog/x.gmi``). Preformatted lines
(code, ASCII art) are not text. A capsule kept in a folder named as its host (a Gemini
server's ``/var/gemini/HOST/``, gssg's ``HOST/`` as ``gssg -init HOST`` makes it) gives
each page its address, ``gemini://HOST/`` and the path below that folder.

A page is not a post when it is a gemlog's index (two or more link lines whose labels open
with an ISO date: the entries of the subscription convention) or holds no text line at all
(a capsule's menu of links): each is listed in the parse report.

References
----------
.. [1] Project Gemini, "Gemtext specification" (text/gemini), Section 5,
   https://geminiprotocol.net/docs/gemtext-specification.gmi
.. [2] Project Gemini, "Subscribing to Gemini pages" (a gemlog's index as a feed),
   https://geminiprotocol.net/docs/companion/subscription.gmi
.. [3] gssg, "A gemini static site generator" (``gssg -init``, dates from the file name),
   https://pkg.go.dev/git.sr.ht/~gsthnz/gssg
"""

from __future__ import annotations

import re

from ..model import Fragment, Link, Post
from ..sites import SITE_REF, file_slug
from ..text import preview
from .frontmatter import meta_post
from .html import mirror_address

GEMTEXT = "gemtext"
_LINK_LINE_RE = re.compile(r"^=>[ \t]*(\S+)(?:[ \t]+(.*))?$")
_HEADING_RE = re.compile(r"^(#{1,3})(.*)$")
# a label opening with an ISO date: an entry of a gemlog's index (the subscription convention)
_ENTRY_LABEL_RE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:$|[\s:–—-])")
# a line that is only a date (a post's date written under its title)
# ("2021-09-10", "Posted: 2021-09-10", "Published on 2021-09-10")
_DATE_LINE_RE = re.compile(r"^(?:[A-Za-z]{2,12}:?[ \t]{1,4}){0,2}(\d{4}-\d{2}-\d{2})$")
_SCHEME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]{0,30}:")
_IMAGE_RE = re.compile(r"\.(?:png|jpe?g|gif|svg|webp)$", re.I)


def detect(path: str) -> bool:
    """True for a gemtext file (``.gmi``, ``.gemini``)."""
    return path.lower().endswith((".gmi", ".gemini"))


def _target(url: str) -> str:
    """A link line's URL as graphkit resolves it: one with no scheme (``x.gmi``,
    ``../x.gmi``, ``/gemlog/x.gmi``) names a page of the capsule, by its file."""
    if url.startswith("//") or _SCHEME_RE.match(url):
        return url
    return SITE_REF + url


def capsule_address(path: str) -> str | None:
    """A page's ``gemini://`` address from the host folder its capsule is kept in
    (``srv/gem.example/gemlog/x.gmi`` → ``gemini://gem.example/gemlog/x.gmi``; a folder's
    ``index.gmi`` is the folder); None when no folder is named like a host.

    >>> capsule_address("srv/gem.example/gemlog/index.gmi")
    'gemini://gem.example/gemlog/'
    >>> capsule_address("capsule/gemlog/x.gmi") is None
    True
    """
    web = mirror_address(path)
    if web is None:
        return None
    return re.sub(r"(?i)/index\.gmi$", "/", "gemini" + web[len("https"):])


def read_gemtext(lines: list[str], path: str) -> tuple[list[Post], list[Fragment]]:
    """Read one gemtext file as one post.

    Parameters
    ----------
    lines : list of str
        The file's lines.
    path : str
        Report name of the file; its path and stem are names links may use.

    Returns
    -------
    posts : list of Post
        One post, or none for a gemlog's index, a menu of links or an empty file.
    fragments : list of Fragment
        Why a page is not a post; a preformatted block left open at the end of the file.
    """
    paragraphs: list[str] = []
    links: list[Link] = []
    frags: list[Fragment] = []
    title = ""
    date = None
    entries = 0
    texts = 0
    pre_start: int | None = None
    for i, raw in enumerate(lines):
        line = raw.rstrip("\r\n")
        if line.startswith("```"):
            pre_start = i if pre_start is None else None
            continue
        if pre_start is not None:
            continue
        m = _LINK_LINE_RE.match(line)
        if m:
            url, label = m.group(1), (m.group(2) or "").strip()
            if _ENTRY_LABEL_RE.match(label):
                entries += 1
            if _IMAGE_RE.search(url.split("?", 1)[0]):
                continue
            anchor = label or url
            paragraphs.append(anchor)
            links.append(Link(url=_target(url), anchor=anchor, sentence=anchor))
            continue
        if line.startswith("=>"):
            continue                        # "=>" with no URL: nothing
        h = _HEADING_RE.match(line)
        if h:
            heading = h.group(2).strip()
            if heading:
                if not title and len(h.group(1)) == 1:
                    title = heading
                else:
                    paragraphs.append(heading)
            continue
        stripped = line[2:] if line.startswith("* ") else line.lstrip(">")
        stripped = stripped.strip()
        if not stripped:
            continue
        d = _DATE_LINE_RE.match(stripped)
        if d and date is None and texts == 0:
            date = d.group(1)                 # a date under the title: the post's, no text
            continue
        texts += 1
        paragraphs.append(stripped)
    nonblank = [i for i, line in enumerate(lines, 1) if line.strip()]
    if pre_start is not None:
        frags.append(Fragment(path=path, line=pre_start + 1, end_line=len(lines),
                              reason="a preformatted block (```) never closed: the rest of "
                                     "the file is not read as text",
                              text=preview("\n".join(lines[pre_start:pre_start + 5]))))
    why = None
    if entries >= 2:
        why = (f"a gemlog's index ({entries} link lines dated as the subscription "
               "convention's entries), not a post")
    elif texts == 0 and links:
        why = "a page of links with no text (a capsule's menu), not a post"
    if why is not None:
        return [], frags + [Fragment(path=path, line=nonblank[0], end_line=nonblank[-1],
                                     reason=why, text=preview(title))]
    if not title and not paragraphs:
        return [], frags
    meta: dict = {}
    if date is not None:
        meta["date"] = date
    post = meta_post(meta, path, title=title or file_slug(path)[0], text="\n".join(paragraphs),
                     links=links, canonical=capsule_address(path), first_line=1,
                     layout=GEMTEXT)
    return [post], frags
