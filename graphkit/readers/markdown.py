"""Markdown to plain text, keeping the links (with the sentence each one stands in).

Links are read in every form CommonMark and GitHub-flavoured Markdown give them [1]_ [2]_:
inline ``[text](url)``, reference ``[text][label]`` / ``[text][]`` / ``[label]`` with a
``[label]: url`` definition anywhere in the body, autolinks ``<https://…>``, bare
``https://…`` addresses, and raw HTML ``<a href="…">text</a>``. Code spans and fenced
code hold no links.

References
----------
.. [1] CommonMark Spec 0.31.2, "Links", "Link reference definitions", "Autolinks",
   "Raw HTML", https://spec.commonmark.org/0.31.2/
.. [2] GitHub Flavored Markdown Spec, "Autolinks (extension)",
   https://github.github.com/gfm/#autolinks-extension-
"""

from __future__ import annotations

import html
import re
from typing import Mapping

from ..model import Link
from ..sites import expand_site_links, site_link_url
from ..text import BARE_URL_PATTERN, TAG_RE, bare_url, sentence_around

# [text](url "title") and ![alt](url); the text may hold one level of brackets. The
# address is <in angle brackets> (spaces allowed: "<My Note.md>") or has no space and its
# parentheses balanced one level deep ("wiki/Transformer_(model)"); the title is "…",
# '…' or (…) (CommonMark, "Links")
LINK_RE = re.compile(
    r"(?P<img>!?)\[(?P<text>(?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]"
    r"\(\s*(?P<url><[^<>\n]*>|(?:[^()\s<]|\([^()\s]*\))*)"
    r"(?:\s+(?:\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'|\([^()\n]*\)))?\s*\)")
# a component of MDX or Vue that links: Next.js' and Gatsby's <Link>, Docusaurus' <Link to>,
# Vue Router's <RouterLink>/<router-link> and Nuxt's <NuxtLink> (VitePress, Nuxt Content)
_LINK_COMPONENT = r"(?:[A-Z][A-Za-z0-9]*)?Link|router-link|nuxt-link"
# an attribute's value in JSX as an expression of one string: href={"/a/"}, to={`/a/`}
# (a template with ${…} in it is no fixed address)
_JSX_STRING = (r"""\{\s*(?:"(?P<NAME1>[^"<>{}]*)"|'(?P<NAME2>[^'<>{}]*)'"""
               r"""|`(?P<NAME3>[^`<>{}$]*)`)\s*\}""")
# every inline form of a link, tried where _START_RE finds a place; the first that matches
# there wins. Each alternative stops at a bounded or unambiguous end (atomic backtick
# runs, no "<" inside a tag, a bounded code span), so that no line costs more than
# linear time whatever it holds.
_INLINE_RE = re.compile(
    r"(?<!`)(?P<tick>`++)(?P<code>[^\n]{1,2000}?)(?<!`)(?P=tick)(?!`)"   # code span: no link
    r"|" + LINK_RE.pattern +
    r"|(?<!\\)(?P<rimg>!?)\[(?P<rtext>(?:[^\[\]\n]|\[[^\[\]\n]*\])*)\](?:\[(?P<rlabel>[^\[\]\n]*)\])?"
    r"|(?i:<a\s[^<>]*?\bhref\s*=\s*(?:\"(?P<h1>[^\"<>]*)\"|'(?P<h2>[^'<>]*)'|"
    + _JSX_STRING.replace("NAME", "hx") + r"|(?P<h3>[^\s<>\"']+))"
    r"[^<>]*>(?P<htext>[^<]*+(?:<(?!/?a[\s>/])[^<]*+)*+)</a\s*>)"
    r"|<(?P<lname>" + _LINK_COMPONENT + r")(?=[\s>])[^<>]*?(?<![\w:@.-])(?:href|to)\s*=\s*"
    r"(?:\"(?P<l1>[^\"<>]*)\"|'(?P<l2>[^'<>]*)'|" + _JSX_STRING.replace("NAME", "lx") + r")"
    r"[^<>]*>(?P<ltext>[^<]*+(?:<(?!/?(?P=lname)[\s>/])[^<]*+)*+)</(?P=lname)\s*>"
    r"|<(?P<auto>[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*)>"
    r"|(?<![A-Za-z0-9_/=\"'@.\-])(?P<bare>" + BARE_URL_PATTERN + ")")   # text.BARE_URL_RE
