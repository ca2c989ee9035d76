"""Reader of reStructuredText posts (Pelican, Nikola, Sphinx blogs such as ABlog).

The text is parsed by docutils, never run: file inclusion (``include``, ``raw :file:``,
``:url:`` options) and raw output are switched off, configuration files are not read and
no message is printed. The title is the document's title; its metadata the field list
under it (Pelican's ``:date:``, ``:tags:``, ``:category:``, ``:slug:``), Nikola's
``.. title:`` comment lines or a YAML block between ``---`` lines above the text (Hakyll's
metadata, read in every markup); the text every paragraph, heading, list item and line block;
the links every reference with an address (```text <url>`_``, named and anonymous
targets, bare addresses), Pelican's ``{filename}`` and Sphinx's ``:doc:`` naming the
linked post's file. What docutils could not interpret (an unknown directive, a broken
table) is listed in the report with its line.

References
----------
.. [1] reStructuredText Markup Specification,
   https://docutils.sourceforge.io/docs/ref/rst/restructuredtext.html
.. [2] Docutils configuration: "file_insertion_enabled", "raw_enabled",
   https://docutils.sourceforge.io/docs/user/config.html
.. [3] Pelican, "File metadata", https://docs.getpelican.com/en/latest/content.html
.. [4] Hakyll, "Tutorial: Basic Rules" (a metadata block in any file),
   https://jaspervdj.be/hakyll/tutorials/03-rules-routes-compilers.html
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Fragment, Link, Post
from ..sites import LABEL_PREFIX, SITE_REF, canonical_from_meta, file_slug, site_link_url
from ..text import preview
from .frontmatter import (NIKOLA_META_RE, front_matter_block, meta_post, unpublished,
                          unpublished_fragment)
from .frontmatter import detect as detect_front_matter
from .markdown import span_link

RESTRUCTUREDTEXT = "restructuredtext"
RST_ENDINGS = (".rst", ".rest")
_SETTINGS = {
    "file_insertion_enabled": False,   # no include, no raw/csv-table :file: or :url:
    "raw_enabled": False,
    "_disable_config": True,           # no docutils.conf from the working folder or home
    "report_level": 5, "halt_level": 5, "warning_stream": False,
    "input_encoding": "unicode",
    "doctitle_xform": True, "docinfo_xform": True,
}
_NIKOLA_OPEN_RE = re.compile(r"^\.\. (?:title|slug):\s*\S")
# Sphinx's cross-reference roles: :doc:`x`, :doc:`text <x>` (a document), :ref:`label`,
# :ref:`text <label>` (a label, ".. _label:", anywhere in the site)
_DOC_ROLE_RE = re.compile(r"^:(doc|ref):`(?:([^`<]*)<([^`>]+)>|([^`]+))`$")
# ABlog's post directive: ".. post:: DATE" and its indented options (":tags: a, b")
# (no pattern here ends in optional white space before "$": linear on any line)
_ABLOG_POST_RE = re.compile(r"^\.\. post::(?P<date>[^\n]*)(?:\n|$)(?P<options>(?:[ \t]+:[\w-]+:"
                            r"[^\n]*(?:\n|$))*)", re.M)
_OPTION_RE = re.compile(r"^[ \t]+:([\w-]+):(.*)$", re.M)
ABLOG_OPTIONS = ("tags", "category", "author", "title", "redirect", "language", "location")
_SPACES_RE = re.compile(r"(?<!\s)\s*\n\s*")
# docutils' table parsers take time that grows with the square of a table's width (a
# 3,000-column grid table of 250 kB: 22 s); no post has a table this wide
MAX_TABLE_COLUMNS = 64
# 3 times the longest post of the test corpus (67 kB); docutils reads 0.8 MB/s of prose
# and 0.03 MB/s of the costliest structure measured (nested bullet lists): ~6 s a file
MAX_RST_CHARS = 200_000
_BORDER_RE = re.compile(r"^[ \t]*(?:\+(?:[-=]+\+){2,}|=+(?:[ \t]+=+)+)[ \t]*$", re.M)


def _reader():
    """docutils' standalone reader without its ``Transitions`` transform, which checks
    every transition (``----``) against all its siblings: time growing with the square
    of their number (1,500 of them in 60 kB: 3.2 s of a 4.9 s read). Where a transition
    stands is no text and no link."""
    from docutils.readers.standalone import Reader
    from docutils.transforms.misc import Transitions

    class _Reader(Reader):
        def get_transforms(self):
            return [t for t in super().get_transforms() if t is not Transitions]

    return _Reader()


def _release_nested_machines() -> None:
    """Unlink the nested state machines docutils keeps for its next parse.

    docutils caches them at class level (``RSTState.nested_sm_cache``), each holding the
    document it last parsed: the tree of the last file read stayed in memory (4 million
    objects for 200 kB of one-character titles), and every full collection of Python's
    garbage collector after it walked them (a later 1.8 s read took 3.7 s). A machine
    taken out of the cache (an atomic ``pop``) is one no parse is using.
    """
    from docutils.parsers.rst.states import RSTState

    cache = RSTState.nested_sm_cache
    while cache:
        try:
            machine = cache.pop()
        except IndexError:          # (emptied meanwhile by another thread's parse)
            break
        machine.unlink()


def detect(path: str) -> bool:
    """True for a ``.rst``/``.rest`` file."""
    return path.lower().endswith(RST_ENDINGS)


def detect_nikola_text(text: str, path: str) -> bool:
    """True for a ``.txt`` file that opens with Nikola's ``.. title:`` or ``.. slug:``
    metadata lines: reStructuredText, as Nikola compiles its ``.txt`` posts (its
    ``COMPILERS`` setting gives ``rest`` both ``.rst`` and ``.txt``)."""
    if not path.lower().endswith(".txt"):
        return False
    head = text[:2000].lstrip().split("\n", 1)[0].strip()
    return bool(_NIKOLA_OPEN_RE.match(head))


def _block_text(node, nodes) -> tuple[str, list[tuple[int, int, str, str]]]:
    """A text element's text and its links as ``(start, end, url, anchor)``."""
    out: list[str] = []
    spans: list[tuple[int, int, str, str]] = []
    length = 0

    def walk(n) -> None:
        nonlocal length
        for child in n.children:
            if isinstance(child, nodes.Text):
                piece = _SPACES_RE.sub(" ", child.astext())   # escapes undone
                out.append(piece)
                length += len(piece)
            elif isinstance(child, (nodes.image, nodes.target, nodes.footnote_reference,
                                    nodes.citation_reference, nodes.substitution_definition)):
                continue
            elif isinstance(child, nodes.reference) and child.get("refuri"):
                anchor = _SPACES_RE.sub(" ", child.astext())
                spans.append((length, length + len(anchor), site_link_url(child["refuri"]),
                              anchor))
                out.append(anchor)
                length += len(anchor)
            elif isinstance(child, nodes.problematic) and _DOC_ROLE_RE.match(child.astext()):
                m = _DOC_ROLE_RE.match(child.astext())
                target = (m.group(3) or m.group(4)).strip()
                anchor = (m.group(2) or "").strip() or target
                if m.group(1) == "ref":            # (labels are matched in lower case)
                    target = LABEL_PREFIX + " ".join(target.split()).casefold()
                spans.append((length, length + len(anchor), SITE_REF + target, anchor))
                out.append(anchor)
                length += len(anchor)
            else:
                walk(child)

    walk(node)
    return "".join(out), spans


