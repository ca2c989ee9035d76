"""Franklin.jl's page variables, read without running Julia.

Franklin (a static site generator in Julia) sets a page's variables in two ways: lines
``@def name = value`` (a value may go on over lines indented below it), and blocks of
Julia assignments between lines ``+++`` (``date = Date(2021, 3, 5)``,
``tags = ["a", "b"]``). The site's global variables are set the same way in its
``config.md`` (``website_url``, ``website_title``, ``prepath``). Franklin runs these
as Julia code; graphkit reads the values that are literals (strings, numbers,
``true``/``false``, ``Date(y, m, d)``, arrays of them, and ``get(ENV, "X", default)``
as its default) and nothing else: another value (a function call, an expression) is
left unread and named in the page's report.

A page is at the folder its file names: ``posts/rope.md`` at ``/posts/rope/``,
``index.md`` of a folder at the folder (see :func:`franklin_route`).

References
----------
.. [1] Franklin.jl, "Page variables" (``@def``, ``+++`` blocks, global variables),
   https://github.com/JuliaDocs/Franklin.jl/blob/master/docs/syntax/page-variables.md
.. [2] Franklin.jl, "RSS" (``rss_website_url``, ``website_url``),
   https://github.com/JuliaDocs/Franklin.jl/blob/master/docs/syntax/rss.md
"""

from __future__ import annotations

import re

from ..model import Fragment, Post
from ..text import preview

FRANKLIN = "franklin"
_NAME = r"[A-Za-z_][A-Za-z0-9_]{0,100}+"
_ASSIGN_RE = re.compile(rf"^({_NAME})[ \t]*+=(?!=)[ \t]*+(.*)$")
_DEF_RE = re.compile(rf"^@def[ \t]++({_NAME})[ \t]*+=(?!=)[ \t]*+(.*)$")
_STRING_RE = re.compile(r'"((?:[^"\\\n]|\\.)*+)"')
_NUMBER_RE = re.compile(r"[-+]?\d{1,30}(?:\.\d{1,30})?")
_DATE_CALL_RE = re.compile(r"(?:Date|DateTime)\(\s*+(\d{1,4})\s*+,\s*+(\d{1,2})\s*+,\s*+"
                           r"(\d{1,2})\s*+(?:,[^()]*+)?\)")
_DATE_TEXT_RE = re.compile(r'(?:Date|DateTime)\(\s*+"(\d{4}-\d{1,2}-\d{1,2})[^"]*+"\s*+\)')
_ENV_RE = re.compile(r'get\(\s*+ENV\s*+,\s*+"[^"\n]*+"\s*+,\s*+')
_UNESCAPE_RE = re.compile(r"\\(.)")
# a page's global variables that only a Franklin site's config.md sets
SITE_VARIABLES = frozenset({"website_url", "website_title", "website_descr", "prepath",
                            "prefix", "base_path", "rss_website_url", "rss_website_title",
                            "rss_website_descr", "generate_rss", "div_content",
                            "folder_structure"})
MAX_VALUE_LINES = 200     # lines one value may span (an array written one item a line)
MAX_DEPTH = 20            # arrays in arrays read, at most
_JULIA_ONLY_RE = re.compile(r"=[ \t]*+(?:Date|DateTime|get)\(|^[ \t]*using[ \t]", re.M)
USING_RE = re.compile(r"^[ \t]*(?:using|import)[ \t]+[A-Z]\w*")  # `using Dates`: no value


class _Unread(ValueError):
    """A value that is no literal graphkit reads (Julia code)."""