# where an _INLINE_RE match can start: found by a fast scan, then matched there
_START_RE = re.compile(r"[`!\[<]|(?i:https?://)")
# [label]: url "title" — a link reference definition; [^1]: is a footnote, kept as text
_REF_DEF_RE = re.compile(
    r"^\s{0,3}\[(?P<label>[^\]\^\n][^\]\n]{0,998})\]:\s*(?:<(?P<u1>[^>\n]*)>|(?P<u2>\S+))"
    r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?\s*$")
_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~^$&%])")
_EMPH_RE = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?!\w)"
                      r"|(?<![\w_\\])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])")
_HEADING_RE = re.compile(r"^\s{0,3}#{1,6}\s+")
_ANCHOR_RE = re.compile(r"(?<!\s)\s*+\[\\?#\]\([^()\[\]\n]*+\)\s*$")   # "## 标题 [\#](url#标题)"
_FENCE_RE = re.compile(r"^\s*(```|~~~)")
# an executable chunk of R Markdown or Quarto (```{r setup, include=FALSE}, ```{python})
# whose options hide its code from the page: include=FALSE (neither code nor output) or
# echo=FALSE (no code), in the chunk's header or as Quarto's "#| echo: false" lines
# (knitr, "Chunk options", https://yihui.org/knitr/options/; Quarto, "Execution Options",
# https://quarto.org/docs/computations/execution-options.html)
_CHUNK_RE = re.compile(r"^\s*(?:```|~~~)\s*\{[A-Za-z][\w.-]*[\s,}]")
_HIDDEN_HEADER_RE = re.compile(r"\b(?:include|echo)\s*=\s*(?:FALSE|F)\b")
_HIDDEN_OPTION_RE = re.compile(r"^\s*#\|\s*(?:include|echo)\s*:\s*false\s*$")
# code blocks written as a generator's tags: Jekyll's (Liquid) {% highlight lang %} …
# {% endhighlight %}, Hexo's {% codeblock … %} … {% endcodeblock %} (and its {% code %})
_TAG_FENCE_RE = re.compile(r"^\s*\{%-?\s*(?:(highlight|codeblock|code)|end(highlight|codeblock"
                           r"|code))\b[^{}\n]*%\}\s*$")
# a generator's template tags in a source's prose, which render as something else or as
# nothing (once graphkit.sites.expand_site_links has read the links among them): Hugo's
# shortcodes {{< x >}} and {{% x %}}, Liquid's and Nunjucks' {% x %}, mdBook's {{#include
# file}}; a tag holds no brace, so no opener is searched past the next one
_TEMPLATE_TAG_RE = re.compile(r"\{\{[<%][^{}\n]*[%>]\}\}|\{%[^{}\n]*%\}"
                              r"|\{\{#[A-Za-z_]+\b[^{}\n]*\}\}")
# kramdown's attribute lists (Jekyll's default Markdown): a block's on a line of its own
# after it ("{: .prompt-tip }", "{: file=\"a.py\" }"), a span's after a link or an image
# ("[x](/a/){:target=\"_blank\"}"), a named definition ("{:note: .box}"); quoted values
# may hold braces (https://kramdown.gettalong.org/syntax.html#inline-attribute-lists)
_IAL_RE = re.compile(r"\{:(?:[^{}\n\"']|\"[^\"\n]*+\"|'[^'\n]*+')*+\}")
# raw HTML of a source file (CommonMark 0.31.2, "Raw HTML"): an open tag whose attributes
# are well formed (JSX's {…} values too, one level of braces inside), or a closing
# tag. Math such as $a<b$ and $c>d$ is not a tag: "$" is no attribute name.
_ATTRIBUTE = (r"""\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:"[^"\n]*"|'[^'\n]*'"""
              r"""|\{(?:[^{}\n]|\{[^{}\n]*\})*+\}"""     # (a brace inside: `/a/${slug}`)
              r"""|[^\s"'=<>`{}]+))?""")
_RAW_TAG_RE = re.compile(r"</[A-Za-z][A-Za-z0-9-]*\s*>|<[A-Za-z][A-Za-z0-9-]*(?:"
                         + _ATTRIBUTE + r")*+\s*/?>")
