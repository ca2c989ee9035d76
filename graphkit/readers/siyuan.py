"""Reader of SiYuan (思源笔记) documents: the ``.sy`` files of a notebook, as they lie in a
workspace's ``data/NOTEBOOK-ID/`` folder or in a notebook exported as ``.sy.zip``.

A ``.sy`` file is one document: a JSON tree of blocks (Lute's syntax tree) under a
``NodeDocument`` whose ``Properties`` hold its ``title`` and ``tags``. Its file name is
its id, ``YYYYMMDDHHMMSS-xxxxxxx``, whose first 14 digits are the time it was made (the
document's date); a child document lies in the folder named by its parent's id. Every
block has an id too, and a block reference (``TextMarkType: block-ref``, the legacy
``NodeBlockRef``) names the block it cites: the reference reaches the document holding
that block. Links (``TextMarkType: a``) keep their address; ``siyuan://blocks/ID``
addresses are block references too. Paragraphs, headings, list items, quotations,
callouts and table cells are text; code blocks, formula blocks, embedded queries
(``{{select …}}``), attribute views, widgets and media are not; an HTML block is read
as HTML.

References
----------
.. [1] SiYuan, "SY-FORMAT" (the ``.sy`` JSON tree, node types, ``TextMark`` types),
   https://github.com/siyuan-note/siyuan/blob/master/SY-FORMAT.md
.. [2] SiYuan, "WORKSPACE" (notebooks, ids, the folders of child documents),
   https://github.com/siyuan-note/siyuan/blob/master/WORKSPACE.zh-CN.md
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import PurePosixPath

from ..model import Fragment, Link, Post
from ..sites import block_ref
from ..text import loads_json, preview
from .frontmatter import meta_post
from .markdown import SpanText, soft_break, span_link

SIYUAN = "siyuan"
# a block's id: the time it was made and seven letters or digits
NODE_ID_RE = re.compile(r"^\d{14}-[0-9a-z]{7}$")
_BLOCK_URL_RE = re.compile(r"^siyuan://blocks/(\d{14}-[0-9a-z]{7})", re.I)
# blocks whose content is not prose, nor holds citations: code, formulas, an embedded
# query, a database view, widgets and media, a rule
_NOT_TEXT = frozenset({"NodeCodeBlock", "NodeMathBlock", "NodeBlockQueryEmbed",
                       "NodeAttributeView", "NodeIFrame", "NodeVideo", "NodeAudio",
                       "NodeWidget", "NodeThematicBreak", "NodeCustomBlock", "NodeImage",
                       "NodeKramdownSpanIAL", "NodeKramdownBlockIAL", "NodeYamlFrontMatter"})
# blocks that are one paragraph of text each; the others hold blocks
_PARAGRAPHS = frozenset({"NodeParagraph", "NodeHeading", "NodeTableRow"})
_MAX_NODES = 2_000_000     # a document's nodes read at most (a hostile file: the rest reported)


def detect(text: str, path: str) -> bool:
    """True for a SiYuan document: a ``.sy`` file holding a JSON ``NodeDocument``."""
    if not path.lower().endswith(".sy"):    # (before reading a large file's text)
        return False
    head = text.lstrip()[:4096]
    return (head.startswith("{")
            and re.search(r'"Type"\s*:\s*"NodeDocument"', head) is not None)


class _Paragraphs(SpanText):
    """Text accumulated block by block: the paragraph being built (a :class:`SpanText`),
    and the text and links of those ended."""

    def __init__(self) -> None:
        super().__init__()
        self.done: list[str] = []
        self.links: list[Link] = []
        self.flat: list[tuple[str, str]] = []   # (problem, markup): HTML blocks read flat
        self.broken = False         # a soft break before the next text

    def put(self, piece: str, url: str | None = None) -> None:
        """Add ``piece`` to the paragraph (``"\\n"``: a soft break), as a link to
        ``url`` when given."""
        if piece == "\n":
            self.broken = bool(self.parts)
            return
        if self.broken and piece:
            self.broken = False
            super().put(soft_break(self.parts[-1], piece))
        super().put(piece, url)

    def end(self) -> None:
        """End the paragraph: its text and links are kept."""
        raw = self.text()
        text = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        self.links.extend(span_link(text, s - lead, e - lead, url, anchor)
                          for s, e, url, anchor in self.spans)
        if text:
            self.done.append(text)
        SpanText.__init__(self)
        self.broken = False


def _children(node: dict) -> list:
    kids = node.get("Children")
    return kids if isinstance(kids, list) else []


def _kind(node: dict) -> str:
    kind = node.get("Type")
    return kind if isinstance(kind, str) else ""


def _depth_first(node: dict, budget: list[int]):
    """The nodes under ``node``, depth first, each with the stack of those still to
    visit (a caller visits a node's children next by pushing them, last first); at most
    ``budget[0]`` of them, which counts down."""
    stack = list(reversed(_children(node)))
    while stack:
        child = stack.pop()
        budget[0] -= 1
        if budget[0] >= 0 and isinstance(child, dict):
            yield child, stack


def _inline(node: dict, out: _Paragraphs, tags: list[str], budget: list[int]) -> None:
    """Put the inline content of ``node`` (a paragraph's children, depth first)."""
    for child, stack in _depth_first(node, budget):
        kind = _kind(child)
        if kind in _NOT_TEXT:
            continue
        if kind == "NodeTextMark":
            marks = str(child.get("TextMarkType") or "").split()
            shown = str(child.get("TextMarkTextContent") or "")
            if "inline-math" in marks:
                out.put(str(child.get("TextMarkInlineMathContent") or ""))
            elif "block-ref" in marks and NODE_ID_RE.match(str(child.get("TextMarkBlockRefID"))):
                out.put(shown, block_ref(child["TextMarkBlockRefID"]))
            elif "a" in marks and child.get("TextMarkAHref"):
                href = str(child["TextMarkAHref"]).strip()
                ref = _BLOCK_URL_RE.match(href)
                out.put(shown, block_ref(ref.group(1)) if ref else href)
            elif "tag" in marks:            # #tag#: the document's tag, not its text
                if shown.strip("# "):
                    tags.append(shown.strip("# "))
            else:
                out.put(shown)
        elif kind == "NodeBlockRef":      # (before Spec 1: the id and the anchor as nodes)
            parts = {c.get("Type"): str(c.get("Data") or "") for c in _children(child)
                     if isinstance(c, dict)}
            target = parts.get("NodeBlockRefID", "")
            shown = parts.get("NodeBlockRefText") or parts.get("NodeBlockRefDynamicText") or ""
            out.put(shown, block_ref(target) if NODE_ID_RE.match(target) else None)
        elif kind == "NodeLink":          # (before Spec 1: text and address as nodes)
            parts = {c.get("Type"): str(c.get("Data") or "") for c in _children(child)
                     if isinstance(c, dict)}
            href = parts.get("NodeLinkDest", "").strip()
            ref = _BLOCK_URL_RE.match(href)
            out.put(parts.get("NodeLinkText", ""),
                    (block_ref(ref.group(1)) if ref else href) or None)
        elif kind in ("NodeSoftBreak", "NodeBr", "NodeHardBreak"):
            out.put("\n")
        elif kind == "NodeText" or kind == "NodeCodeSpanContent" or kind == "NodeBackslashContent":
            out.put(str(child.get("Data") or ""))
        elif kind == "NodeTableCell":
            out.put(" ")
            stack.extend(reversed(_children(child)))
        else:
            stack.extend(reversed(_children(child)))


def _blocks(doc: dict, out: _Paragraphs, tags: list[str], ids: set[str],
            budget: list[int]) -> None:
    """Put the text of every block under ``doc``, and gather every block's id."""
    from .html import read_html_content   # (html imports markdown, which imports this package)

    for node, stack in _depth_first(doc, budget):
        props = node.get("Properties") if isinstance(node.get("Properties"), dict) else {}
        block = str(node.get("ID") or props.get("id") or "")
        if NODE_ID_RE.match(block):
            ids.add(block.lower())
        kind = _kind(node)
        if kind in _NOT_TEXT:
            continue
        if kind in _PARAGRAPHS:
            _inline(node, out, tags, budget)
            out.end()
        elif kind == "NodeHTMLBlock":
            markup = str(node.get("Data") or "")
            text, links, problem = read_html_content(markup)
            if problem is not None:
                out.flat.append((problem, markup))
            out.done.extend(line for line in text.split("\n") if line.strip())
            out.links.extend(links)
        elif kind == "NodeTable":       # the head's row and the rows below it
            rows = [c for c in _children(node) if isinstance(c, dict)]
            heads = [r for c in rows if c.get("Type") == "NodeTableHead"
                     for r in _children(c)]
            stack.extend(reversed(heads + [r for r in rows if r.get("Type") != "NodeTableHead"]))
        else:
            stack.extend(reversed(_children(node)))


def read_siyuan(text: str, path: str) -> tuple[list[Post], list[Fragment]]:
    """Read one SiYuan document (a ``.sy`` file) as a post.

    Parameters
    ----------
    text : str
        The file's text: a JSON ``NodeDocument``.
    path : str
        Its report name; its file name is the document's id.

    Returns
    -------
    posts : list of Post
        The document: its ``title``, the day its id was made, ``tags`` (the document's
        ``Properties.tags``, parted by commas, and the ``#tags#`` in its text), its text
        and links; its id and the id of every block in it are among its names
        (``id:20200812220555-lj3enxa``), by which block references reach it.
    fragments : list of Fragment
        The file, when it is not valid JSON, not a document, or holds neither a title nor
        text; the nodes past the two millionth, when there are more.
    """
    def aside(reason: str) -> tuple[list[Post], list[Fragment]]:
        return [], [Fragment(path=path, line=1, end_line=text.count("\n") + 1, reason=reason,
                             text=preview(text))]

    try:
        doc = loads_json(text)
    except (ValueError, RecursionError) as exc:
        return aside(f"not a SiYuan document: broken JSON ({type(exc).__name__})")
    if not isinstance(doc, dict) or doc.get("Type") != "NodeDocument":
        return aside("not a SiYuan document (no NodeDocument at its root)")
    props = doc.get("Properties") if isinstance(doc.get("Properties"), dict) else {}
    out, tags, ids, budget = _Paragraphs(), [], set(), [_MAX_NODES]
    _blocks(doc, out, tags, ids, budget)
    title = props["title"].strip() if isinstance(props.get("title"), str) else ""
    body = "\n".join(out.done)
    frags = []
    if budget[0] < 0:
        frags.append(Fragment(path=path, line=1, end_line=1, text="",
                              reason=f"a SiYuan document of more than {_MAX_NODES:,} nodes: "
                                     f"the rest is not read"))
    if out.flat:
        from .html import flat_reading

        frags += [flat_reading(problem, path=path, line=1, content=True, markup=markup)
                  for problem, markup in out.flat]
    if not title and not body:
        return [], frags + aside("a SiYuan document with neither a title nor text")[1]
    own = str(doc.get("ID") or props.get("id") or "")
    if NODE_ID_RE.match(own):
        ids.add(own.lower())
    listed = [t.strip() for t in props["tags"].split(",") if t.strip()] if isinstance(
        props.get("tags"), str) else []
    meta = {"title": title, "tags": list(dict.fromkeys(listed + tags))}
    post = meta_post(meta, path, title=title, text=body, links=out.links, canonical=None,
                     first_line=1, layout=SIYUAN)
    post = replace(post, aliases=tuple(sorted(set(post.aliases) | {f"id:{i}" for i in ids})))
    return [post], frags


# what a workspace's data folder holds beside its notebooks: templates (Markdown with Go
# template actions), widgets and plugins (HTML, JavaScript), emojis, CSS and JavaScript
# snippets, published files, the databases' storage and attachments
WORKSPACE_FOLDERS = ("templates", "widgets", "plugins", "emojis", "snippets", "public",
                     "storage", "assets")
_NOTEBOOK_RE = re.compile(r"^\d{14}-[0-9a-z]{6,7}$")


def workspace_sources(posts: list[Post]) -> tuple[list[Post], list[Fragment]]:
    """Set aside what a SiYuan workspace's ``data/`` folder holds beside its notebooks.

    A folder holding a notebook (a folder named by an id, ``20210808180117-czj9bvb``,
    with ``.sy`` documents read as posts) is a workspace's data folder; the files in its
    :data:`WORKSPACE_FOLDERS` (``templates/``, ``widgets/``, ``plugins/``…) are the
    workspace's, not posts.

    Parameters
    ----------
    posts : list of Post
        Sightings as read; not modified.

    Returns
    -------
    posts : list of Post
        The others.
    fragments : list of Fragment
        One per file set aside, with the reason.

    References
    ----------
    .. [1] SiYuan, "WORKSPACE" (``data/``: notebooks and reserved folders),
       https://github.com/siyuan-note/siyuan/blob/master/WORKSPACE.zh-CN.md
    """
    roots: set[str] = set()
    for p in posts:
        if p.sources and p.sources[0].format == SIYUAN:
            parts = PurePosixPath(p.sources[0].path).parts[:-1]
            at = next((i for i, part in enumerate(parts) if _NOTEBOOK_RE.match(part)), None)
            if at is not None:
                roots.add("/".join(parts[:at]))
    if not roots:
        return posts, []
    out, frags = [], []
    for p in posts:
        src = p.sources[0].path if p.sources else ""
        folder = next((f for root in roots for f in WORKSPACE_FOLDERS
                       if src.startswith(f"{root}/{f}/" if root else f"{f}/")), None)
        if folder is None:
            out.append(p)
            continue
        frags.append(Fragment(path=src, line=p.sources[0].line, end_line=p.sources[0].line,
                              reason=f"a file of the SiYuan workspace ({folder}/ beside its "
                                     f"notebooks), not a post", text=preview(p.title or p.text)))
    return out, frags
