"""Reader of TiddlyWiki: tiddler files (``.tid``), a wiki saved as one HTML file, and
tiddlers exported as JSON.

Each tiddler is a note: its ``title``, its ``tags`` (a title list: ``a [[b c]]``), its
``created`` date (else ``modified``; ``YYYYMMDDHHMMSSmmm`` in UTC) and its text, read by
its ``type``: WikiText (``text/vnd.tiddlywiki``, the default, and TiddlyWiki Classic's
``text/x-tiddlywiki``), Markdown (``text/x-markdown``, ``text/markdown``) or plain text.
System tiddlers (``$:/…``: settings, state, plugins), drafts (``draft.of``), tiddlers
of another type (images, JSON, code) and tiddlers tagged to be part of the interface
(``$:/tags/Stylesheet``, ``$:/tags/Macro``…) are reported, not read as notes.

Links in WikiText: ``[[Title]]`` and ``[[text|Title]]`` (the text first, unlike
Obsidian's ``[[Title|text]]``; an address in the place of the title is an external
link), ``[ext[text|address]]``, the ``<$link to="Title">`` widget, ``<a href>``, the
transclusion ``{{Title}}`` (``{{Title||template}}``, ``{{Title!!field}}``), and bare
addresses. Code (inline, fenced, ``<pre>``), comments, macro calls, filters
(``{{{ … }}}``) and pragmas (``\\define`` … ``\\end``) hold no link and no text.
CamelCase words are not read as links (TiddlyWiki turns that rule off by default since
5.3.0). In Markdown tiddlers, ``[text](#Title)`` names a tiddler.

References
----------
.. [1] TiddlyWiki, "TiddlerFiles" (``.tid``: fields, a blank line, the text),
   https://tiddlywiki.com/#TiddlerFiles
.. [2] TiddlyWiki, "Linking in WikiText", "Transclusion in WikiText", "LinkWidget",
   https://tiddlywiki.com/#Linking%20in%20WikiText
.. [3] TiddlyWiki, "TiddlyWiki5 HTML file format" (the JSON tiddler store of 5.2.0 and
   the ``storeArea`` of ``<div>``s before it), https://tiddlywiki.com/dev/
.. [4] TiddlyWiki, "DateFormat" (``YYYYMMDDHHMMSSmmm``), https://tiddlywiki.com/#DateFormat
"""

from __future__ import annotations

import html as html_lib
import json
import re
from urllib.parse import quote, unquote

from ..dates import parse_date
from ..model import Fragment, Link, Post, Source
from ..sites import SITE_REF
from ..text import BARE_URL_RE, bare_url, json_array_items, line_numbers, preview
from .markdown import SpanText, markdown_to_text, soft_break, span_link

TIDDLYWIKI = "tiddlywiki"
EXTENSION = ".tid"
# the text types read as notes, and the reader of each
WIKITEXT_TYPES = ("text/vnd.tiddlywiki", "text/x-tiddlywiki", "")
MARKDOWN_TYPES = ("text/x-markdown", "text/markdown")
PLAIN_TYPES = ("text/plain",)
# a tiddler's field line in a .tid file: TiddlyWiki's field names
_FIELD_RE = re.compile(r"^([a-zA-Z0-9_.\-]++):[ \t]?(.*)$")
_STORE_RE = re.compile(r"<script\b[^<>]*?\bclass=[\"']tiddlywiki-tiddler-store[\"'][^<>]*+>",
                       re.I)
_STORE_AREA_RE = re.compile(r"<div\s++id=[\"']?storeArea[\"']?[^>]*+>", re.I)
_ENCRYPTED_RE = re.compile(r"<pre\s++id=[\"']?encryptedStoreArea", re.I)
_DIV_RE = re.compile(r"<div\s++([^>]*+)>\s*+(?:<pre>)?", re.I)
_SPACE_RE = re.compile(r"\s*+")
_ATTR_RE = re.compile(r"([^=\s]++)\s*+=\s*+(?:\"([^\"]*+)\"|'([^']*+)')")
# WikiText inline markup, in the order TiddlyWiki tries it
_INLINE_RE = re.compile(
    r"(?P<code>``(?:[^`\n]|`(?!`))*+``|`[^`\n]++`)"
    r"|\[ext\[(?P<ext>[^\[\]\n]*+(?:\](?!\])[^\[\]\n]*+)*+)\]\]"
    r"|\[\[(?P<pretty>[^\[\]\n]*+(?:\](?!\])[^\[\]\n]*+)*+)\]\]"
    r"|(?P<filtered>\{\{\{(?:[^{}\n]|\{[^{}\n]*+\}|\}(?!\}\}))*+\}\}\})"
    r"|\{\{(?P<transclude>[^{}\n]++)\}\}"
    r"|<\$link\b(?P<link>[^<>\n]*+)>(?:(?P<linktext>[^<\n]*+(?:<(?!/?\$link\b)[^<\n]*+)*+)"
    r"</\$link>)?"
    r"|<a\s(?P<a>[^<>\n]*+)>(?:(?P<atext>[^<\n]*+(?:<(?!/a>|a\s)[^<\n]*+)*+)</a>)?"
    r"|(?P<macro><<[^<>\n]*+(?:>(?!>)[^<>\n]*+)*+>>)"
    r"|(?P<tag></?[$a-zA-Z][^<>\n]*+>)"
    r"|(?P<comment><!--(?:[^-<\n]|-(?!->)|<(?!!--))*+-->)", re.I)