# what renders as nothing: HTML comments (<!--more-->, <!-- truncate -->), and a script's
# or a style sheet's raw HTML (a chart's code, a Svelte page's <script> in mdsvex: an HTML
# block of CommonMark's first kind, which runs to its closing tag); in MDX also
# expression comments {/* … */}
_COMMENTS = (("<!--", "-->"), ("<script", "</script>"), ("<style", "</style>"))
_MDX_COMMENTS = (*_COMMENTS, ("{/*", "*/}"))
# MDX: a paragraph opening with import/export is JavaScript (ESM), not text
_ESM_RE = re.compile(r"^(?:import|export)\b")
# a container directive or admonition marker: ":::note Title", "!!! tip \"Title\"", "???+ x",
# and a block component of MDC (Nuxt Content's Markdown): "::alert{type=\"info\"}", "::"
# (an MDC block's marker is a line of its own: "::before is a CSS pseudo-element" is text)
_MDC_BLOCK_RE = re.compile(r"^\s*::(?:[A-Za-z][\w-]*(?:\{[^}\n]*\})?)?\s*$")
_DIRECTIVE_RE = re.compile(r"^\s*(?::{2,}|!!!|\?\?\?\+?|===\+?(?=\s+\"))\s*"
                           r"(?:\{[^}\n]*\}|[A-Za-z][\w-]*(?:\{[^}\n]*\})?)?\s*")
# the label of a generic directive (remark-directive, Docusaurus 3, Starlight):
# ":::note[Title]{#id}" is a note titled "Title"
_DIRECTIVE_LABEL_RE = re.compile(r"^\[([^\[\]\n]*)\](?:\{[^}\n]*\})?")
# ... of Python-Markdown's containers (admonitions, collapsible details, Material for MkDocs'
# content tabs: ``=== "Tab"``), whose content is the lines indented under them
_CONTAINER_RE = re.compile(r"^\s*(?:!!!|\?\?\?\+?|===\+?\s+\")")
# Zenn's embed on a line of its own, @[card](URL), @[youtube](ID): its address, as the
# bare address Zenn also renders as a card; an id is no text
# (https://zenn.dev/zenn/articles/markdown-guide)
_EMBED_RE = re.compile(r"^\s*@\[[a-z]{1,20}\]\(([^()\s]{0,2000})\)\s*$")


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


def reference_label(label: str) -> str:
    """A link reference label normalised as CommonMark matches it: case folded, inner
    white space collapsed, outer stripped."""
    return " ".join(label.split()).casefold()


def reference_definition(line: str) -> tuple[str, str] | None:
    """``(label, url)`` of a link reference definition line, normalised label, or None.

    >>> reference_definition('[Mom]: /2015/06/10/momentum.html "Momentum"')
    ('mom', '/2015/06/10/momentum.html')
    >>> reference_definition("[^1]: a footnote") is None
    True
    """
    if "]:" not in line:
        return None
    m = _REF_DEF_RE.match(line)
    if m is None:
        return None
    return reference_label(m.group("label")), m.group("u1") if m.group("u1") is not None \
        else m.group("u2")


def inline_to_text(line: str, *, references: Mapping[str, str] | None = None,
                   raw_html: bool = False) -> tuple[str, list[tuple[int, int, str, str]]]:
    """Convert one line of inline Markdown to text.

    Parameters
    ----------
    line : str
    references : mapping of str to str, optional, keyword-only
        Link reference definitions of the body (normalised label → URL, see
        :func:`reference_label`); ``[text][label]`` links to a label not in it stay text.
    raw_html : bool, keyword-only
        Remove raw HTML tags (``<div align="center">``, ``</span>``, JSX's
        ``<Tabs>``) from the text: in an author's source they are markup. Off for
        Markdown converted from a rendered page, where a ``<title>`` shown is text.

    Returns
    -------
    text : str
        The line with links replaced by their text, images removed, escapes undone.
    spans : list of (int, int, str, str)
        ``(start, end, url, anchor)`` of each link inside ``text``.
    """
    built = SpanText()
    spans = built.spans
    pos = 0
    refs = references or {}
    put = built.put

    def put_text(piece: str) -> None:
        if raw_html and "<" in piece:
            piece = _RAW_TAG_RE.sub("", piece)
        put(unescape(_strip_emphasis(piece)))

    def put_link(anchor: str, url: str) -> None:
        put(anchor, url)        # (as a link's anchor)

    if not any(c in line for c in "[`<") and "://" not in line:
        return unescape(_strip_emphasis(line)), spans
    at = 0
    while (start := _START_RE.search(line, at)) is not None:
        m = _INLINE_RE.match(line, start.start())
        if m is None and raw_html and line[start.start()] == "<" and (
                tag := _RAW_TAG_RE.match(line, start.start())):
            put_text(line[pos:tag.start()])       # a tag is markup, a `…` in it no code
            pos = at = tag.end()
            continue
        if m is None or (m.group("rtext") is not None
                         and reference_label(m.group("rlabel") or m.group("rtext")) not in refs):
            at = start.start() + 1   # brackets that name no reference are text: read inside
            continue
        put_text(line[pos:m.start()])
        pos = at = m.end()
        if m.group("tick") is not None:
            put(m.group(0))                                   # code, as written
        elif m.group("url") is not None:                      # [text](url), ![alt](url)
            if not m.group("img"):
                url = m.group("url")
                put_link(unescape(_strip_emphasis(m.group("text"))),
                         url[1:-1] if url.startswith("<") else url)
        elif m.group("rtext") is not None:                    # [text][label], [label]
            if not m.group("rimg"):
                put_link(unescape(_strip_emphasis(m.group("rtext"))),
                         refs[reference_label(m.group("rlabel") or m.group("rtext"))])
        elif m.group("htext") is not None:                    # <a href="url">text</a>
            url = next((m.group(g) for g in ("h1", "h2", "hx1", "hx2", "hx3", "h3")
                        if m.group(g) is not None), "")
            put_link(html.unescape(TAG_RE.sub("", m.group("htext"))).strip(),
                     html.unescape(url))
        elif m.group("ltext") is not None:                    # <Link href="url">text</Link>
            if not raw_html:                                  # (shown as text on a page)
                put(m.group(0))
                continue
            url = next((m.group(g) for g in ("l1", "l2", "lx1", "lx2", "lx3")
                        if m.group(g) is not None), "")
            put_link(html.unescape(TAG_RE.sub("", m.group("ltext"))).strip(),
                     html.unescape(url))
        elif m.group("auto") is not None:                     # <https://…>
            put_link(m.group("auto"), m.group("auto"))
        else:                                                 # https://… in the text
            url = bare_url(m.group("bare"))
            put_link(url, url)
            pos = at = m.start() + len(url)
    put_text(line[pos:])
    return built.text(), spans


