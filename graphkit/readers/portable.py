"""Portable Text: the rich text of Sanity's documents, a JSON list of blocks.

A block (``_type: "block"``) holds spans (``children``, each with its ``text`` and the
keys of its ``marks``); a mark that is no style names one of the block's ``markDefs``:
a ``link`` with its ``href``, or an annotation that refers to another document by its
``_id`` (``{"_type": "internalLink", "reference": {"_ref": "…"}}``, whatever the
schema calls it). Other blocks (images, code, embeds) hold no prose.
"""

from __future__ import annotations

from ..model import Link
from ..text import sentence_around

MAX_BLOCKS = 100_000        # blocks read from one document's text


def is_portable_text(value) -> bool:
    """True for a list whose items are objects and one of them a Portable Text block."""
    return (isinstance(value, list) and bool(value) and all(isinstance(b, dict) for b in value)
            and any(b.get("_type") == "block" and isinstance(b.get("children"), list)
                    for b in value))


def _reference(mark: dict) -> str | None:
    """The ``_ref`` an annotation carries, on itself or one level down, else None."""
    if isinstance(mark.get("_ref"), str):
        return mark["_ref"]
    for value in mark.values():
        if isinstance(value, dict) and isinstance(value.get("_ref"), str):
            return value["_ref"]
    return None


def portable_text(blocks: list, *, ref_url) -> tuple[str, list[Link]]:
    """The plain text of a Portable Text list (one paragraph a block) and its links.

    Parameters
    ----------
    blocks : list of dict
        The blocks, as JSON.
    ref_url : callable
        ``ref_url(document id)``: the address a link to another document is given (the
        caller knows how that document is named).

    Returns
    -------
    text : str
        The blocks' spans, a block a line.
    links : list of Link
        Each marked span's link: its ``href``, or its reference's document by
        ``ref_url``; the span's text as the anchor, its sentence as the sentence.

    References
    ----------
    .. [1] Portable Text specification, https://github.com/portabletext/portabletext
    """
    lines: list[str] = []
    marked: list[tuple[int, int, int, str]] = []     # (line, start, end, url)
    for block in blocks[:MAX_BLOCKS]:
        if not isinstance(block, dict) or block.get("_type") != "block":
            continue
        defs = {d["_key"]: d for d in block.get("markDefs") or []
                if isinstance(d, dict) and isinstance(d.get("_key"), str)}
        parts: list[str] = []           # the block's spans (joined once: no quadratic +=)
        end = 0
        open_marks: dict = {}           # mark key → its entry in marked, while spans go on
        for span in block.get("children") or []:
            if not isinstance(span, dict) or not isinstance(span.get("text"), str):
                continue
            parts.append(span["text"])
            start, end = end, end + len(span["text"])
            marks = span.get("marks")
            keys = [k for k in marks if isinstance(k, str) and k in defs] \
                if isinstance(marks, list) else []
            for key in keys:
                if key in open_marks:   # one link over spans of several styles
                    i, a, _, url = marked[open_marks[key]]
                    marked[open_marks[key]] = (i, a, end, url)
                    continue
                mark = defs[key]        # (a key naming no definition is a style: strong)
                href = mark.get("href")
                ref = _reference(mark)
                url = href if isinstance(href, str) and href.strip() else (
                    ref_url(ref) if ref else None)
                if url:
                    open_marks[key] = len(marked)
                    marked.append((len(lines), start, end, url.strip()))
            open_marks = {k: v for k, v in open_marks.items() if k in keys}
        lines.append("".join(parts))
    links = []
    for i, a, b, url in marked:
        sentence, _, _ = sentence_around(lines[i], a, b)
        links.append(Link(url=url, anchor=lines[i][a:b].strip(), sentence=sentence))
    return "\n".join(line for line in lines if line.strip()), links