_TO_RE = re.compile(r"\bto\s*+=\s*+(?:\"\"\"(.*?)\"\"\"|\"([^\"]*+)\"|'([^']*+)'|([^\s\"'<>{}]++))")
_HREF_RE = re.compile(r"\bhref\s*+=\s*+(?:\"([^\"]*+)\"|'([^']*+)'|([^\s\"'<>]++))", re.I)
# TiddlyWiki's external addresses ($tw.utils.isLinkExternal)
_EXTERNAL_RE = re.compile(
    r"^(?:file|http|https|mailto|ftp|irc|news|obsidian|data|skype):[^\s]+(?:/|\b)", re.I)
_FORMAT_RE = re.compile(r"''|__|~~|\^\^|,,|(?<!:)//")
_PRAGMA_RE = re.compile(r"^\\(?:define|procedure|function|widget|import|rules|whitespace|"
                        r"parameters|relink)\b")
_BLOCK_MARK_RE = re.compile(r"^(?:[*#;:>]++|!{1,6}|<<<.*|-{3,}|\|(?=.*\|\s*$))[ \t]*")
_TITLE_LIST_RE = re.compile(r"\[\[([^\]]*+)\]\]|(\S++)")


def detect(path: str) -> bool:
    """True for a tiddler file (``.tid``)."""
    return path.lower().endswith(EXTENSION)


def detect_html(text: str) -> bool:
    """True for a TiddlyWiki saved as one HTML file (its tiddler store or its
    ``storeArea``, encrypted or not)."""
    if "tiddlywiki-tiddler-store" not in text and "toreArea" not in text:
        return False                  # (every HTML file passes here: a plain scan first)
    return bool(_STORE_RE.search(text) or _STORE_AREA_RE.search(text)
                or _ENCRYPTED_RE.search(text))


def detect_json(text: str, path: str) -> bool:
    """True for tiddlers exported as JSON: an array whose first object has a ``title``
    and TiddlyWiki's ``created``/``modified`` stamps or ``type``."""
    if not path.lower().endswith(".json"):  # (before reading a large file's text)
        return False
    head = text.lstrip()[:4096]
    if not head.startswith("["):
        return False
    return bool(re.search(r'"title"\s*:', head) and re.search(
        r'"(?:created|modified)"\s*:\s*"\d{12,17}"|"type"\s*:\s*"text/(?:vnd|x)-tiddlywiki"',
        head))


def title_list(value: str) -> tuple[str, ...]:
    """A TiddlyWiki title list (``a [[b c]] d``) as its titles.

    >>> title_list("论文 [[Transformer 笔记]] attention")
    ('论文', 'Transformer 笔记', 'attention')
    """
    return tuple(t for m in _TITLE_LIST_RE.finditer(value or "")
                 if (t := (m.group(1) if m.group(1) is not None else m.group(2)).strip()))


def tiddler_date(value: str | None) -> str | None:
    """The day of a TiddlyWiki date stamp (``20210305041900000``, Classic's
    ``202103050419``), or None."""
    v = (value or "").strip()
    return parse_date(v[:8]) if re.fullmatch(r"\d{12,17}", v) else None


def tiddler_ref(title: str) -> str:
    """A link to the tiddler titled ``title`` (see :func:`graphkit.sites.site_ref_target`)."""
    return SITE_REF + quote(title.strip(), safe="/._-~:")


def _pretty(inner: str) -> tuple[str, str]:
    """``(text, target)`` of a pretty link's inside: ``text|target`` or ``target``; a
    block mark after the target (``Title^id``) names a part of it."""
    text, bar, target = inner.partition("|")
    target = target if bar else text
    target = re.sub(r"\^[^|\s^]*+$", "", target) if not _EXTERNAL_RE.match(target) else target
    return text.strip(), target.strip()


