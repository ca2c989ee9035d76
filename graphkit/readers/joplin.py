"""Reader of Joplin's RAW export (a folder of ``ID.md`` files; a ``.jex`` file is the same
files in a tar archive).

Each item is one file: its title on the first line, a blank line, its body, a blank
line, then its properties as ``name: value`` lines ending with ``type_``. Notes
(``type_: 1``) are posts: the title, ``created_time`` (else ``user_created_time``) as
the date, the body read as Markdown (``markup_language: 2`` is HTML). A note links
another by its id, ``[text](:/ID)``, which names the linked note's file; the note's
``id`` is one of its names too. Notebooks (``type_: 2``), attachments' records (4),
tags (5), the links of tags to notes (6) and other items are reported, as are notes in
the trash (``deleted_time``) and conflict copies (``is_conflict: 1``).

References
----------
.. [1] Joplin, ``BaseItem.serialize`` and ``BaseModel.TYPE_*`` (the RAW format),
   https://github.com/laurent22/joplin/blob/dev/packages/lib/models/BaseItem.ts
.. [2] Joplin, "Markdown guide" (links to notes: ``:/ID``),
   https://joplinapp.org/help/apps/markdown
"""

from __future__ import annotations

import re

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
            "date": props.get("created_time") or props.get("user_created_time")}
    post = meta_post(meta, path, title=title, text=text, links=links, canonical=None,
                     first_line=1, layout=JOPLIN)
    return [post], flat