def ablog_post(text: str) -> dict[str, str] | None:
    """The metadata of ABlog's ``.. post:: DATE`` directive (its date and its ``:tags:``,
    ``:category:``, ``:author:``, ``:title:``, ``:redirect:`` options), with
    ``blogpost: "true"``; None when the text has no such directive. A document with it
    is a post of the Sphinx site's blog; other documents are its pages.

    >>> ablog_post(".. post:: Mar 04, 2020\\n   :tags: attention, rope\\n\\nText.")
    {'blogpost': 'true', 'date': 'Mar 04, 2020', 'tags': 'attention, rope'}

    References
    ----------
    .. [1] ABlog, "Posting and Listing" (the ``post`` directive),
       https://ablog.readthedocs.io/en/stable/manual/posting-and-listing/
    """
    if ".. post::" not in text:
        return None
    m = _ABLOG_POST_RE.search(text)
    if m is None:
        return None
    meta = {"blogpost": "true"}
    if m.group("date").strip():
        meta["date"] = m.group("date").strip()
    for key, value in _OPTION_RE.findall(m.group("options")):
        value = value.strip()
        if key.lower() in ABLOG_OPTIONS and value:
            meta.setdefault("redirect_from" if key.lower() == "redirect" else key.lower(), value)
    return meta


def _labels(doc, nodes) -> set[str]:
    """The explicit labels the document defines (``.. _name:`` before a section or a
    paragraph, the title's too: what Sphinx's ``:ref:`` names), as post aliases; not a
    target naming an address (``.. _arXiv: https://…``)."""
    out = set()
    for name, explicit in doc.nametypes.items():     # (explicit: not a section's title)
        node = doc.ids.get(doc.nameids.get(name) or "")
        if explicit and node is not None and not node.get("refuri"):
            out.add(LABEL_PREFIX + " ".join(name.split()).casefold())
    return out


def _nikola_meta(doc, nodes) -> dict:
    """Nikola's ``.. title: x`` / ``.. slug: y`` comment lines at the top of a file."""
    meta: dict[str, str] = {}
    for child in doc.children:
        if not isinstance(child, nodes.comment):
            break
        for line in child.astext().splitlines():     # (a comment's text: "title: x")
            m = NIKOLA_META_RE.match(".. " + line.strip())
            if m and (m.group(2) or "").strip():
                meta.setdefault(m.group(1).lower(), m.group(2).strip())
    return meta


