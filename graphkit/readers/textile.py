"""Textile posts (``.textile``): Jekyll's second markup until 3.0 (a plugin since).

A Textile body is rewritten line for line into the Markdown the Markdown reader reads, so
its text, its sentences and its links come out as a Markdown post's do: ``"text":URL``
and ``["text":URL]`` links (a ``(title)`` after the text dropped, an alias defined by a
``[name]URL`` line resolved) become ``[text](URL)``, ``!image!:URL`` a link with no
text, ``hN.`` headings ``#`` headings, ``bq.`` a quotation, ``p.``, ``fnN.`` and
attributes (``p(class).``, ``h2{color:red}.``, ``p<.``) plain text, ``#`` list items
numbered ones and ``bc.`` / ``pre.`` blocks (``bc..``, running to the next block, too)
indented code, whose links are no citations; ``###.`` comments are dropped. Line
numbers are kept.

python-textile (4.0.4) renders Textile whole, but its time grows with the square of the
paragraphs (5.2 s for 1,000 short paragraphs, 417 s for 10,000, measured here), so a
long post would hang the reader; what graphkit needs of Textile is only its text and
links.

References
----------
.. [1] Textile Language, "Textile reference manual" (links, block signatures, link
   aliases), https://textile-lang.com/doc
.. [2] jekyll-textile-converter (Jekyll's Textile, built in before 3.0, as a plugin since;
   ``textile_ext``), https://github.com/jekyll/jekyll-textile-converter
"""

from __future__ import annotations

import re

TEXTILE_ENDINGS = (".textile",)
# a block signature: h1.–h6., p., bq., bc., pre., fnN., notextile., ###., with
# attributes (class and id in (), style in {}, language in [], alignment) and ".." for a
# block that runs to the next signature
# (possessive: a run of "(" is read one way, never tried in every split)
_ATTRS = r"(?:\([^()\n]{0,80}\)|\{[^{}\n]{0,200}\}|\[[^\[\]\n]{0,20}\]|[<>=]|[()])*+"
_SIGNATURE_RE = re.compile(
    rf"^(h[1-6]|p|bq|bc|pre|fn\d{{1,4}}|notextile|###){_ATTRS}(\.\.?)(?:[ \t]+|$)(.*)$")
# "text":URL and ["text":URL]; the text opens after the quote (no space) and the URL runs
# to white space, its last . , ; : ! ? ) ] not part of it (Textile's own rule)
_BRACKETED_RE = re.compile(r'\["([^"\n]{1,1000})":([^\s\]]{1,2000})\]')
_LINK_RE = re.compile(r'(?<![\w"])"(?![\s"])([^"\n]{1,1000}?)":([^\s"<>]{1,2000})')
_TRAILING = ".,;:!?)]"
_TITLE_RE = re.compile(r"\s*\(([^()]*)\)$")
_CLASS_RE = re.compile(r"^\([\w#-]{1,80}\)(?=\S)")
_IMAGE_LINK_RE = re.compile(r"!(?:\([^()\n]{0,80}\))?[^!\s]{1,2000}(?:\([^()\n]{0,200}\))?!:"
                            r"([^\s\"<>]{1,2000})")
_ALIAS_RE = re.compile(r"^\[([^\]\s][^\]\n]{0,100})\](\S+)\s*$")
_LIST_RE = re.compile(r"^([*#]{1,6})" + _ATTRS + r"[ \t]+")


def detect(path: str) -> bool:
    """True for a ``.textile`` file."""
    return path.lower().endswith(TEXTILE_ENDINGS)


def _url(raw: str, aliases: dict[str, str]) -> tuple[str, str]:
    """A link's URL as Textile ends it, and what follows it in the text."""
    url = raw.rstrip(_TRAILING)
    rest = raw[len(url):]
    if ")" in rest and "(" in url and url.count("(") > url.count(")"):
        url, rest = url + ")", rest.replace(")", "", 1)     # (a URL with parentheses)
    return aliases.get(url, url), rest


def _text(raw: str) -> str:
    """A link's text: its (title) at the end and a (class) before it are not text."""
    text = _CLASS_RE.sub("", _TITLE_RE.sub("", raw))
    return text.strip().replace("[", "(").replace("]", ")")


def _inline(line: str, aliases: dict[str, str]) -> str:
    def bracketed(m: re.Match) -> str:
        return f"[{_text(m.group(1))}]({aliases.get(m.group(2), m.group(2))})"

    def link(m: re.Match) -> str:
        url, rest = _url(m.group(2), aliases)
        return f"[{_text(m.group(1))}]({url}){rest}" if url else m.group(0)

    def image(m: re.Match) -> str:
        url, rest = _url(m.group(1), aliases)
        return f"[]({url}){rest}"

    if '":' in line:
        line = _BRACKETED_RE.sub(bracketed, line)
        line = _LINK_RE.sub(link, line)
    if "!:" in line:
        line = _IMAGE_LINK_RE.sub(image, line)
    return line


def textile_to_markdown(lines: list[str]) -> list[str]:
    """Rewrite a Textile body as Markdown, line for line (see the module's notes).

    Parameters
    ----------
    lines : list of str
        The body's lines (after its front matter).

    Returns
    -------
    list of str
        As many lines, in Markdown.

    Examples
    --------
    >>> textile_to_markdown(['h2. See "the post(its title)":/a/b.html.', '', '# one'])
    ['## See [the post](/a/b.html).', '', '1. one']
    """
    aliases = {}
    for line in lines:
        m = _ALIAS_RE.match(line)
        if m:
            aliases[m.group(1)] = m.group(2)
    out: list[str] = []
    block = "p"             # the kind of block the line is in
    extended = False        # a ".." block: runs until the next signature
    previous_blank = True
    for line in lines:
        blank = not line.strip()
        sig = _SIGNATURE_RE.match(line) if previous_blank or extended else None
        previous_blank = blank
        if sig:
            block, extended, line = sig.group(1), sig.group(2) == "..", sig.group(3)
        elif blank and not extended:
            block = "p"
        if blank:
            out.append("")
            continue
        if block in ("bc", "pre"):
            out.append("    " + line)              # code: its links are no citations
            continue
        if block == "###":
            out.append("")
            continue
        if _ALIAS_RE.match(line):
            out.append("")
            continue
        if block != "notextile":
            line = _inline(line, aliases)
            item = _LIST_RE.match(line)
            if item:
                marks = item.group(1)
                marker = "1." if marks[-1] == "#" else "-"
                line = "   " * (len(marks) - 1) + marker + " " + line[item.end():]
        if block.startswith("h"):
            line = "#" * int(block[1]) + " " + line
        elif block == "bq":
            line = "> " + line
        out.append(line)
    return out