def _target_url(target: str) -> str | None:
    """What a link's target names: an external address as it is, a tiddler as a
    ``site-ref:`` link, a system tiddler (``$:/…``) nothing."""
    if not target or target.startswith("$:/"):
        return None
    return target if _EXTERNAL_RE.match(target) else tiddler_ref(target)


def _inline(line: str) -> tuple[str, list[tuple[int, int, str, str]]]:
    """A WikiText line's text and its links' spans ``(start, end, url, anchor)``."""
    built = SpanText()
    pos = 0

    def put(piece: str, url: str | None = None) -> None:
        """Add text; with ``url``, as a link's anchor (formatting marks kept)."""
        built.put(_FORMAT_RE.sub("", piece) if url is None else piece, url)

    def plain(piece: str) -> None:
        last = 0
        for u in BARE_URL_RE.finditer(piece):
            if u.start() > 0 and piece[u.start() - 1] == "~":
                continue                   # ~https://… is text in TiddlyWiki
            put(piece[last:u.start()])
            address = bare_url(u.group(0))
            put(address, address)
            put(piece[u.start() + len(address):u.end()])
            last = u.end()
        put(piece[last:])

    for m in _INLINE_RE.finditer(line):
        plain(line[pos:m.start()])
        pos = m.end()
        if m.group("pretty") is not None:
            text, target = _pretty(m.group("pretty"))
            url = _target_url(target)
            put(text or target, url)
        elif m.group("ext") is not None:
            text, bar, target = m.group("ext").partition("|")
            target = (target if bar else text).strip()
            put((text if bar else target).strip(), target or None)
        elif m.group("transclude") is not None:
            title = re.split(r"\|\||!!|##", m.group("transclude"), maxsplit=1)[0].strip()
            url = _target_url(title)
            if url is not None:
                built.put("", url)         # (a link without an anchor)
        elif m.group("link") is not None:
            to = _TO_RE.search(m.group("link"))
            title = next((g for g in to.groups() if g is not None), "").strip() if to else ""
            text = re.sub(r"<[^<>\n]*+>", "", m.group("linktext") or "").strip() or title
            put(text, _target_url(title))
        elif m.group("a") is not None:
            href = _HREF_RE.search(m.group("a"))
            target = next((g for g in href.groups() if g is not None), "") if href else ""
            text = re.sub(r"<[^<>\n]*+>", "", m.group("atext") or "").strip()
            url = (_target_url(unquote(target[1:])) if target.startswith("#")
                   else target or None)
            put(text, url if text else None)
    plain(line[pos:])
    return built.text(), built.spans


def wikitext_to_text(lines: list[str]) -> tuple[str, list[Link]]:
    """WikiText lines as plain text (paragraphs one a line) and the links in them.

    Headings, list items, quotations and table rows lose their markers; the lines of a
    paragraph are joined; fenced code (```` ``` ````), ``<pre>`` blocks, comments and
    pragmas (``\\define`` … ``\\end``) are left out.
    """
    paragraphs: list[str] = []
    links: list[Link] = []
    pending: list[str] = []
    skip_until: str | None = None

    def flush() -> None:
        text, spans = _inline("".join(pending))
        text, lead = text.strip(), len(text) - len(text.lstrip())
        pending.clear()
        if text or spans:
            links.extend(span_link(text, s - lead, e - lead, url, anchor)
                         for s, e, url, anchor in spans)
        if text:
            paragraphs.append(text)

    for raw in lines:
        line = raw.rstrip()
        stripped = line.strip()
        if skip_until is not None:
            if skip_until in stripped.lower():
                skip_until = None
            continue
        if stripped.startswith("```"):
            flush()
            skip_until = "```"
            continue
        if stripped.lower().startswith(("<pre", "<$codeblock")) and "</pre>" not in stripped:
            flush()
            skip_until = "</pre>" if stripped.lower().startswith("<pre") else "/>"
            continue
        if stripped.startswith("<!--") and "-->" not in stripped:
            flush()
            skip_until = "-->"
            continue
        if _PRAGMA_RE.match(stripped):
            flush()
            if stripped.startswith(("\\define", "\\procedure", "\\function", "\\widget")) \
                    and not re.search(r"\)\s*+\S", stripped):
                skip_until = "\\end"      # a definition of several lines
            continue
        if not stripped:
            flush()
            continue
        mark = _BLOCK_MARK_RE.match(stripped)
        if mark and mark.end() > 0:
            flush()
            stripped = stripped[mark.end():].replace("|", " ").strip() \
                if stripped.startswith("|") else stripped[mark.end():]
            if not stripped:
                continue
            pending.append(stripped)
            flush()
            continue
        pending += [soft_break(pending[-1], stripped), stripped] if pending else [stripped]
    flush()
    return "\n".join(paragraphs), links


