"""Reader of AsciiDoc posts (``.adoc``): Hugo's and jekyll-asciidoc's sources, JBake's,
Asciidoctor blogs.

One file is one post. Its metadata comes from front matter (Hugo, Jekyll), then from
the document header: the title line ``= Title``, an author line and a revision line
(``v1.0, 2020-03-04: remark``), and attribute entries (``:name: value``), which may
also stand between blocks further down. ``revdate`` gives the date; ``tags``,
``categories``, ``slug``, ``permalink``, ``draft``, ``published`` and ``date`` are read
with or without the prefix a generator gives them (``:page-tags:`` of jekyll-asciidoc
and Antora, ``:jbake-tags:``, HubPress' ``:hp-tags:``).

The text is every paragraph, list item, section title and table cell outside verbatim
blocks (listing ``----``, literal ``....``, passthrough ``++++``, comment ``////`` and
fenced code), line comments (``//``), block attribute lines (``[source,python]``) and
block macros (``include::``, ``image::``); an indented paragraph is a literal one.
Attribute references (``{name}``) are replaced by their values before links are read,
as Asciidoctor substitutes attributes before macros.

Links are ``https://…[text]`` and bare addresses, ``link:target[text]``, and cross
references to other documents: ``xref:other.adoc[text]``, ``xref:other.adoc#id[]`` and
``<<other.adoc#,text>>``, which name the linked post by its file (``site-ref:``). A
reference to an id in the same document (``<<id>>``, ``xref:id[]``) and text in a
passthrough (``+…+``, ``pass:[…]``) are no links.

References
----------
.. [1] AsciiDoc Language Documentation, https://docs.asciidoctor.org/asciidoc/latest/
   ("Document header", "Attribute entries", "Delimited blocks", "URLs", "Cross
   references", "Passthroughs", "Substitutions").
.. [2] Hugo, "Content formats" (AsciiDoc), https://gohugo.io/content-management/formats/
.. [3] jekyll-asciidoc, "Page attributes" (``page-`` attributes as front matter),
   https://github.com/asciidoctor/jekyll-asciidoc
.. [4] JBake, "Metadata header" (``jbake-`` attributes), https://jbake.org/docs/
"""

from __future__ import annotations

import re

from ..model import Fragment, Link, Post
from ..sites import SITE_REF, canonical_from_meta, expand_hugo_refs
from ..text import BARE_URL_PATTERN, bare_url, preview
from .frontmatter import (FRONT_MATTER, default_title, detect as detect_front_matter,
                          front_matter_block, jbake_header, jbake_page, listing_page, meta_post,
                          unpublished, unpublished_fragment)
from .markdown import SpanText, soft_break, span_link

ASCIIDOC = "asciidoc"
EXTENSIONS = (".adoc", ".asciidoc", ".ad")
# a value longer than this after its references are replaced is not substituted (each
# reference of an attribute to another multiplies the text: a few lines can hold a bomb)
MAX_ATTRIBUTE_CHARS = 4096
# the prefixes generators give the attributes they read as front matter
_PREFIXES = ("page-", "jbake-", "hp-")
_META_KEYS = {"title": "title", "revdate": "date", "date": "date", "published_at": "date",
              "tags": "tags", "categories": "categories", "category": "categories",
              "slug": "slug", "permalink": "permalink", "draft": "draft",
              "published": "published", "status": "status", "type": "type"}

_TITLE_RE = re.compile(r"^=[ \t]+(\S.*?)[ \t]*$")
_ATTRIBUTE_RE = re.compile(r"^:(!?)([\w][\w-]{0,200}+)(!?):(?:[ \t]++(.*))?$")
_REFERENCE_RE = re.compile(r"(\\?)\{([\w][\w-]{0,200}+)\}")
# a delimited block's line: verbatim (listing, literal, passthrough, comment, fenced
# code) or compound (example, sidebar, quote, open, table)
_DELIMITER_RE = re.compile(r"^(?:-{4,}|\.{4,}|\+{4,}|/{4,}|={4,}|\*{4,}|_{4,}|--|[|,:!]={3,}"
                           r"|```.*)$")
