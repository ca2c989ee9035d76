"""Rich text stored as JSON: Portable Text (Sanity's documents, a list of blocks), and the
trees of other editors (Strapi's blocks, Slate, Lexical, ProseMirror), see
:func:`rich_tree`.

A block (``_type: "block"``) holds spans (``children``, each with its ``text`` and the
keys of its ``marks``); a mark that is no style names one of the block's ``markDefs``:
a ``link`` with its ``href``, or an annotation that refers to another document by its
``_id`` (``{"_type": "internalLink", "reference": {"_ref": "…"}}``, whatever the
schema calls it). Other blocks (images, code, embeds) hold no prose.
"""

from __future__ import annotations

from typing import NamedTuple

from ..model import Link
from ..text import sentence_around

MAX_BLOCKS = 100_000        # blocks read from one document's text
MAX_TREE_NODES = 200_000    # nodes read from one rich-text tree


def _text_and_links(lines: list[str], found: list[tuple[int, int, int, str]]
                    ) -> tuple[str, list[Link]]:
    """The text of ``lines`` (a block a line, blank ones left out) and the links ``found``
    in them, each ``(line, start, end, url)``: the linked text its anchor, its sentence
    the sentence (an embedded card's, which holds no text: ``(an embedded entry)``)."""
    links = []
    for i, a, b, url in found:
        sentence = sentence_around(lines[i], a, b)[0] if lines[i].strip() else ""
        links.append(Link(url=url, anchor=lines[i][a:b].strip(),
                          sentence=sentence or "(an embedded entry)"))
    return "\n".join(line for line in lines if line.strip()), links


class TreeNode(NamedTuple):
    """What one node of a rich-text tree is to :func:`walk_tree` (its reader says)."""

    text: str | None = None         # a leaf's text
    marks: tuple[str, ...] = ()     # the addresses the leaf's text links (its link marks)
    link: str | None = None         # the address the node's text links
    card: str | None = None         # the address of a card embedded in place (no text)
    block: bool = False             # its end ends a line
    children: list | None = None


def walk_tree(roots: list, read) -> tuple[str, list[Link]]:
    """The text (a block a line) and links of a rich-text tree, depth first on an explicit
    stack, at most :data:`MAX_TREE_NODES` nodes: ``read(node)`` gives a node's
    :class:`TreeNode`, or None for a node that holds no prose (code, an image)."""
    lines: list[list[str]] = [[]]
    sizes = [0]
    found: list[tuple[int, int, int, str]] = []      # (line, start, end, url)
    stack: list = [(n, False) for n in reversed(roots)]
    seen = 0
    while stack and seen < MAX_TREE_NODES:
        node, closing = stack.pop()
        seen += 1
        if closing:
            if isinstance(node, tuple):                 # a link's end
                i, start, url = node
                if i == len(lines) - 1 and sizes[-1] > start:
                    found.append((i, start, sizes[-1], url))
            elif lines[-1]:                             # a block's end
                lines.append([])
                sizes.append(0)
            continue
        seen_as = read(node)
        if seen_as is None:
            continue
        if seen_as.text is not None:
            start = sizes[-1]
            lines[-1].append(seen_as.text)
            sizes[-1] += len(seen_as.text)
            found.extend((len(lines) - 1, start, sizes[-1], url) for url in seen_as.marks)
            continue
        if seen_as.card:
            found.append((len(lines) - 1, sizes[-1], sizes[-1], seen_as.card))
        if seen_as.link:
            stack.append(((len(lines) - 1, sizes[-1], seen_as.link), True))
        if seen_as.block:
            stack.append((node, True))
        if seen_as.children:
            stack.extend((c, False) for c in reversed(seen_as.children))
    return _text_and_links(["".join(parts) for parts in lines], found)


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
    return _text_and_links(lines, marked)


# the JSON trees of rich-text editors other than Portable Text: Strapi 5's blocks and
# Slate's (``type``, ``children``, ``text``), Lexical's (Payload, Ghost 5: a ``root``),
# ProseMirror's and TipTap's (``type``, ``content``, ``text`` with link ``marks``)
_TREE_BLOCKS = frozenset({"paragraph", "heading", "list-item", "listitem", "listItem", "quote",
                          "blockquote", "table-cell", "tableCell", "tableHeader", "line"})
_TREE_SKIPPED = frozenset({"code", "codeBlock", "code_block", "image", "upload", "math"})


def is_rich_tree(value) -> bool:
    """True for the JSON tree of a rich-text editor (a list of nodes, or an object with a
    ``root`` or of ``type`` ``doc``/``root``) whose nodes carry ``type`` and
    ``children`` or ``content``."""
    if isinstance(value, dict) and isinstance(value.get("root"), dict):
        value = value["root"]
    nodes = value if isinstance(value, list) else [value]
    return bool(nodes) and all(isinstance(n, dict) for n in nodes) and any(
        isinstance(n.get("type"), str)
        and isinstance(n.get("children", n.get("content")), list) for n in nodes)


def _tree_link(node: dict) -> str | None:
    """The address a link node of an editor's tree names, else None."""
    for holder in (node, node.get("attrs"), node.get("fields")):
        if isinstance(holder, dict):
            for key in ("url", "href"):
                if isinstance(holder.get(key), str) and holder[key].strip():
                    return holder[key].strip()
    return None


def rich_tree(value) -> tuple[str, list[Link]]:
    """The text of a rich-text editor's JSON tree (a block a line) and its links.

    A leaf's ``text`` is text; a node of ``type`` ``link`` (Strapi, Slate, Lexical:
    ``url``, Lexical's ``fields.url``) links what it holds, and so does a text's
    ``link`` mark (ProseMirror, TipTap: ``attrs.href``); paragraphs, headings, list
    items and quotes end a line; code, images and formulas are no prose.

    References
    ----------
    .. [1] Strapi, blocks-react-renderer (the nodes of Strapi's Blocks editor: paragraph,
       heading, list, quote, code, image; link with ``url``; text),
       https://github.com/strapi/blocks-react-renderer
    .. [2] Lexical, "Editor state", https://lexical.dev/docs/concepts/editor-state
    .. [3] ProseMirror, "Document structure", https://prosemirror.net/docs/guide/#doc
    """
    if isinstance(value, dict) and isinstance(value.get("root"), dict):
        value = value["root"]
    return walk_tree(value if isinstance(value, list) else [value], _read_tree_node)


def _read_tree_node(node) -> TreeNode | None:
    """A node of an editor's tree as :func:`walk_tree` reads it (see :func:`rich_tree`)."""
    if not isinstance(node, dict) or node.get("type") in _TREE_SKIPPED:
        return None
    if isinstance(node.get("text"), str):
        return TreeNode(text=node["text"], marks=tuple(
            url for mark in node.get("marks") or []
            if isinstance(mark, dict) and mark.get("type") == "link"
            and (url := _tree_link(mark))))
    kind = node.get("type")
    children = node.get("children", node.get("content"))
    return TreeNode(link=_tree_link(node) if kind in ("link", "autolink") else None,
                    block=kind in _TREE_BLOCKS,
                    children=children if isinstance(children, list) else None)