_EMPTY_ITEM_RE = re.compile(r"^(?:[-*+]|\d{1,9}[.)])$")
# a line that is a block of its own, never continued (CommonMark 0.31.2, "Blocks"): an
# ATX heading, a thematic break or setext underline, a table row, display math, an HTML
# block (a block-level tag, or a JSX component of MDX), a generator's shortcode or tag
_OWN_LINE = (r"^\s{0,3}(?:#{1,6}(?:\s|$)|(?:[-=_*]\s*){3,}$|\||\$\$|\\\[|\\(?:begin|end)\{"
             r"|\{\{[<%]|\{%|</?[A-Z]|(?i:</?(?:address|article|aside|blockquote|center|details"
             r"|dialog|div|dl|figcaption|figure|footer|form|h[1-6]|header|hr|iframe|li|ol|p|pre"
             r"|section|summary|table|tbody|td|th|thead|tr|ul|video)(?:[\s/>]|$)))")
_OWN_LINE_RE = re.compile(_OWN_LINE)
# ... or that opens a block, so it continues no paragraph: those, a list item, a
# footnote definition
_BLOCK_START_RE = re.compile(
    _OWN_LINE + r"|^\s{0,3}(?:[-*+](?:\s|$)|\d{1,9}[.)](?:\s|$)|\[\^[^\]\n]+\]:)")
_QUOTE_RE = re.compile(r"^\s{0,3}>\s?")
# the markers of quotations and list items (a task's box too) a line opens with: not text
_MARKER_RE = re.compile(r"^(?:>\s?|(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?)+")
# a block's id at the end of its line: " ^" and letters, digits and dashes, a letter
# among them (Obsidian, "Internal links", a block in a note: https://help.obsidian.md/links;
# Dendron's block anchors)
_BLOCK_ID_RE = re.compile(r"(?:^|(?<=\s))\^(?=[0-9-]*[A-Za-z])[A-Za-z0-9-]{2,}\s*$")
_FOOTNOTE_RE = re.compile(r"^\s{0,3}\[\^[^\]\n]+\]:")
# a list item's marker and the spaces after it (CommonMark 0.31.2, "List items")
_ITEM_RE = re.compile(r"^( *)([-*+]|\d{1,9}[.)])( +|$)")
_CJK = "\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef"
_CJK_END_RE = re.compile(f"[{_CJK}][*_~\\]]*$")      # (after the end of emphasis or a link)
_CJK_START_RE = re.compile(f"^[*_~\\[]*[{_CJK}]")
# a link's address broken after a hyphen at a line's end, and the rest of it on the next
WRAPPED_URL_RE = re.compile(r"\]\(<?[^\s()<>\[\]]*-$")
URL_REST_RE = re.compile(r"[^\s()<>\[\]]+>?(?:[ \t]+\"[^\"\n]*\")?[ \t]*\)")