def read_rst(text: str, path: str) -> tuple[list[Post], list[Fragment]]:
    """Read one reStructuredText file as one post.

    Parameters
    ----------
    text : str
        The file's text.
    path : str
        Report name of the file; its path and stem are names links may use.

    Returns
    -------
    posts : list of Post
        One post; none when the file has neither a title nor text.
    fragments : list of Fragment
        Every part docutils reported as an error (an unknown directive or role, a
        broken table or list) or left out (a disabled ``include`` or ``raw``), with its
        line.
    """
    from docutils import nodes
    from docutils.core import publish_doctree

    last = text.count("\n") + 1
    why = None
    head, head_frags = {}, []
    lines = text.split("\n", 200)[:200]
    if detect_front_matter(lines) and next(x for x in lines if x.strip()).strip() == "---":
        # a YAML metadata block above the text (Hakyll's, which pandoc reads in any
        # markup): blanked, so that docutils' line numbers stay the file's
        lines = text.split("\n")
        head, end, head_frags = front_matter_block(lines, path)
        if end is not None:
            text = "\n" * (end + 1) + "\n".join(lines[end + 1:])
    if len(text) > MAX_RST_CHARS:
        why = f"{len(text)} characters, more than the {MAX_RST_CHARS} docutils is given"
    else:
        for m in _BORDER_RE.finditer(text):
            border = m.group(0).strip()
            columns = border.count("+") - 1 if border[0] == "+" else len(border.split())
            if columns > MAX_TABLE_COLUMNS:
                line = text.count("\n", 0, m.start()) + 1
                why = (f"a table of {columns} columns at line {line}, more than "
                       f"{MAX_TABLE_COLUMNS} (docutils' time grows with its square)")
                break
    if why is None:
        try:
            doc = publish_doctree(text, source_path=path, reader=_reader(),
                                  settings_overrides=dict(_SETTINGS))
        except RecursionError:
            raise                    # reported by the caller: nested too deeply
        except Exception as exc:     # docutils' own failures on odd input (a KeyError…)
            why = f"docutils failed ({type(exc).__name__}: {exc})"
        finally:
            _release_nested_machines()
    if why is not None:
        return [], [Fragment(path=path, line=1, end_line=last,
                             reason=f"reStructuredText not read: {why}", text=preview(text))]
    meta = _nikola_meta(doc, nodes)
    meta.update({k: v for k, v in head.items() if v not in (None, "")})
    ablog = ablog_post(text)
    for key, value in (ablog or {}).items():
        meta.setdefault(key, value)
    if doc.get("title") and "title" not in meta:
        meta["title"] = str(doc["title"])
    for info in doc.findall(nodes.docinfo):
        for child in info.children:
            if isinstance(child, nodes.field) and len(child.children) == 2:
                meta.setdefault(child[0].astext().strip().lower(), child[1].astext().strip())
            elif isinstance(child, nodes.Element):
                meta.setdefault(child.tagname.lower(), child.astext().strip())
    paragraphs: list[str] = []
    links: list[Link] = []
    skip = (nodes.docinfo, nodes.comment, nodes.literal_block, nodes.system_message,
            nodes.substitution_definition, nodes.raw, nodes.target, nodes.doctest_block)
    frags: list[Fragment] = list(head_frags)
    first_title = True
    for node in doc.findall(nodes.Element):
        if isinstance(node, nodes.system_message):
            message = node.children[0].astext() if node.children else "error"
            if node.get("level", 0) < 3 and "disabled" not in message:
                continue            # a remark on text that was read (a short underline)
            if message.startswith(('Unknown interpreted text role "doc"',
                                   'Unknown interpreted text role "ref"')):
                continue            # read as a link (see _block_text)
            if ablog and message.startswith('Unknown directive type "post"'):
                continue            # read as the post's metadata (see ablog_post)
            line = node.get("line") or 1
            frags.append(Fragment(path=path, line=line, end_line=line,
                                  reason=f"reStructuredText not interpreted: {message}",
                                  text=preview(node.astext())))
            continue
        if not isinstance(node, (nodes.paragraph, nodes.title, nodes.line, nodes.term,
                                 nodes.rubric, nodes.caption)):
            continue
        if isinstance(node, nodes.title) and first_title and node.parent is doc:
            first_title = False     # the post's title
            continue
        if any(isinstance(a, skip) for a in _ancestors(node)):
            continue
        block, spans = _block_text(node, nodes)
        block = block.strip()
        if not block:
            continue
        links.extend(span_link(block, s, e, url, anchor) for s, e, url, anchor in spans)
        paragraphs.append(block)
    title = str(meta.get("title") or "").strip()
    why = unpublished(meta, path)
    if why is not None:
        return [], frags + [unpublished_fragment(why, text.splitlines(), path, title)]
    if not title and not paragraphs:
        return [], frags
    text = "\n".join(paragraphs)
    post = meta_post(meta, path, title=title or file_slug(path)[0], text=text, links=links,
                     canonical=canonical_from_meta(meta), first_line=1,
                     layout=RESTRUCTUREDTEXT)
    labels = _labels(doc, nodes)
    if labels:
        post = replace(post, aliases=tuple(sorted(set(post.aliases) | labels)))
    return [post], frags


def _ancestors(node):
    parent = node.parent
    while parent is not None:
        yield parent
        parent = parent.parent
