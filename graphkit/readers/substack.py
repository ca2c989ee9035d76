"""Substack's export: ``posts.csv`` names the posts, ``posts/ID.slug.html`` holds each body.

A Substack publication's export is a folder (a ZIP unpacked) holding ``posts.csv``, one
row per post (``post_id`` as ``ID.slug``, ``post_date``, ``is_published``, ``type``,
``audience``, ``title``, ``subtitle``…), and a ``posts/`` folder of bodies named by the
row's ``post_id`` (``posts/ID.slug.html``: the post's HTML without title, date or page
around it), beside each body the e-mail statistics of its sending
(``ID.slug.opens.csv``, ``ID.slug.delivers.csv``) and the subscribers' list
(``email_list.NAME.csv``), neither of which names a post.

Here a row of ``posts.csv`` is read by :func:`graphkit.readers.table.read_csv` (its
title and date; a row not published, or of type ``page``, is reported, not read) and
given its post's number and address path (``substack/ID``, ``p/slug``:
:func:`row_aliases`); :func:`join_bodies` then makes each row and the body its
``post_id`` names one sighting, and sets aside the bodies that no published row names
(drafts, pages). The post's number resolves links by Substack's app addresses
(:func:`graphkit.sites.substack_post_id`).

References
----------
.. [1] Substack, Settings → Exports ("Create new export"): the ZIP's layout as Ghost's
   importer reads it, https://github.com/TryGhost/migrate/tree/main/packages/mg-substack
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import PurePosixPath

from ..model import Fragment, Post
from ..text import preview

POSTS_TABLE = "posts.csv"
# the columns by which a CSV is Substack's table of posts
SUBSTACK_COLUMNS = frozenset({"post_id", "is_published", "title"})
# post_id: the post's number, then its slug after a dot
_POST_ID_RE = re.compile(r"^(\d+)(?:\.([^\s/]+))?$")
# a body file: posts/ID.slug.html
_BODY_RE = re.compile(r"^(\d+)\.[^/]*\.html?$", re.I)
# the row types that are not posts (Substack's pages: "About", a custom page)
NOT_POST_TYPES = frozenset({"page"})
ALIAS_PREFIX = "substack/"


def is_posts_table(path: str, header: list[str]) -> bool:
    """True for Substack's ``posts.csv``: that name, with ``post_id``, ``is_published``
    and ``title`` columns."""
    return (PurePosixPath(path).name.lower() == POSTS_TABLE
            and SUBSTACK_COLUMNS <= {str(h).strip().casefold() for h in header if h})


def not_a_post(row: dict) -> str | None:
    """Why a row of ``posts.csv`` names no post (its ``type`` is a page), else None."""
    kind = str(row.get("type") or "").strip().casefold()
    if kind in NOT_POST_TYPES:
        return f"a Substack {kind} (type: {kind}), not a post"
    return None


def row_aliases(row: dict) -> tuple[str, ...]:
    """The names a row of ``posts.csv`` gives its post: ``substack/ID`` and ``p/slug``
    (the post's path on its publication's site, ``https://NAME.substack.com/p/slug``).

    >>> row_aliases({"post_id": "101000003.rope"})
    ('substack/101000003', 'p/rope')
    """
    m = _POST_ID_RE.match(str(row.get("post_id") or "").strip())
    if not m:
        return ()
    path = (f"p/{m.group(2).casefold()}",) if m.group(2) else ()
    return (f"{ALIAS_PREFIX}{m.group(1)}", *path)


def body_file(path: str) -> tuple[str, str] | None:
    """``(export folder, post number)`` of a body file ``…/posts/ID.slug.html``, or of
    ``ID.slug.html`` beside ``posts.csv`` (files uploaded one by one lose their folders),
    else None.

    >>> body_file("export/posts/101000003.rope.html")
    ('export', '101000003')
    >>> body_file("101000003.rope.html")
    ('.', '101000003')
    """
    p = PurePosixPath(path)
    m = _BODY_RE.match(p.name)
    if not m:
        return None
    return str(p.parent.parent if p.parent.name.lower() == "posts" else p.parent), m.group(1)


def join_bodies(sightings: list[Post]) -> tuple[list[Post], list[Fragment]]:
    """Join each row of a Substack ``posts.csv`` with the body file it names.

    The row gives the post's title, date and names; the body its text and links; the
    joined sighting keeps both sources. A body file of a ``posts.csv`` (in ``posts/``
    beside it, or beside it itself) that no
    published row names (a draft, a page) is set aside and reported; a body file read
    without its ``posts.csv`` stays as it was read.

    Parameters
    ----------
    sightings : list of Post
        Sightings as read; not modified.

    Returns
    -------
    sightings : list of Post
        The sightings, each row joined with its body and the bodies removed.
    fragments : list of Fragment
        One per body file set aside.
    """
    rows: dict[tuple[str, str], int] = {}
    for i, p in enumerate(sightings):
        src = p.sources[0] if p.sources else None
        if src is None or PurePosixPath(src.path).name.lower() != POSTS_TABLE:
            continue
        root = str(PurePosixPath(src.path).parent)
        for a in p.aliases:
            if a.startswith(ALIAS_PREFIX):
                rows[(root, a[len(ALIAS_PREFIX):])] = i
    if not rows:
        return sightings, []
    tables = {root for root, _ in rows}
    joined: dict[int, Post] = {}
    bodies: set[int] = set()
    fragments: list[Fragment] = []
    for j, p in enumerate(sightings):
        src = p.sources[0] if p.sources else None
        found = body_file(src.path) if src is not None else None
        if found is None or found[0] not in tables:
            continue
        bodies.add(j)
        i = rows.get(found)
        if i is None:
            fragments.append(Fragment(
                path=src.path, line=src.line, end_line=src.line,
                reason=f"a body that {found[0]}/{POSTS_TABLE} lists as no published post "
                       f"(a draft or a page, see its row), not read", text=preview(p.text)))
            continue
        row = joined.get(i, sightings[i])
        joined[i] = replace(row, text=p.text if len(p.text) >= len(row.text) else row.text,
                            links=row.links + p.links,
                            aliases=tuple(dict.fromkeys(row.aliases + p.aliases)),
                            sources=row.sources + p.sources)
    return [joined.get(i, p) for i, p in enumerate(sightings) if i not in bodies], fragments
