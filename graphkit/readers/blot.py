"""A Blot blog's folder: what Blot publishes of it, and how it dates a post.

Blot (https://blot.im) publishes a folder of files as a blog, with no configuration file:
its folder holds ``Posts/``, ``Drafts/`` and ``Pages/`` (made when the blog is), and
any file in it becomes a post but for those in ``Drafts/`` (not published: Blot writes a
preview beside each, ``x.txt.html``), those in ``Pages/`` (the pages of the site's menu)
and those whose name, or a folder's in their path, starts with ``_`` (ignored). A post's
metadata (``Date:``, ``Link:``, ``Tags:`` lines before a blank line: see
:func:`graphkit.readers.frontmatter.metadata_header`) dates it; numbers ending with the
year are read month first (``09/29/2023``, ``9.29.2023``), as Blot reads them unless told
otherwise; an undated post is dated by its path (``2016/2/23/post.txt``,
``2023-09-29 Portrait.txt``, ``2016_02_23_post.txt``). A folder named in brackets
(``[Literature]/``) tags the posts in it.

A folder is taken for a Blot blog's when it holds two of ``Posts/``, ``Drafts/`` and
``Pages/`` (so named, in that case) with files read in them.

References
----------
.. [1] Blot, "How to use Blot", https://blot.im/help
.. [2] Blot, "Metadata" (dates, links, dates from a path), https://blot.im/how/metadata
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from ..dates import parse_date
from ..model import Fragment, Post
from ..text import preview

BLOT_FOLDERS = ("Posts", "Drafts", "Pages")
# a date in a file's path: 2016/2/23/, 2023-09-29 Name, 2016_02_23_00:00_name
# a folder that tags the posts in it: [Literature] (nested: [A]/[B] gives both; an
# upload's name writes its brackets full-width, see graphkit.readers.upload_name)
_TAG_FOLDER_RE = re.compile(r"^[\[［]([^\[\]［］]+)[\]］]$")
_PATH_DATE_RE = re.compile(r"(?:^|/)(\d{4})[/ _-](\d{1,2})[/ _-](\d{1,2})(?=[/ _:-]|$)")


def blot_roots(paths) -> set[str]:
    """The folders among ``paths``' that are Blot blogs' (two of :data:`BLOT_FOLDERS`
    directly in them)."""
    seen: dict[str, set[str]] = {}
    for path in paths:
        parts = path.split("/")
        for i, part in enumerate(parts[:-1]):
            if part in BLOT_FOLDERS:
                seen.setdefault("/".join(parts[:i]), set()).add(part)
    return {root for root, names in seen.items() if len(names) >= 2}


def path_date(rel: str) -> str | None:
    """The date a Blot post's path under its blog's folder gives it, as ``YYYY-MM-DD``."""
    m = _PATH_DATE_RE.search(rel)
    if m is None:
        return None
    try:
        return dt.date(*(int(g) for g in m.groups())).isoformat()
    except ValueError:
        return None


def set_aside(sightings: list[Post]) -> tuple[list[Post], list[Fragment]]:
    """Keep what a Blot blog publishes as posts, dated as Blot dates them.

    Parameters
    ----------
    sightings : list of Post
        Posts as read; not modified.

    Returns
    -------
    posts : list of Post
        The others unchanged; a Blot blog's posts with the date Blot gives them (their
        metadata's, numbers read month first; else their path's) and the tags of their
        folders.
    fragments : list of Fragment
        One per file set aside (a draft, a page, an ignored file), with the reason.
    """
    roots = sorted(blot_roots(p.sources[0].path for p in sightings if p.sources),
                   key=len, reverse=True)
    if not roots:
        return sightings, []
    kept: list[Post] = []
    aside: list[Fragment] = []
    for p in sightings:
        path = p.sources[0].path if p.sources else ""
        root = next((r for r in roots if path.startswith(r + "/") or not r), None)
        if root is None:
            kept.append(p)
            continue
        rel = path[len(root) + 1:] if root else path
        parts = rel.split("/")
        why = None
        if parts[0] == "Drafts":
            why = "a draft (Blot does not publish the files in Drafts/), not a post"
        elif parts[0] == "Pages":
            why = "a page of the site (Blot's Pages/ are the pages of its menu), not a post"
        elif any(part.startswith("_") for part in parts):
            why = "ignored by Blot (a file or folder whose name starts with _), not a post"
        if why is not None:
            line = p.sources[0].line
            aside.append(Fragment(path=path, line=line, end_line=line, reason=why,
                                  text=preview(p.title or p.text)))
            continue
        date = (parse_date(dict(p.fields).get("date"), month_first=True) or p.date
                or path_date(rel))
        tags = tuple(dict.fromkeys([*p.tags, *(m.group(1).strip() for part in parts[:-1]
                                               if (m := _TAG_FOLDER_RE.match(part)))]))
        if date != p.date or tags != p.tags:
            p = replace(p, date=date, tags=tags)
        kept.append(p)
    return kept, aside