_VERBATIM = "-.+/`"
_SECTION_RE = re.compile(r"^(?:={2,6}|#{2,6})[ \t]+(\S.*?)(?:[ \t]+(?:=+|#+))?[ \t]*$")
_BLOCK_ATTRIBUTES_RE = re.compile(r"^\[[^\[\]]*+\]$|^\[\[[^\[\]]*+\]\]$")
_BLOCK_MACRO_RE = re.compile(r"^[a-z][\w-]*::[^\s\[]*+\[.*\]$")
_BLOCK_TITLE_RE = re.compile(r"^\.(?=[^.\s])")
_ITEM_RE = re.compile(r"^[ \t]*(?:\*{1,5}|-|\.{1,5}|\d{1,9}\.|<\d{1,9}>)[ \t]+"
                      r"(?:\[[ xX*]\][ \t]+)?")
_TERM_RE = re.compile(r"^(?!//)[ \t]*(\S.*?)(?::{2,4}|;;)(?:[ \t]+(.*))?$")
_ADMONITION_RE = re.compile(r"^(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION):[ \t]+")
_BREAK_RE = re.compile(r"^(?:'{3,}|<{3}|\+)$")
# a table cell's start: "|", after its specifier ("2+|", "a|", "^.^|")
_CELL_RE = re.compile(r"(?:^|(?<=\s))[\d.+*<^>]{0,20}[adehlmsv]?\|")
_FOOTNOTE_RE = re.compile(r"footnote(?:ref)?:[\w-]{0,200}+\[")
# inline, in one pass (the leftmost wins): passthroughs, cross references, macros with a
# target, addresses with or without a text
_INLINE_RE = re.compile(
    r"(?P<pass>\+\+\+(?P<p3>[^\n]{1,2000}?)\+\+\+|\+\+(?P<p2>[^\n]{1,2000}?)\+\+"
    r"|(?<![\w+\\])\+(?P<p1>[^\s+](?:[^+\n]{0,2000}?[^\s+])?)\+(?![\w+])"
    r"|pass:[a-z,]{0,20}\[(?P<pp>[^\[\]\n]{0,2000}+)\])"
    r"|(?P<xref><<(?P<xt>[\w\"./][^<>,\n]{0,500}?)(?:,[ \t]*(?P<xl>[^<>\n]{0,500}?))?>>)"
    r"|(?<!\\)(?P<kind>xref|link|mailto|image):(?P<mt>\+\+[^\n]{1,2000}?\+\+|[^\s\[]{0,2000}+)"
    r"\[(?P<mx>(?:[^\[\]\\\n]|\\.){0,2000}+)\]"
    r"|(?<![\w\\/:=\"'@.-])<?(?P<url>" + BARE_URL_PATTERN + r")>?"
    r"(?:\[(?P<ux>(?:[^\[\]\\\n]|\\.){0,2000}+)\])?")
# text formatting marks: strong, emphasis, monospace, mark (unconstrained: doubled, and
# constrained), a role; what they enclose holds no mark of their own kind (linear)
_MARKS_RE = re.compile(r"\[\.[\w.-]{1,100}\](?=#)|" + "|".join(
    rf"{m}{m}(?=\S)(?P<u{i}>[^{m}\n]{{1,1000}}+)(?<=\S){m}{m}" for i, m in enumerate(
        (r"\*", "_", "`", "#"))) + r"|(?<![\w*_`#])(?P<mark>[*_`#])(?=\S)(?P<c>[^*_`#\n]++)"
    r"(?<=\S)(?P=mark)(?![\w*_`#])")


def detect(path: str) -> bool:
    """True for an AsciiDoc file (``.adoc``, ``.asciidoc``, ``.ad``)."""
    return path.lower().endswith(EXTENSIONS)