def soft_break(left: str, right: str) -> str:
    """What two lines of one paragraph join with, the end of ``left`` and the start of
    ``right`` stripped: a space, or nothing between two Chinese or Japanese characters
    (as Pandoc's ``east_asian_line_breaks`` extension).

    >>> soft_break("see the post on linear", "attention")
    ' '
    >>> soft_break("推导见[线性注意力的", "简单推导](/a/)")
    ''

    A link's address that a converter wrapped after a hyphen (html2text wraps lines at
    78 characters and breaks words at hyphens, addresses too) joins with nothing:

    >>> soft_break("see [the post](https://example.com/my-", "post/)")
    ''
    """
    if left[-1:] == "-" and WRAPPED_URL_RE.search(left[-2000:]) and URL_REST_RE.match(right):
        return ""
    return "" if _CJK_END_RE.search(left) and _CJK_START_RE.match(right) else " "


def _continuation(first: str, last: str, line: str) -> str | None:
    """``line`` as the continuation of the paragraph that opens with ``first`` and ends
    with ``last`` (a soft line break), stripped, or None when it is not one."""
    if not first.strip() or not line.strip() or last.endswith(("  ", "\\")):
        return None                        # (a blank line, or a hard line break)
    quoted = _QUOTE_RE.match(first) is not None
    if _QUOTE_RE.match(line):
        if not quoted:
            return None
        line = _QUOTE_RE.sub("", line, count=1)
    inner = _QUOTE_RE.sub("", first, count=1) if quoted else first
    if _OWN_LINE_RE.match(inner) or _BLOCK_START_RE.match(line) or "|" in inner or "|" in line:
        return None                        # (a row of a table, with or without its outer |)
    if _BLOCK_START_RE.match(line.lstrip()) and _BLOCK_START_RE.match(inner):
        return None                        # (an item of a list nested in the item before)
    return line.strip()


# a tag left open at a line's end (<Link ⏎ href="/a/" ⏎ >: JSX as Prettier breaks it), and
# what may continue it: an attribute, an expression's brace, the tag's end
_OPEN_TAG_END_RE = re.compile(r"<[A-Za-z][\w.:-]*+(?:\s[^<>]*+)?$")
_IN_TAG_RE = re.compile(r"\s*+(?:/?>|[A-Za-z_:@][\w.:-]*+\s*+(?:=|/?>|$)|\{)")
# a link element opening a block of its own (<Link href="/a/"> ⏎ text ⏎ </Link>), read
# as one line up to its closing tag, at most MAX_ELEMENT_LINES lines
_LINK_ELEMENT_RE = re.compile(r"\s*+<(?P<name>a|" + _LINK_COMPONENT + r")(?=[\s>])")
MAX_ELEMENT_LINES = 20


def _inside_tag(pieces: list[str], line: str) -> bool:
    """True when ``line`` goes on with a tag or a link element that the paragraph of
    ``pieces`` (its lines and the breaks between them) leaves open."""
    if _IN_TAG_RE.match(line):
        tail = "".join(pieces[-2 * MAX_ELEMENT_LINES:])
        at = tail.rfind("<")
        if at >= 0 and _OPEN_TAG_END_RE.match(tail, at):
            return True
    element = _LINK_ELEMENT_RE.match(pieces[0])
    return (element is not None and len(pieces) < 2 * MAX_ELEMENT_LINES
            and not any("</" + element.group("name") in piece for piece in pieces))


def _soft_breaks_joined(body: list[tuple[bool, str]]) -> list[tuple[bool, str]]:
    """Lines of a hard-wrapped source joined into the paragraphs they are.

    A line continues the line before unless one of them is blank or ends in a hard
    break (two spaces or a backslash), the paragraph is a block of its own (a
    heading, a table row, display math) or the line opens a block (a list item, a
    quotation after a line outside it: :data:`_BLOCK_START_RE`): a soft line break
    (CommonMark 0.31.2, "Soft line breaks"). So a link whose text is wrapped,
    ``[my earlier`` ⏎ ``post](/a/)``, is one link. Code (fenced or indented, see
    :func:`_indented_code`) is left as it is. Lines join as :func:`soft_break` says. A
    tag broken across lines (``<Link`` ⏎ ``href="/a/"`` ⏎ ``>``), and a link element
    that stands as a block (``<a href="/a/">`` ⏎ ``text`` ⏎ ``</a>``), are one line.
    """
    out: list[tuple[bool, list[str]]] = []      # (is code, pieces of the line or paragraph)
    for code, line in body:
        if out and not code and not out[-1][0]:
            pieces = out[-1][1]
            right = _continuation(pieces[0], pieces[-1], line)
            if right is None and line.strip() and _inside_tag(pieces, line):
                right = line.strip()
            if right is not None:
                if len(pieces) == 1:
                    pieces[0] = pieces[0].rstrip()
                pieces += [soft_break(pieces[-1], right), right]
                continue
        out.append((code, [line]))
    return [(code, "".join(pieces)) for code, pieces in out]


