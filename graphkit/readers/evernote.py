"""Reader of Evernote's export (``.enex``), also 印象笔记's (Yinxiang Biji, Evernote in
China).

An ``.enex`` file is XML: ``<en-export>`` holding one ``<note>`` per note, each with its
``<title>``, ``<created>`` (``20200304T080000Z``, UTC), ``<tag>`` elements,
``<note-attributes>`` and its ``<content>``, ENML (Evernote's XHTML, ``<en-note>``) in a
CDATA section, and its attachments as ``<resource>`` elements (base64 data).

The export gives notes no id, so a link from one note to another
(``evernote:///view/USER/SHARD/GUID/GUID/``, or ``https://www.evernote.com/shard/SHARD/
nl/USER/GUID/`` on the web, ``app.yinxiang.com`` for Yinxiang) cannot name its target by
address; Evernote writes the target's title as the link's text, and the link reaches the
note of that whole title, as a wikilink does. In ENML, attachments (``<en-media>``),
encrypted text (``<en-crypt>``), checkboxes and code blocks (a ``<div>`` styled
``--en-codeblock: true``) are not text.

References
----------
.. [1] Evernote, "How Evernote's XML Export Format Works",
   https://evernote.com/blog/how-evernotes-xml-export-format-works
.. [2] Evernote Developers, "Understanding the Evernote Markup Language" (ENML),
   https://dev.evernote.com/doc/articles/enml.php
"""

from __future__ import annotations

import io
import re

from ..model import Fragment, Post
from ..sites import title_ref
from ..text import preview
from .exports import _lines_of, _post
from .html import flat_reading

ENEX = "evernote-enex"
_ROOT_RE = re.compile(r"<en-export[\s>]")
# a note's address in Evernote's apps and on the web (Evernote's and Yinxiang's servers)
_NOTE_LINK_RE = re.compile(
    r"^(?:evernote:|https?://(?:www\.|app\.)?(?:evernote\.com|yinxiang\.com)/"
    r"(?:shard/[^/]+/(?:nl|sh)/|l/))", re.I)
_CODE_BLOCK_RE = re.compile(r"--en-codeblock\s*:\s*true", re.I)


def detect(text: str, path: str) -> bool:
    """True for an Evernote export: an ``.enex`` file, or XML whose root is
    ``<en-export>``."""
    head = text[:2048]
    return path.lower().endswith(".enex") or (
        head.lstrip().startswith("<?xml") and _ROOT_RE.search(head) is not None)


def note_link(url: str) -> bool:
    """Whether ``url`` is the address of an Evernote (or Yinxiang) note.

    >>> note_link("evernote:///view/123/s1/0b6e4a3c-1d2e/0b6e4a3c-1d2e/")
    True
    >>> note_link("https://app.yinxiang.com/shard/s12/nl/345/0b6e/")
    True
    >>> note_link("https://evernote.com/blog/"), note_link("https://x.example/l/a")
    (False, False)
    """
    return _NOTE_LINK_RE.match(url.strip()) is not None


def enml_html(content: str) -> tuple[str, int, str | None]:
    """A note's ENML as HTML: attachments, encrypted text, checkboxes and code blocks
    left out, and each link to another note a link to the note of the title it shows
    (:func:`graphkit.sites.title_ref`).

    Returns
    -------
    html : str
        The ``<en-note>`` element's content.
    encrypted : int
        How many encrypted passages (``<en-crypt>``) were left out.
    problem : str or None
        Why the note was read flat, without its structure
        (:func:`graphkit.readers.dom.parse_html`), None when it was not.

    >>> enml_html('<en-note><div>见<a href="evernote:///view/1/s1/a/a/">甲 </a>'
    ...           '<en-crypt cipher="AES">QUJD</en-crypt></div></en-note>')
    ('<div>见<a href="site-ref:%E7%94%B2">甲 </a></div>', 1, None)
    """
    from .dom import parse_html

    tree, problem = parse_html(content)
    root = tree.css_first("en-note") or tree.body
    if root is None:
        return "", 0, problem
    encrypted = 0
    for node in root.css("en-crypt"):
        node.decompose()
        encrypted += 1
    # written empty (<en-media …/>), which HTML does not close: what follows them would
    # be inside them; unwrapped, they are nothing and it is text
    for node in root.css("en-media, en-todo"):
        node.unwrap()
    for node in root.css("[style]"):
        if _CODE_BLOCK_RE.search(node.attributes.get("style") or ""):
            node.decompose()
    for node in root.css("a[href]"):
        shown = node.text(deep=True).strip()
        if shown and note_link(node.attributes.get("href") or ""):
            node.attrs["href"] = title_ref(shown)
    return root.inner_html or "", encrypted, problem


def read_enex(text: str, path: str) -> tuple[list[Post], list[Fragment]]:
    """Read an Evernote export: each ``<note>`` a post.

    Parameters
    ----------
    text : str
        The file's text.
    path : str
        Its report name.

    Returns
    -------
    posts : list of Post
        One per note: ``title``, the day (UTC) of ``created``, its tags, the text and
        links of its content (:func:`enml_html`); notes in the order of the file.
    fragments : list of Fragment
        At a note's line: its encrypted passages and attachments (not read); the XML
        error that ended the reading of a broken file (the notes before it are kept).
    """
    from defusedxml import ElementTree
    from defusedxml.common import DefusedXmlException

    lines = _lines_of(text, "note")
    posts: list[Post] = []
    frags: list[Fragment] = []
    n = 0
    try:
        for _, node in ElementTree.iterparse(io.BytesIO(text.encode("utf-8")),
                                             events=("end",)):
            if node.tag == "data":            # an attachment's bytes: not kept in memory
                node.clear()
                continue
            if node.tag != "note":
                continue
            line = lines[n] if n < len(lines) else 1
            n += 1
            posts.append(_note(node, path, line, frags))
            node.clear()
    except (ElementTree.ParseError, DefusedXmlException) as exc:
        where = getattr(exc, "position", (1, 0))[0]
        frags.append(Fragment(path=path, line=where, end_line=text.count("\n") + 1,
                              reason=f"broken Evernote export ({type(exc).__name__}: {exc}); "
                                     "the rest of the file is not read", text=""))
    if not posts and not frags:
        frags.append(Fragment(path=path, line=1, end_line=text.count("\n") + 1,
                              reason="an Evernote export with no note", text=""))
    return posts, frags


def _note(node, path: str, line: int, frags: list[Fragment]) -> Post:
    """The post of one ``<note>`` element; what is not read of it added to ``frags``."""
    title = " ".join((node.findtext("title") or "").split())
    html, encrypted, problem = enml_html(node.findtext("content") or "")
    if problem is not None:
        frags.append(flat_reading(problem, path=path, line=line, content=True,
                                  markup=node.findtext("content") or ""))
    tags = [t.text.strip() for t in node.findall("tag") if t.text and t.text.strip()]
    attachments = len(node.findall("resource"))
    for count, one, more in ((encrypted, "encrypted passage", "encrypted passages"),
                             (attachments, "attachment", "attachments")):
        if count:
            frags.append(Fragment(path=path, line=line, end_line=line,
                                  reason=f"{count} {one if count == 1 else more} of the "
                                         "note, not text", text=preview(title)))
    # (the note's HTML is enml_html's tree, reported above if it was read flat)
    post, _ = _post(path=path, line=line, fmt=ENEX, title=title, url=None,
                    date=node.findtext("created"), html=html, tags=tags)
    return post