def _strip_marks(text: str) -> str:
    """Text without AsciiDoc's formatting marks (``*strong*``, ``_emphasis_``, ``\\`code\\```)."""
    if not any(c in text for c in "*_`#["):
        return text
    return _MARKS_RE.sub(lambda m: next((g for g in m.group("u0", "u1", "u2", "u3", "c")
                                         if g is not None), ""), text)


def _link_text(raw: str | None) -> str:
    """A macro's text without its attributes (``text,window=_blank``, ``"a, b",role=x``)
    and the ``^`` that asks for a new window."""
    raw = re.sub(r"\\(.)", r"\1", raw or "").strip()
    if "=" in raw:
        quoted = re.match(r'^"([^"]*)"', raw)
        raw = quoted.group(1) if quoted else raw.split(",", 1)[0]
    return _strip_marks(raw.removesuffix("^").strip())


def _document(target: str) -> str | None:
    """The file a cross reference names (``other.adoc#id`` → ``other.adoc``; Antora's
    ``module:other.adoc``), or None for an id in the same document."""
    t = target.strip().rsplit(":", 1)[-1]
    doc, sharp, _ = t.partition("#")
    if doc and (sharp or doc.lower().endswith(EXTENSIONS)):
        return doc
    return None


def _inline(text: str) -> tuple[str, list[tuple[int, int, str, str]]]:
    """A paragraph's text with AsciiDoc's inline markup resolved, and its links' spans
    ``(start, end, url, anchor)``."""
    built = SpanText()
    emit = built.put
    pos = 0

    for m in _INLINE_RE.finditer(text):
        emit(_strip_marks(text[pos:m.start()]))
        pos = m.end()
        if m.group("pass") is not None:
            emit(next(g for g in m.group("p3", "p2", "p1", "pp") if g is not None))
        elif m.group("xref") is not None:
            doc = _document(m.group("xt"))
            label = _strip_marks((m.group("xl") or "").strip()) or m.group("xt").strip()
            emit(label, SITE_REF + doc if doc else None)
        elif m.group("kind") is not None:
            kind, target = m.group("kind"), m.group("mt").removeprefix("++").removesuffix("++")
            label = _link_text(m.group("mx"))
            if kind == "xref":
                doc = _document(target)
                emit(label or target, SITE_REF + doc if doc else None)
            elif kind == "link" and target:
                emit(label or target, target)
            else:                    # an image's alternative text, an e-mail address
                emit(label or target)
        else:
            url = bare_url(m.group("url")) if m.group("ux") is None else m.group("url")
            emit(_link_text(m.group("ux")) or url, url)
            rest = m.group("url")[len(url):] if m.group("ux") is None else ""
            emit(rest)
    emit(_strip_marks(text[pos:]))
    return built.text(), built.spans


def _unwrap_footnotes(text: str) -> str:
    """A paragraph with each ``footnote:[text]`` replaced by its text (brackets inside
    it are balanced)."""
    out, pos = [], 0
    for m in _FOOTNOTE_RE.finditer(text):
        if m.start() < pos:
            continue
        depth, end = 1, m.end()
        while end < len(text) and depth:
            depth += {"[": 1, "]": -1}.get(text[end], 0)
            end += 1
        out += [text[pos:m.start()], " ", text[m.end():end - 1 if depth == 0 else end]]
        pos = end
    return "".join(out) + text[pos:] if out else text