def _indent(line: str) -> int:
    """The columns of white space ``line`` opens with, a tab to the next multiple of 4."""
    stripped = line.lstrip(" \t")
    lead = line[:len(line) - len(stripped)]
    return len(lead.expandtabs(4)) if "\t" in lead else len(lead)


def _indented_code(body: list[tuple[bool, str]],
                   containers: Mapping[int, int] | None = None) -> list[tuple[bool, str]]:
    """``body`` with the lines of indented code blocks marked as code.

    A line indented by four columns or more past the content of the list item it stands
    in (past the margin outside a list), after a blank line or a heading or another
    such line, is code (CommonMark 0.31.2, "Indented code blocks"): it holds no link
    and continues no paragraph. A list item's content column is where its text starts
    after the marker (``- `` → 2, ``10. `` → 4); after a blank line, a line indented
    less than that ends the item (CommonMark, "List items"). So a paragraph continuing
    an item (``- a`` ⏎ ⏎ ``    more``) is text, as Python-Markdown and every CommonMark
    renderer show it, and a shell session indented under a paragraph is code.
    ``containers`` maps the index of a line that opens a container whose content is
    indented (a Python-Markdown admonition, a footnote definition) to its content
    column; it is closed as a list item is.
    """
    out: list[tuple[bool, str]] = []
    items: list[int] = []           # content columns of the open list items, innermost last
    blank = True                    # the line before was blank (or a heading, or code)
    code_block = False              # the last line that was not blank was indented code
    for i, (code, line) in enumerate(body):
        if containers and i in containers:
            items.append(containers[i])
            out.append((code, line))
            blank, code_block = True, False         # (its content may open with a blank line)
            continue
        if code:                                    # fenced code: stays code
            out.append((code, line))
            blank, code_block = False, False
            continue
        if not line.strip():
            out.append((code, line))
            blank = True
            continue
        indent = _indent(line)
        if blank or code_block:
            while items and indent < items[-1]:
                items.pop()
            if indent >= (items[-1] if items else 0) + 4:
                out.append((True, line))
                blank, code_block = False, True
                continue
        code_block = False
        heading = _HEADING_RE.match(line) is not None
        if _FOOTNOTE_RE.match(line):
            items.append(indent + 4)
        item = None if heading or _OWN_LINE_RE.match(line) else _ITEM_RE.match(line.expandtabs(4))
        if heading:
            items.clear()
        elif item is not None:
            while items and indent < items[-1]:
                items.pop()                         # a sibling, or an item of an outer list
            spaces = len(item.group(3))             # (more than 4: code inside the item)
            items.append(len(item.group(0)) if 0 < spaces <= 4
                         else len(item.group(1)) + len(item.group(2)) + 1)
        out.append((code, line))
        blank = heading
    return out


