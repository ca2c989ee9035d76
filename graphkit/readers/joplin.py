"""Reader of Joplin's RAW export (a folder of ``ID.md`` files; a ``.jex`` file is the same
files in a tar archive).

Each item is one file: its title on the first line, a blank line, its body, a blank
line, then its properties as ``name: value`` lines ending with ``type_``. Notes
(``type_: 1``) are posts: the title, ``created_time`` (else ``user_created_time``) as
the date, the body read as Markdown (``markup_language: 2`` is HTML). A note links
another by its id, ``[text](:/ID)``, which names the linked note's file; the note's
``id`` is one of its names too. A note's notebook (its ``parent_id``: ``type_: 2``,
notebooks nested in notebooks) gives its categories, outermost first, and its tags
(``type_: 5``, given to notes by ``type_: 6`` items) its tags: these items are read by
:func:`read_item` and joined to the notes by :func:`apply_items`, once every file is
read. Attachments' records (4) and other items are reported, as are notes in the trash
(``deleted_time``) and conflict copies (``is_conflict: 1``).

References
----------
.. [1] Joplin, ``BaseItem.serialize`` and ``BaseModel.TYPE_*`` (the RAW format),
   https://github.com/laurent22/joplin/blob/dev/packages/lib/models/BaseItem.ts
.. [2] Joplin, "Markdown guide" (links to notes: ``:/ID``),
   https://joplinapp.org/help/apps/markdown
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Fragment, Post
from ..text import preview
from .frontmatter import meta_post
from .html import flat_reading, read_html_content
from .markdown import markdown_to_text

JOPLIN = "joplin"
_PROPERTY_RE = re.compile(r"^([a-z_]++):[ \t]?(.*)$")
_TYPE_RE = re.compile(r"^type_:[ \t]?(\d{1,3})[ \t]*+$")
_ID_RE = re.compile(r"^[0-9a-f]{32}$")
# what Joplin's item types other than notes are (BaseModel.TYPE_*)
ITEM_TYPES = {2: "a Joplin notebook", 3: "a Joplin setting", 4: "the record of a Joplin "
              "attachment", 5: "a Joplin tag", 6: "the link of a Joplin tag to a note",
              9: "a Joplin master key", 13: "a Joplin revision", 16: "a Joplin search"}


def _properties(lines: list[str]) -> tuple[dict[str, str], int] | None:
    """The trailing ``name: value`` lines and the index of the first, or None when the
    file does not end with them (``type_`` last, an ``id``)."""
    end = len(lines)
    while end and not lines[end - 1].strip():
        end -= 1
    if not end or _TYPE_RE.match(lines[end - 1]) is None:
        return None
    start = end
    while start and lines[start - 1].strip() and _PROPERTY_RE.match(lines[start - 1]):
        start -= 1
    props = {}
    for line in lines[start:end]:
        m = _PROPERTY_RE.match(line)
        props.setdefault(m.group(1), m.group(2).strip())
    if not _ID_RE.match(props.get("id", "")):
        return None
    return props, start


def detect(lines: list[str], path: str) -> bool:
    """True for an item of Joplin's RAW export: a ``.md`` file ending with its
    properties (an ``id`` of 32 hexadecimal digits, ``type_`` last)."""
    return path.lower().endswith(".md") and _properties(lines) is not None


def read_joplin(lines: list[str], path: str) -> tuple[list[Post], list[Fragment]]:
    """Read one item of Joplin's RAW export: a note is a post; any other item, a note in
    the trash and a conflict copy are reported."""
    found = _properties(lines)
    if found is None:
        return [], []
    props, start = found
    kind = int(props["type_"]) if props.get("type_", "").isdecimal() else 0
    title = lines[0].strip() if start > 0 else ""

    def aside(why: str) -> tuple[list, list[Fragment]]:
        return [], [Fragment(path=path, line=1, end_line=len(lines), reason=why,
                             text=preview(title))]

    if kind != 1:
        return aside(f"{ITEM_TYPES.get(kind, f'a Joplin item of type {kind}')}, not a note")
    if props.get("deleted_time", "0") not in ("", "0"):
        return aside("a note in Joplin's trash (deleted_time), not published")
    if props.get("is_conflict") == "1":
        return aside("a conflict copy of a Joplin note (is_conflict: 1), not the note")
    body = lines[1:start]
    flat = []
    if props.get("markup_language") == "2":
        markup = "\n".join(body)
        text, links, problem = read_html_content(markup)
        if problem is not None:
            flat.append(flat_reading(problem, path=path, line=2, end_line=start, content=True,
                                     markup=markup))
    else:
        text, links = markdown_to_text(body, source=True)
    if not title and not text:
        return aside("a Joplin note with neither a title nor a body")
    meta = {"title": title, "aliases": [props["id"]],
            "date": props.get("created_time") or props.get("user_created_time"),
            NOTE_ID: props["id"], NOTEBOOK: props.get("parent_id", "")}
    post = meta_post(meta, path, title=title, text=text, links=links, canonical=None,
                     first_line=1, layout=JOPLIN)
    return [post], flat


JOPLIN_ITEM = "joplin-item"        # the format of a notebook, a tag or a tag's link to a note
NOTE_ID, NOTEBOOK = "joplin_id", "joplin_notebook"      # a note's fields (Post.fields)
_JOINED_TYPE_RE = re.compile(r"\ntype_:[ \t]?[256][ \t]*+\s*$")
_ITEM_KEYS = ("id", "parent_id", "note_id", "tag_id", "deleted_time")
MAX_NOTEBOOK_DEPTH = 64    # notebooks read above a note's own (Joplin's own nest a few)


def read_item(text: str, path: str) -> tuple[tuple[str, str], ...] | None:
    """A Joplin notebook, tag or link of a tag to a note, as ``(name, value)`` pairs
    (``type``, ``title`` and its properties ``id``, ``parent_id``, ``note_id``,
    ``tag_id``, ``deleted_time``); None for any other file.

    Parameters
    ----------
    text : str
        The file's text.
    path : str
        The file's name (a ``.md`` file, as Joplin's RAW export names its items).

    References
    ----------
    .. [1] Joplin, ``BaseModel.TYPE_FOLDER`` (2), ``TYPE_TAG`` (5) and ``TYPE_NOTE_TAG``
       (6), https://github.com/laurent22/joplin/blob/dev/packages/lib/BaseModel.ts
    """
    if not path.lower().endswith(".md") or not _JOINED_TYPE_RE.search(text[-64:]):
        return None
    lines = text.split("\n")
    found = _properties(lines)
    if found is None:
        return None
    props, start = found
    title = lines[0].strip() if start > 0 else ""
    return (("type", props["type_"]), ("title", title),
            *((k, props[k]) for k in _ITEM_KEYS if props.get(k)))


def apply_items(posts: list[Post], items: dict[str, tuple[tuple[str, str], ...]]
                ) -> tuple[list[Post], list[Fragment]]:
    """Give each Joplin note its notebooks as categories and its tags as tags.

    Parameters
    ----------
    posts : list of Post
        Sightings as read; not modified.
    items : dict of str to tuple of (str, str)
        Report name of each notebook, tag and link file → what :func:`read_item` read.

    Returns
    -------
    posts : list of Post
        The posts, each Joplin note with the titles of its notebook and of the notebooks
        that hold it (outermost first) before its other categories, and the titles of
        its tags after its other tags.
    fragments : list of Fragment
        Each item no read note uses: a notebook in the trash, a tag no note read has, a
        link whose note or tag was not read (or is in the trash).
    """
    if not items:
        return posts, []
    by_id = {dict(v).get("id", ""): (name, dict(v)) for name, v in items.items()}
    live = {i: v for i, (_, v) in by_id.items() if v.get("deleted_time", "0") in ("", "0")}
    notes = {dict(p.fields).get(NOTE_ID) for p in posts if p.sources
             and p.sources[0].format == JOPLIN} - {None}
    tags_of: dict[str, list[str]] = {}
    used: set[str] = set()
    for item_id, v in sorted(live.items()):
        tag = live.get(v.get("tag_id", ""), {})
        if v["type"] == "6" and v.get("note_id") in notes and tag.get("type") == "5":
            if tag["title"]:
                tags_of.setdefault(v["note_id"], []).append(tag["title"])
            used |= {item_id, v["tag_id"]}
    chains: dict[str, tuple[str, ...]] = {}

    def notebooks(start: str) -> tuple[str, ...]:
        """The titles of the notebook ``start`` and of those holding it, outermost first
        (at most MAX_NOTEBOOK_DEPTH; a cycle ends the walk)."""
        if start not in chains:
            at, titles, seen = start, [], set()
            while (at in live and live[at]["type"] == "2" and at not in seen
                   and len(seen) < MAX_NOTEBOOK_DEPTH):
                seen.add(at)
                titles.append(live[at]["title"])
                at = live[at].get("parent_id", "")
            used.update(seen)
            chains[start] = tuple(t for t in reversed(titles) if t)
        return chains[start]

    out = []
    for p in posts:
        fields = dict(p.fields)
        note = fields.get(NOTE_ID) if p.sources and p.sources[0].format == JOPLIN else None
        if note is None:
            out.append(p)
            continue
        out.append(replace(
            p, tags=tuple(dict.fromkeys((*p.tags, *tags_of.get(note, ())))),
            categories=tuple(dict.fromkeys((*notebooks(fields.get(NOTEBOOK, "")),
                                            *p.categories)))))
    # (their titles untold, as a file that holds no post is reported: where and why)
    frags = [Fragment(path=name, line=1, end_line=1, text="", reason=_unused(dict(v), live))
             for name, v in sorted(items.items()) if dict(v).get("id", "") not in used]
    return out, frags


def _unused(item: dict[str, str], live: dict[str, dict[str, str]]) -> str:
    """Why a Joplin notebook, tag or link was not joined to a note (``live``: the items
    not in the trash, by id)."""
    kind = ITEM_TYPES.get(int(item["type"]), "a Joplin item")
    if item.get("id", "") not in live:
        return f"{kind} in Joplin's trash (deleted_time)"
    if item["type"] == "6":
        return f"{kind} whose note or tag was not read"
    return f"{kind} that no note read is in" if item["type"] == "2" else f"{kind} no note read has"
