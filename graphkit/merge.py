"""Merge post sightings from several sources into one post per post."""

from __future__ import annotations

import re
from dataclasses import replace

from .model import Post
from .text import normalize_title

_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _date_rank(date: str | None) -> int:
    if not date:
        return 0
    if _FULL_DATE.match(date):
        return 3
    if re.match(r"^\d{4}", date):
        return 2
    return 1


def _union(*groups: tuple) -> tuple:
    seen: dict = {}
    for g in groups:
        for v in g:
            seen.setdefault(v, None)
    return tuple(seen)


def _combine(a: Post, b: Post) -> Post:
    """Combine two sightings of one post; the richest value of each field wins."""
    archive_id = a.archive_id if a.archive_id is not None else b.archive_id
    # Title: a source that knows the archive id names the post best.
    if a.title and b.title:
        title = a.title if (a.archive_id is not None or b.archive_id is None) else b.title
    else:
        title = a.title or b.title
    date = a.date if _date_rank(a.date) >= _date_rank(b.date) else b.date
    readers_values = [r for r in (a.readers, b.readers) if r is not None]
    text_src = a if len(a.text) >= len(b.text) else b
    return Post(
        key=a.key,
        title=title,
        label=title or a.label,
        untitled=not title,
        date=date,
        readers=max(readers_values) if readers_values else None,
        archive_id=archive_id,
        url=a.url or b.url,
        text=text_src.text,
        links=text_src.links if text_src.links else (a.links or b.links),
        categories=_union(a.categories, b.categories),
        tags=_union(a.tags, b.tags),
        related=_union(a.related, b.related),
        sources=_union(a.sources, b.sources),
    )


def post_key(post: Post) -> str:
    """Return the node id a merged post gets (see :class:`graphkit.model.Post`)."""
    if post.archive_id is not None:
        return f"post:{post.archive_id}"
    if post.title:
        return "post:title:" + normalize_title(post.title)
    return post.key


def merge_posts(sightings: list[Post] | tuple[Post, ...]) -> tuple[Post, ...]:
    """Merge sightings of the same post.

    Two sightings are the same post when they share an archive id (kexue.fm and
    spaces.ac.cn URLs give the id) or, failing that, a normalised title
    (:func:`graphkit.text.normalize_title`). Untitled sightings are never merged.

    Parameters
    ----------
    sightings : sequence of Post
        Posts as read, one per sighting; not modified.

    Returns
    -------
    tuple of Post
        One post per post, sorted by key; each keeps every source of its sightings.
    """
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(x: str, y: str) -> None:
        rx, ry = find(x), find(y)
        if rx != ry:
            parent[max(rx, ry)] = min(rx, ry)

    # A title shared by posts of different archive ids identifies none of them.
    title_ids: dict[str, set[int]] = {}
    for p in sightings:
        if p.title and p.archive_id is not None:
            title_ids.setdefault(normalize_title(p.title), set()).add(p.archive_id)
    for i, p in enumerate(sightings):
        keys = [f"#{i}"]
        if p.archive_id is not None:
            keys.append(f"id:{p.archive_id}")
        if p.title and len(title_ids.get(normalize_title(p.title), ())) <= 1:
            keys.append("t:" + normalize_title(p.title))
        for k in keys[1:]:
            union(keys[0], k)
    groups: dict[str, list[Post]] = {}
    for i, p in enumerate(sightings):
        groups.setdefault(find(f"#{i}"), []).append(p)
    merged = []
    for members in groups.values():
        # Sightings with an archive id first, so their values lead.
        members = sorted(members, key=lambda p: (p.archive_id is None, -len(p.text)))
        post = members[0]
        for other in members[1:]:
            post = _combine(post, other)
        merged.append(replace(post, key=post_key(post)))
    merged.sort(key=lambda p: p.key)
    return tuple(merged)
