"""Markdown to plain text, keeping the links (with the sentence each one stands in)."""

from __future__ import annotations

import re

from ..model import Link
from ..sites import expand_site_links
from ..text import sentence_around

# [text](url "title") and ![alt](url); the text may hold one level of brackets.
LINK_RE = re.compile(
    r"(?P<img>!?)\[(?P<text>(?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]"
    r"\(\s*<?(?P<url>[^)\s>]*)>?(?:\s+\"(?:[^\"\\]|\\.)*\")?\s*\)")
_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~^$&%])")
_EMPH_RE = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?!\w)"
                      r"|(?<![\w_\\])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])")
_HEADING_RE = re.compile(r"^\s{0,3}#{1,6}\s+")
_ANCHOR_RE = re.compile(r"\s*\[\\?#\]\([^)]*\)\s*$")   # "## 标题 [\#](url#标题)"
_FENCE_RE = re.compile(r"^\s*(```|~~~)")


def unescape(text: str) -> str:
    """Undo Markdown backslash escapes (``\\_`` → ``_``, ``\\|`` → ``|``, ``\\\\`` → ``\\``)."""
    return _ESCAPE_RE.sub(_group1, text) if "\\" in text else text


def _group1(m: re.Match) -> str:
    return m.group(1)


def _strip_emphasis(text: str) -> str:
    if "*" not in text and "_" not in text:
        return text
    prev = None
    while prev != text:
        prev = text
        text = _EMPH_RE.sub(lambda m: m.group(2) or m.group(3) or m.group(4) or "", text)
    return text


def inline_to_text(line: str) -> tuple[str, list[tuple[int, int, str, str]]]:
    """Convert one line of inline Markdown to text.

    Returns
    -------
    text : str
        The line with links replaced by their text, images removed, escapes undone.
    spans : list of (int, int, str, str)
        ``(start, end, url, anchor)`` of each link inside ``text``.
    """
    out: list[str] = []
    spans: list[tuple[int, int, str, str]] = []
    pos = 0
    length = 0
    for m in LINK_RE.finditer(line):
        before = unescape(_strip_emphasis(line[pos:m.start()]))
        out.append(before)
        length += len(before)
        if not m.group("img"):
            anchor = unescape(_strip_emphasis(m.group("text")))
            out.append(anchor)
            spans.append((length, length + len(anchor), m.group("url"), anchor))
            length += len(anchor)
        pos = m.end()
    out.append(unescape(_strip_emphasis(line[pos:])))
    return "".join(out), spans


def markdown_to_text(lines: list[str], *, site_links: bool = False) -> tuple[str, list[Link]]:
    """Convert Markdown body lines to plain text and the links found in it.

    Headings lose their ``#`` and their ``[#](…)`` anchors, links keep their text, images
    are dropped, emphasis markers and backslash escapes are removed, fenced code is kept
    as it is. Paragraphs are separated by one newline.

    Parameters
    ----------
    lines : list of str
        Body lines.
    site_links : bool, keyword-only
        Also read links written in a generator's or note app's syntax (Liquid
        ``post_url``, Hugo ``ref``, Hexo ``post_link``, ``[[wikilinks]]``; see
        :func:`graphkit.sites.expand_site_links`).

    Returns
    -------
    text : str
    links : list of Link
        Every link (not images), with the sentence of ``text`` that holds it.
    """
    paragraphs: list[str] = []
    link_spans: list[tuple[int, int, int, str, str]] = []  # paragraph, start, end, url, anchor
    in_code = False
    for raw in lines:
        if _FENCE_RE.match(raw):
            in_code = not in_code
            continue
        if in_code:
            if raw.strip():
                paragraphs.append(raw.rstrip())
            continue
        line = raw.strip()
        if not line:
            continue
        line = _ANCHOR_RE.sub("", _HEADING_RE.sub("", line))
        if site_links:
            line = expand_site_links(line)
        raw_text, spans = inline_to_text(line)
        text = raw_text.strip()
        if not text:
            continue
        lead = len(raw_text) - len(raw_text.lstrip())
        for s, e, url, anchor in spans:
            link_spans.append((len(paragraphs), s - lead, e - lead, url, anchor))
        paragraphs.append(text)
    links = []
    for p, s, e, url, anchor in link_spans:
        size = len(paragraphs[p])   # a blank anchor at the end of a line was stripped away
        sentence, _, _ = sentence_around(paragraphs[p], min(max(s, 0), size),
                                         min(max(e, 0), size))
        links.append(Link(url=url, anchor=anchor, sentence=sentence))
    return "\n".join(paragraphs), links