_PRETTY_IN_MARKDOWN_RE = re.compile(r"\[\[([^\[\]\n]*+(?:\](?!\])[^\[\]\n]*+)*+)\]\]")


def _markdown(lines: list[str]) -> tuple[str, list[Link]]:
    """A Markdown tiddler's text and links: ``[text](#Title)`` and TiddlyWiki's own
    ``[[text|Title]]`` (which the markdown plugin renders) name tiddlers."""
    def pretty(m: re.Match) -> str:
        text, target = _pretty(m.group(1))
        url = _target_url(target)
        return f"[{text or target}](<{url}>)" if url else (text or target)

    text, links = markdown_to_text([_PRETTY_IN_MARKDOWN_RE.sub(pretty, x) if "[[" in x else x
                                    for x in lines], source=True)
    out = []
    for link in links:
        if link.url.startswith("#") and len(link.url) > 1:
            url = _target_url(unquote(link.url[1:]))
            if url is None:
                continue
            link = Link(url=url, anchor=link.anchor, sentence=link.sentence)
        out.append(link)
    return text, out


def tiddler(fields: dict, path: str, line: int, *, one_file: bool
            ) -> tuple[Post | None, Fragment | None]:
    """A note from a tiddler's fields, or why it is none.

    Parameters
    ----------
    fields : dict of str to str
        The tiddler's fields (``title``, ``text``, ``type``, ``tags``, ``created``…).
    path : str
        Report name of the file that holds it.
    line : int
        1-based line of the tiddler in that file.
    one_file : bool
        The file holds this tiddler alone (a ``.tid``); else the post's id names the
        tiddler inside the file.

    Returns
    -------
    post : Post or None
    fragment : Fragment or None
        Why the tiddler is not read as a note (system, draft, interface, not text).
    """
    def aside(why: str) -> tuple[None, Fragment]:
        return None, Fragment(path=path, line=line, end_line=line, reason=why,
                              text=preview(title))

    title = str(fields.get("title") or "").strip()
    kind = str(fields.get("type") or "").strip().lower()
    tags = title_list(str(fields.get("tags") or ""))
    if not title:
        return aside("a tiddler without a title, not a note")
    if title.startswith("$:/") or fields.get("plugin-type"):
        return aside("a system tiddler ($:/…): TiddlyWiki's settings, state or plugins, "
                     "not a note")
    if fields.get("draft.of"):
        return aside(f"a draft of '{preview(str(fields['draft.of']), 60)}' (draft.of), "
                     f"not published")
    system_tag = next((t for t in tags if t.startswith("$:/tags/")), None)
    if system_tag is not None:
        return aside(f"a tiddler TiddlyWiki uses as part of its interface (tagged "
                     f"{system_tag}), not a note")
    if kind not in (*WIKITEXT_TYPES, *MARKDOWN_TYPES, *PLAIN_TYPES):
        return aside(f"a tiddler of type {kind} (an image, data or code), not a note")
    body = str(fields.get("text") or "").split("\n")
    if kind in MARKDOWN_TYPES:
        text, links = _markdown(body)
    elif kind in PLAIN_TYPES:
        text = "\n".join(x.strip() for x in body if x.strip())
        links = [span_link(text, u.start(), u.start() + len(bare_url(u.group(0))),
                           bare_url(u.group(0)), bare_url(u.group(0)))
                 for u in BARE_URL_RE.finditer(text)]
    else:
        text, links = wikitext_to_text(body)
    date = tiddler_date(fields.get("created")) or tiddler_date(fields.get("modified"))
    key = f"post:file:{path}" if one_file else f"post:{TIDDLYWIKI}:{path}#{title}"
    return Post(key=key, title=title, label=title, untitled=False, date=date, text=text,
                links=tuple(links), tags=tags, aliases=(title.casefold(),),
                sources=(Source(path=path, line=line, format=TIDDLYWIKI),)), None


def read_tid(lines: list[str], path: str) -> tuple[list[Post], list[Fragment]]:
    """Read a tiddler file: ``name: value`` lines, a blank line, the text.

    Raises nothing: a file that opens with no field line is reported as such.
    """
    fields: dict[str, str] = {}
    end = len(lines)
    for i, line in enumerate(lines):
        if not line.strip():
            end = i
            break
        m = _FIELD_RE.match(line)
        if m is None:
            return [], [Fragment(path=path, line=i + 1, end_line=i + 1,
                                 reason="a tiddler file whose fields end without a blank line "
                                        "(a line that is no name: value field)",
                                 text=preview(line))]
        fields.setdefault(m.group(1).lower(), m.group(2).strip())
    fields["text"] = "\n".join(lines[end + 1:])
    post, frag = tiddler(fields, path, 1, one_file=True)
    return ([post] if post else []), ([frag] if frag else [])