class _Attributes:
    """The document's attributes as entries define them, and their references replaced."""

    def __init__(self, path: str) -> None:
        self.values: dict[str, str] = {}
        self.path = path
        self.fragments: list[Fragment] = []

    def substitute(self, text: str, line: int, *, report: bool = True) -> str:
        """``text`` with the references to defined attributes replaced, up to four times
        :data:`MAX_ATTRIBUTE_CHARS` added (those past it are reported and left)."""
        if "{" not in text:
            return text
        budget = MAX_ATTRIBUTE_CHARS * 4
        grown, refused = 0, False

        def value(m: re.Match) -> str:
            nonlocal grown, refused
            if m.group(1):                          # \{name}: the reference as written
                return m.group(0)[1:]
            found = self.values.get(m.group(2).lower())
            if found is None or grown + len(found) > budget:
                refused = refused or found is not None
                return m.group(0)
            grown += len(found)
            return found

        out = _REFERENCE_RE.sub(value, text)
        if refused and report:
            self.fragments.append(Fragment(
                path=self.path, line=line, end_line=line, text=preview(text),
                reason=f"attribute references that would add more than {budget} "
                       f"characters to one paragraph: the rest are left as written"))
        return out

    def define(self, m: re.Match, line: int) -> tuple[str, str] | None:
        """Take an attribute entry; its name and value (references replaced), or None
        when it unsets the attribute or its value is too long."""
        name = m.group(2).lower()
        if m.group(1) or m.group(3):
            self.values.pop(name, None)
            return None
        value = self.substitute((m.group(4) or "").strip(), line, report=False)
        if len(value) > MAX_ATTRIBUTE_CHARS:
            self.fragments.append(Fragment(
                path=self.path, line=line, end_line=line, text=preview(m.group(0)),
                reason=f"an attribute whose value is longer than {MAX_ATTRIBUTE_CHARS} "
                       f"characters once its references are replaced: not defined"))
            return None
        self.values[name] = value
        return name, value


def _meta_value(key: str, value: str) -> object:
    if key in ("tags", "categories"):
        return [t.strip().strip("\"'") for t in value.strip().strip("[]").split(",") if t.strip()]
    return value