def markdown_to_text(lines: list[str], *, site_links: bool = False, source: bool = False,
                     mdx: bool = False, label_first: bool = False) -> tuple[str, list[Link]]:
    """Convert Markdown body lines to plain text and the links found in it.

    Headings lose their ``#`` and their ``[#](…)`` anchors, quotations and list items
    their markers (``>``, ``-``, ``1.``, a task's ``[x]``), links keep their text, images
    are dropped, emphasis markers and backslash escapes are removed, fenced code is kept
    as it is (and holds no link). Link reference definitions (``[label]: url``) are read
    first, wherever they stand, and leave the text. Paragraphs are separated by one
    newline.

    Parameters
    ----------
    lines : list of str
        Body lines.
    site_links : bool, keyword-only
        Also read links written in a generator's or note app's syntax (Liquid
        ``post_url``, Hugo ``ref``, Hexo ``post_link``, ``[[wikilinks]]``, Zola's
        ``@/x.md``, Pelican's ``{filename}x.md``; see
        :func:`graphkit.sites.expand_site_links` and :func:`graphkit.sites.site_link_url`).
    source : bool, keyword-only
        The lines are an author's source file (a generator's Markdown), so the lines
        of a hard-wrapped paragraph are one paragraph (see :func:`_soft_breaks_joined`)
        and what renders as nothing is not text: HTML comments (``<!--more-->``, also across
        lines, and the links inside them), raw HTML tags, and the marker of a container
        directive or admonition (``:::tip``, ``!!! note``; its title stays), a
        kramdown's attribute lists (``{: .prompt-tip }``, ``{:target="_blank"}``), a
        generator's template tags (Hugo's shortcodes ``{{< figure … >}}``, Liquid's and
        Nunjucks' ``{% … %}``, mdBook's ``{{#include …}}``; a paired shortcode's text
        stays), and Jekyll's ``{% highlight %}`` and Hexo's ``{% codeblock %}`` blocks are
        code; an R Markdown or Quarto chunk whose options hide its code
        (```` ```{r setup, include=FALSE} ````, ``echo=FALSE``, ``#| echo: false``) is not
        text. Off for
        Markdown converted from a rendered page, and for an export's text fields, which
        may be plain text in which ``<`` is shown. With ``site_links`` too (a note
        app's or generator's Markdown), a block's id ending its line (``^k2j3xz``, by
        which Obsidian and Dendron link a paragraph) is not text.
    mdx : bool, keyword-only
        The lines are MDX (with ``source``): paragraphs opening with ``import`` or
        ``export`` (JavaScript) and ``{/* … */}`` comments are not text.
    label_first : bool, keyword-only
        With ``site_links``: a wikilink's text is before its ``|`` (Dendron's
        ``[[text|note]]``; see :func:`graphkit.sites.expand_site_links`).

    Returns
    -------
    text : str
    links : list of Link
        Every link (not images), with the sentence of ``text`` that holds it.
    """
    paragraphs: list[str] = []
    link_spans: list[tuple[int, int, int, str, str]] = []  # paragraph, start, end, url, anchor
    body: list[tuple[bool, str]] = []  # (is code, line); prose with generator syntax expanded
    references: dict[str, str] = {}
    containers: dict[int, int] = {}   # body index of a container's title → its content column
    in_code = False       # inside a ``` or ~~~ fence
    chunk: list | None = None   # [start in body, hidden] of an executable chunk (source)
    tag_code = False      # inside a {% highlight %} or {% codeblock %} block
    comments = (_MDX_COMMENTS if mdx else _COMMENTS) if source else ()
    closing = ""          # the end of the comment a line before opened
    esm = False           # inside an MDX import/export paragraph
    blank = True          # the line before was blank (a paragraph starts here)
    for raw in lines:
        if closing:
            end = raw.find(closing)
            if end < 0:
                continue
            raw, closing = raw[end + len(closing):], ""
        elif not tag_code and _FENCE_RE.match(raw):
            in_code = not in_code
            if source and in_code and _CHUNK_RE.match(raw):
                chunk = [len(body), bool(_HIDDEN_HEADER_RE.search(raw))]
            elif chunk is not None:             # (its code shows nothing on the page)
                if chunk[1]:
                    del body[chunk[0]:]
                chunk = None
            continue
        elif source and not in_code and "{%" in raw and (tag := _TAG_FENCE_RE.match(raw)):
            tag_code = tag.group(1) is not None     # (a fence's lines are its code)
            continue
        if in_code or tag_code:
            if chunk is not None and raw.lstrip().startswith("#|"):
                chunk[1] = chunk[1] or bool(_HIDDEN_OPTION_RE.match(raw))
            body.append((True, raw))
            continue
        if mdx and source and (esm or (blank and _ESM_RE.match(raw))):
            esm = bool(raw.strip())
            blank = not esm
            continue
        blank = not raw.strip()
        if comments:
            raw, closing = _strip_comments(raw, comments)
            head = raw.lstrip()[:3]
            if source and head[:2] in ("::", "!!", "??", "==") and _DIRECTIVE_RE.match(raw) \
                    and (head[:2] != "::" or head == ":::" or _MDC_BLOCK_RE.match(raw)):
                if _CONTAINER_RE.match(raw):
                    containers[len(body)] = _indent(raw) + 4
                raw = _DIRECTIVE_RE.sub("", raw, count=1).strip()
                raw = _DIRECTIVE_LABEL_RE.sub(r"\1", raw, count=1).strip().strip('"')
                body.append((False, expand_site_links(raw, label_first=label_first)
                             if site_links else raw))
                # (a title: a line of its own)
                raw = ""
        if source and "{:" in raw:
            raw = _IAL_RE.sub("", raw)            # kramdown's attributes: no text
        if source and site_links and "^" in raw:
            raw = _BLOCK_ID_RE.sub("", raw)       # a block's id (Obsidian, Dendron): no text
        if source and raw.lstrip()[:2] == "@[" and (embed := _EMBED_RE.match(raw)):
            raw = embed.group(1) if re.match(r"(?i)https?://", embed.group(1)) else ""
        line = expand_site_links(raw, label_first=label_first) if site_links else raw
        if source and "{" in line and ("{{" in line or "{%" in line):
            line = _TEMPLATE_TAG_RE.sub("", line)
        ref = reference_definition(line)
        if ref is not None:
            references.setdefault(*ref)   # the first definition of a label wins
            continue
        body.append((False, line))
    if source:
        body = _soft_breaks_joined(_indented_code(body, containers))
    for code, line in body:
        if code:
            if line.strip():
                paragraphs.append(line.rstrip())
            continue
        line = line.strip()
        if not line:
            continue
        if line[0] in "->*+0123456789":
            line = _MARKER_RE.sub("", line)
        if line[:1] == "#":
            line = _HEADING_RE.sub("", line)
        if "#](" in line:
            line = _ANCHOR_RE.sub("", line)
        raw_text, spans = inline_to_text(line, references=references, raw_html=source)
        text = raw_text.strip()
        if not text or _EMPTY_ITEM_RE.match(text):
            continue      # (an empty list item: Logseq's empty block; a setext underline)
        lead = len(raw_text) - len(raw_text.lstrip())
        for s, e, url, anchor in spans:
            link_spans.append((len(paragraphs), s - lead, e - lead, url, anchor))
        paragraphs.append(text)
    links = [span_link(paragraphs[p], s, e, site_link_url(url) if site_links else url, anchor)
             for p, s, e, url, anchor in link_spans]
    return "\n".join(paragraphs), links