def _literal(text: str, i: int, depth: int = 0) -> tuple[object, int]:
    """The Julia literal starting at ``text[i]`` (spaces skipped) and the index after it."""
    if depth > MAX_DEPTH:
        raise _Unread("arrays nested too deeply")
    while i < len(text) and text[i] in " \t\n":
        i += 1
    if text.startswith('"""', i):
        end = text.find('"""', i + 3)
        if end < 0:
            raise _Unread("an unclosed string")
        return text[i + 3:end], end + 3
    if text.startswith('"', i):
        m = _STRING_RE.match(text, i)
        if m is None:
            raise _Unread("an unclosed string")
        return _UNESCAPE_RE.sub(r"\1", m.group(1)), m.end()
    for pattern in (_DATE_CALL_RE, _DATE_TEXT_RE):
        m = pattern.match(text, i)
        if m is not None:
            if m.lastindex == 3:
                return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}", m.end()
            return m.group(1), m.end()
    m = _ENV_RE.match(text, i)
    if m is not None:                          # get(ENV, "NAME", default): the default
        value, j = _literal(text, m.end(), depth + 1)
        while j < len(text) and text[j] in " \t\n":
            j += 1
        if not text.startswith(")", j):
            raise _Unread("a call")
        return value, j + 1
    if text.startswith("[", i) or text.startswith("(", i):   # an array or a tuple
        close = "]" if text[i] == "[" else ")"
        items, j = [], i + 1
        while True:
            while j < len(text) and text[j] in " \t\n,;":
                j += 1
            if text.startswith(close, j):
                return items, j + 1
            if j >= len(text):
                raise _Unread("an unclosed array")
            item, j = _literal(text, j, depth + 1)
            items.append(item)
    for word, value in (("true", True), ("false", False), ("nothing", None)):
        if text.startswith(word, i) and not text[i + len(word):i + len(word) + 1].isalnum():
            return value, i + len(word)
    m = _NUMBER_RE.match(text, i)
    if m is not None and not text[m.end():m.end() + 1].isalpha():
        return m.group(), m.end()
    raise _Unread("Julia code")


def julia_value(text: str) -> object:
    """The value a Julia literal ``text`` writes; raises ``ValueError`` for anything else
    (a trailing ``# comment`` is allowed).

    >>> julia_value('Date(2021, 3, 5)'), julia_value('["注意力", "测试"]')
    ('2021-03-05', ['注意力', '测试'])
    >>> julia_value('get(ENV, "SITE_URL", "https://x.example/")  # deployed')
    'https://x.example/'
    """
    value, end = _literal(text, 0)
    rest = text[end:].strip()
    if rest and not rest.startswith("#"):
        raise _Unread("an expression")
    return value


def _statements(lines: list[str], pattern: re.Pattern
                ) -> tuple[dict[str, object], list[str], list[int], int]:
    """Read the assignments ``pattern`` matches among ``lines``: ``(values, names not
    read, indices of the lines read, lines that are neither)``. A value goes on over the
    following lines while its brackets or triple quotes are open (up to
    :data:`MAX_VALUE_LINES`), or, for ``@def``, while they are indented."""
    values: dict[str, object] = {}
    unread: list[str] = []
    used: list[int] = []
    other = 0
    i = 0
    while i < len(lines):
        m = pattern.match(lines[i])
        if m is None:
            if (lines[i].strip() and not lines[i].lstrip().startswith("#")
                    and not USING_RE.match(lines[i])):
                other += 1
            i += 1
            continue
        name, value, j = m.group(1), m.group(2), i + 1
        while j < len(lines) and j - i < MAX_VALUE_LINES and (
                _open(value) or (pattern is _DEF_RE and lines[j][:1] in (" ", "\t")
                                 and lines[j].strip())):
            value += "\n" + lines[j]
            j += 1
        try:
            values[name] = julia_value(value)
        except _Unread:
            unread.append(name)
        used.extend(range(i, j))
        i = j
    return values, unread, used, other


def _open(value: str) -> bool:
    """True while a value's brackets or triple-quoted string are not closed."""
    if value.count('"""') % 2:
        return True
    bare = _STRING_RE.sub("", value)
    return bare.count("[") + bare.count("(") > bare.count("]") + bare.count(")")


def julia_block(raw: str) -> tuple[dict[str, object], list[str]] | None:
    """A ``+++`` block read as Franklin reads it (Julia assignments): ``(values, names
    whose value is not a literal)``, or None when it is no Franklin block (then the
    block's TOML error stands): some line is no assignment, or it writes nothing only
    Julia writes (``Date(…)``, ``get(ENV, …)``, ``using``) and more of its values are
    unread than read (``title = 甲乙``: broken TOML, not Julia code)."""
    values, unread, _, other = _statements(raw.splitlines(), _ASSIGN_RE)
    if other or not values:
        return None
    if len(unread) >= len(values) and _JULIA_ONLY_RE.search(raw) is None:
        return None
    return values, unread