def read_asciidoc(lines: list[str], path: str) -> tuple[list[Post], list[Fragment]]:
    """Read one AsciiDoc file as one post (see the module's notes).

    Parameters
    ----------
    lines : list of str
        The file's lines.
    path : str
        Report name of the file; its path and stem are names links may use.

    Returns
    -------
    posts : list of Post
        One post; none when the file is a draft, unpublished, a listing page, or holds
        neither a title nor text.
    fragments : list of Fragment
        A broken front matter, a verbatim block left open at the end of the file (its
        lines are not read as text), attribute values too long to substitute, and the
        file itself when it is no post.
    """
    meta: dict = {}
    frags: list[Fragment] = []
    start = 0
    if detect_front_matter(lines):
        meta, end, frags = front_matter_block(lines, path)
        if end is None:
            return [], frags
        start = end + 1
    elif (header := jbake_header(lines)) is not None:      # JBake's key=value header
        meta, start = dict(header[0]), header[1] + 1
    attributes = _Attributes(path)
    defined: dict[str, object] = {}
    paragraphs: list[str] = []
    links: list[Link] = []
    pending: list[str] = []
    pending_line = 0

    def flush() -> None:
        joined = "".join(pending)
        pending.clear()
        if not joined.strip():
            return
        text = expand_hugo_refs(attributes.substitute(joined, pending_line + 1))
        text, spans = _inline(_unwrap_footnotes(text) if "footnote" in text else text)
        text, lead = text.strip(), len(text) - len(text.lstrip())
        if text:
            links.extend(span_link(text, s - lead, e - lead, url, anchor)
                         for s, e, url, anchor in spans)
            paragraphs.append(text)

    def add(line: str, i: int) -> None:
        nonlocal pending_line
        line = line.strip().removesuffix(" +")
        if not pending:
            pending_line = i
        pending.extend([soft_break(pending[-1], line), line] if pending else [line])

    header_title = ""
    i = start
    while i < len(lines) and (not lines[i].strip() or lines[i].startswith("//")):
        i += 1
    if i < len(lines) and _TITLE_RE.match(lines[i]):      # the document header
        header_title = _TITLE_RE.match(lines[i]).group(1)
        i += 1
        plain = 0
        while i < len(lines) and lines[i].strip():
            entry = _ATTRIBUTE_RE.match(lines[i].rstrip())
            if entry:
                got = attributes.define(entry, i + 1)
                if got:
                    defined.setdefault(*got)
            elif not lines[i].startswith("//"):
                plain += 1               # the author line, then the revision line
                if plain == 2 or re.match(r"^v?\d", lines[i]):    # version, date: remark
                    rev = re.sub(r"^v?\d[\w.-]*,[ \t]*", "", lines[i].strip())
                    defined.setdefault("revdate", rev.split(":", 1)[0].strip())
            i += 1
    stack: list[str] = []       # the compound blocks open here, by their delimiter line
    verbatim: tuple[str, int] | None = None
    literal = in_list = False
    for i in range(i, len(lines)):
        line = lines[i].rstrip()
        if verbatim is not None:
            if line == verbatim[0] or (verbatim[0].startswith("```") and line == "```"):
                verbatim = None
            continue
        stripped = line.strip()
        if literal:
            literal = bool(stripped)
            continue
        if _DELIMITER_RE.match(line):
            flush()
            if line[0] in _VERBATIM and line != "--":
                verbatim = (line, i)
            elif stack and stack[-1] == line:
                stack.pop()
            else:
                stack.append(line)
            continue
        if line.startswith("//"):
            continue                                   # a comment line
        if not stripped:
            flush()
            in_list = False
            continue
        entry = _ATTRIBUTE_RE.match(line) if line[0] == ":" else None
        if entry:
            flush()
            got = attributes.define(entry, i + 1)
            if got:
                defined.setdefault(*got)
            continue
        if (_BLOCK_ATTRIBUTES_RE.match(stripped) or _BLOCK_MACRO_RE.match(stripped)
                or _BREAK_RE.match(stripped)):
            flush()
            continue
        if stack and stack[-1][0] in "|,:!":          # a table's row: its cells' text
            flush()
            add(" ".join(c.strip() for c in _CELL_RE.split(line) if c.strip()), i)
            flush()
            continue
        section = _SECTION_RE.match(line) if line[0] in "=#" else None
        if section or _BLOCK_TITLE_RE.match(line):
            flush()
            add(section.group(1) if section else line[1:], i)
            flush()
            continue
        # (a list needs a blank line before it, but its items follow one another)
        item = _ITEM_RE.match(line) if in_list or not pending else None
        term = _TERM_RE.match(line) if not item and (in_list or not pending) else None
        if item or term:
            flush()
            in_list = True
            line = line[item.end():] if item else " ".join(filter(None, term.group(1, 2)))
        elif not pending and line[0] in " \t":        # an indented paragraph: literal
            literal = True
            continue
        add(_ADMONITION_RE.sub("", line) if not pending else line, i)
    flush()
    frags.extend(attributes.fragments)
    if verbatim is not None:
        frags.append(Fragment(path=path, line=verbatim[1] + 1, end_line=len(lines),
                              reason=f"a block opened with {verbatim[0][:20]!r} is never closed: "
                                     f"the rest of the file is not read as text",
                              text=preview("\n".join(lines[verbatim[1]:verbatim[1] + 5]))))
    for name, value in defined.items():
        base = next((name[len(p):] for p in _PREFIXES if name.startswith(p)), name)
        key = _META_KEYS.get(base)
        if key is not None and value and key not in meta:
            meta[key] = _meta_value(key, str(value))
    title = str(meta.get("title") or "").strip() or header_title.strip()
    why = unpublished(meta, path) or listing_page(meta) or jbake_page(meta)
    if why is not None:
        return [], frags + [unpublished_fragment(why, lines, path, title)]
    if not title and not paragraphs:
        nonblank = [n for n, line in enumerate(lines, 1) if line.strip()]
        if nonblank:
            frags.append(Fragment(path=path, line=nonblank[0], end_line=nonblank[-1],
                                  reason="an AsciiDoc file with neither a title nor text",
                                  text=preview("\n".join(lines[:3]))))
        return [], frags
    if not title and detect_front_matter(lines):
        title = default_title(path, FRONT_MATTER)          # (Jekyll's title for _posts)
    post = meta_post(meta, path, title=title, text="\n".join(paragraphs), links=links,
                     canonical=canonical_from_meta(meta), first_line=1, layout=ASCIIDOC)
    return [post], frags