def _fields(item: object) -> dict | None:
    """A JSON tiddler's fields as strings, or None for an item that is no object."""
    if not isinstance(item, dict):
        return None
    return {str(k): v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)
            for k, v in item.items()}


def _json_tiddlers(text: str, base: int) -> tuple[list[tuple[int, dict]], str | None]:
    """``(offset, fields)`` of each tiddler of a JSON array (offsets from ``base``), and
    why the array could not be read, or None."""
    try:
        items = json_array_items(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        return [], f"tiddlers as JSON that cannot be read ({exc})"
    return [(base + at, f) for at, item in items if (f := _fields(item)) is not None], None


def _store_tiddlers(text: str) -> tuple[list[tuple[int, dict]], list[tuple[int, str]]]:
    """``(offset, fields)`` of each tiddler a saved wiki holds, and ``(offset, why)`` of
    each part that could not be read."""
    found: list[tuple[int, dict]] = []
    broken: list[tuple[int, str]] = []
    for m in _STORE_RE.finditer(text):
        end = text.find("</script>", m.end())
        if end < 0:          # (nor can any store after it be)
            broken.append((m.start(), "a tiddler store never closed (no </script>)"))
            break
        items, why = _json_tiddlers(text[m.end():end], m.end())
        found += items
        if why is not None:
            broken.append((m.start(), why))
    area = _STORE_AREA_RE.search(text)
    pos = _SPACE_RE.match(text, area.end()).end() if area is not None else len(text)
    while True:
        d = _DIV_RE.match(text, pos)
        if d is None:
            break
        close = "</pre>" if d.group(0).lower().endswith("<pre>") else "</div>"
        end = text.find(close, d.end())
        if end < 0:
            broken.append((d.start(), f"a tiddler never closed (no {close})"))
            break
        fields = {a.group(1).lower(): html_lib.unescape(a.group(2) if a.group(2) is not None
                                                        else a.group(3) or "")
                  for a in _ATTR_RE.finditer(d.group(1))}
        fields["text"] = html_lib.unescape(text[d.end():end])
        found.append((d.start(), fields))
        after = text.find("</div>", end)
        if after < 0:
            break
        pos = _SPACE_RE.match(text, after + len("</div>")).end()
    return found, broken


def _lines(text: str, offsets: list[int]) -> list[int]:
    """:func:`graphkit.text.line_numbers` of offsets in any order."""
    order = sorted(range(len(offsets)), key=offsets.__getitem__)
    lines = line_numbers(text, [offsets[i] for i in order])
    out = [0] * len(offsets)
    for i, line in zip(order, lines):
        out[i] = line
    return out


def _read_fields(found: list[tuple[int, dict]], broken: list[tuple[int, str]], text: str,
                 path: str) -> tuple[list[Post], list[Fragment]]:
    lines = _lines(text, [o for o, _ in found] + [o for o, _ in broken])
    posts, frags = [], []
    for (_, fields), line in zip(found, lines):
        post, frag = tiddler(fields, path, line, one_file=False)
        posts += [post] if post else []
        frags += [frag] if frag else []
    frags += [Fragment(path=path, line=line, end_line=line, reason=why, text="")
              for (_, why), line in zip(broken, lines[len(found):])]
    return posts, frags


def read_store_html(text: str, path: str) -> tuple[list[Post], list[Fragment]]:
    """Read a TiddlyWiki saved as one HTML file: every tiddler of its store (the JSON
    ``<script class="tiddlywiki-tiddler-store">`` of 5.2.0 on, the ``storeArea``
    ``<div>``s before it); an encrypted wiki is reported, not read."""
    encrypted = _ENCRYPTED_RE.search(text)
    if encrypted and not _STORE_RE.search(text):
        at = line_numbers(text, [encrypted.start()])[0]
        return [], [Fragment(path=path, line=at, end_line=at,
                             reason="an encrypted TiddlyWiki: its tiddlers cannot be read "
                                    "without its password", text="")]
    return _read_fields(*_store_tiddlers(text), text, path)


def read_json_tiddlers(text: str, path: str) -> tuple[list[Post], list[Fragment]]:
    """Read tiddlers exported as JSON (an array of field objects)."""
    found, why = _json_tiddlers(text, 0)
    return _read_fields(found, [(0, why)] if why else [], text, path)