_HTML_FUNCTION_RE = re.compile(r"\{\{[^{}\n]{0,300}+\}\}")
_DIV_MARK_RE = re.compile(r"^[ \t]*@@[\w,-]{0,100}+[ \t]*$")
_COMMAND_LINE_RE = re.compile(r"^[ \t]*\\[A-Za-z]{1,50}+(?:\{[^{}\n]{0,300}+\})*+[ \t]*$")


def franklin_body(lines: list[str]) -> list[str]:
    r"""A Franklin page's lines with its markup that shows no text of its own blanked:
    calls of HTML functions (``{{fill author}}``, ``{{blogposts}}``), ``@def`` lines,
    the marks of a div (``@@note`` … ``@@``; the text inside stays) and lines holding
    one LaTeX-like command alone (``\toc``, ``\newcommand{\R}{\mathbb R}``).

    >>> franklin_body(["见 {{fill author}} 的笔记", "\\toc", "@@note", "注意", "@@"])
    ['见  的笔记', '', '', '注意', '']
    """
    out = []
    for line in lines:
        if (_DEF_RE.match(line) or _DIV_MARK_RE.match(line)
                or _COMMAND_LINE_RE.match(line)):
            out.append("")
        else:
            out.append(_HTML_FUNCTION_RE.sub("", line) if "{{" in line else line)
    return out


def detect(lines: list[str], path: str) -> bool:
    """True for a Markdown file that opens with Franklin's ``@def name = value`` lines."""
    first = next((ln for ln in lines[:50] if ln.strip()), "")
    return path.lower().endswith(".md") and _DEF_RE.match(first) is not None


def read_franklin(lines: list[str], path: str) -> tuple[list[Post], list[Fragment]]:
    """Read a Franklin page whose variables are set by ``@def`` lines (anywhere in it;
    a ``+++`` block at the top is read by :func:`graphkit.readers.frontmatter
    .front_matter_block`): its ``title`` (else its first heading), ``date``
    (else ``rss_pubdate``), ``tags``; the lines of ``@def`` are no text."""
    from .frontmatter import markdown_post

    meta, unread, used, _ = _statements(lines, _DEF_RE)
    frags = []
    if unread:
        first = used[0] + 1
        frags.append(Fragment(path=path, line=first, end_line=used[-1] + 1,
                              reason=f"page variables not read (Julia code, not a value): "
                                     f"{', '.join(unread[:10])}", text=""))
    skip = set(used)
    body = franklin_body(["" if i in skip else line for i, line in enumerate(lines)])
    post, more = markdown_post(body, path, meta=meta, first_line=1, body_offset=0,
                               layout=FRANKLIN)
    if post is None:
        frags.append(Fragment(path=path, line=1, end_line=len(lines),
                              reason="page variables without a title, and no body text",
                              text=preview("\n".join(lines))))
        return [], frags + more
    return [post], frags + more


def site_variables(text: str) -> dict[str, object] | None:
    """The global variables a Franklin site's ``config.md`` sets (``@def`` lines and
    ``+++`` blocks), or None when it sets none of a site's (:data:`SITE_VARIABLES`):
    another file named ``config.md`` (a post about configuration)."""
    lines = text.splitlines()
    values, _, _, _ = _statements(lines, _DEF_RE)
    inside, block = False, []
    for line in lines:
        if line.strip() == "+++":
            if inside:
                found = julia_block("\n".join(block))
                values.update(found[0] if found else {})
                block = []
            inside = not inside
        elif inside:
            block.append(line)
    return values if SITE_VARIABLES & values.keys() else None


def franklin_route(inside: str) -> str:
    """The site path of a Franklin page at ``inside`` (its path under the site's
    folder): the file's path as a folder (``posts/rope.md`` → ``/posts/rope/``), a
    folder's ``index.md`` its folder (``index.md`` → ``/``).

    >>> franklin_route("posts/rope.md"), franklin_route("posts/index.md")
    ('/posts/rope/', '/posts/')
    """
    stem = re.sub(r"\.(?:md|html)$", "", inside, flags=re.I)
    stem = re.sub(r"(?:^|/)index$", "", stem)
    return f"/{stem}/" if stem else "/"