def _strip_comments(line: str, pairs: tuple[tuple[str, str], ...]) -> tuple[str, str]:
    """The line without the comments it holds, and the end marker of a comment it opens
    and does not close (its following lines are inside it), else "". An opening marker
    inside a code span is text."""
    out: list[str] = []
    pos = 0
    ticks = 0                                         # backticks before pos (kept text)
    nxt = {op: line.find(op) for op, _ in pairs}      # next place of each opening marker
    while True:
        for op, _ in pairs:                           # each marker searched once per place
            if 0 <= nxt[op] < pos:
                nxt[op] = line.find(op, pos)
        found = [(nxt[op], op, cl) for op, cl in pairs if nxt[op] >= 0]
        if not found:
            out.append(line[pos:])
            return "".join(out), ""
        i, op, cl = min(found)
        ticks += line.count("`", pos, i)
        if ticks % 2:                                 # inside `code`: text
            out.append(line[pos:i + len(op)])
            pos = i + len(op)
            continue
        out.append(line[pos:i])
        end = line.find(cl, i + len(op))
        if end < 0:
            return "".join(out), cl
        pos = end + len(cl)


class SpanText:
    """Text built piece by piece, with the span of each piece that is a link's anchor.

    Attributes
    ----------
    parts : list of str
        The pieces put so far.
    spans : list of (int, int, str, str)
        ``(start, end, url, anchor)`` of each link, in characters of the text.
    size : int
        The text's length so far, in characters.

    Examples
    --------
    >>> built = SpanText()
    >>> built.put("see "); built.put("the post", "/a/"); built.put(".")
    >>> built.text(), built.spans
    ('see the post.', [(4, 12, '/a/', 'the post')])
    """

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.spans: list[tuple[int, int, str, str]] = []
        self.size = 0

    def put(self, piece: str, url: str | None = None) -> None:
        """Add ``piece``; with ``url``, as the anchor of a link to it."""
        if url is not None:
            self.spans.append((self.size, self.size + len(piece), url, piece))
        self.parts.append(piece)
        self.size += len(piece)

    def text(self) -> str:
        """The text put so far."""
        return "".join(self.parts)


def span_link(paragraph: str, start: int, end: int, url: str, anchor: str) -> Link:
    """The link whose anchor spans ``paragraph[start:end]``, with the sentence holding it.

    Offsets outside the paragraph are clamped to it (an anchor of white space at the end
    of a line was stripped away with it).
    """
    size = len(paragraph)
    sentence, _, _ = sentence_around(paragraph, min(max(start, 0), size), min(max(end, 0), size))
    return Link(url=url, anchor=anchor, sentence=sentence)
