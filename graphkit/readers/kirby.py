"""Reader of Kirby's content files (``content/…/note.txt``).

Kirby keeps each page as a folder under ``content/`` holding one text file named by its
template (``note.txt``): fields written ``Name: value``, parted by lines of four dashes
(``----``; a line ``\\----`` in a value is four dashes). A page's address is its folders
under ``content/`` without their sorting numbers (``1_notes/20210305_rope`` →
``/notes/rope``; Kirby 2 wrote ``1-notes``), ``home`` being ``/``; a date-sorted page's
number is its date. Its ``Uuid`` (Kirby 3.8 on) is the name ``page://UUID`` links use.

Fields read: ``Title``, ``Date`` (else the folder's date number), ``Tags``, ``Uuid``, and
the text: ``Text`` (else ``Body``), written as KirbyText (Markdown with KirbyTags:
``(link: notes/x text: …)`` names the page ``notes/x`` from the site's root) or as
blocks (a JSON list: text, list and quote blocks as HTML, headings, Markdown blocks as
KirbyText; code, images and videos are no text), also inside a layout's columns.

Pages in ``_drafts/`` folders, the site's own fields (``content/site.txt``), the error
page and the metadata of a file (``photo.jpg.txt``) are reported, not read as posts; so,
when some pages of a site have a blog post's template (``note``, ``article``, ``post``),
are its other pages (:func:`set_aside_pages`).

References
----------
.. [1] Kirby, "Managing content" and "Fields" (text files, ``----``),
   https://getkirby.com/docs/guide/content/fields
.. [2] Kirby, "Creating pages" (sorting numbers, ``_drafts``),
   https://getkirby.com/docs/guide/content/creating-pages
.. [3] Kirby, "KirbyTags", https://getkirby.com/docs/reference/plugins/extensions/kirbytags
.. [4] Kirby, "Blocks field" and "Unique IDs & Permalinks" (``page://``, ``/@/page/``),
   https://getkirby.com/docs/reference/panel/fields/blocks,
   https://getkirby.com/docs/guide/uuids
"""

from __future__ import annotations

import json
import re
from pathlib import PurePosixPath

from ..dates import parse_date
from ..model import Fragment, Link, Post, Source
from ..sites import SITE_REF
from ..text import preview
from .frontmatter import url_aliases
from .markdown import markdown_to_text

KIRBY = "kirby"
CONTENT = "content"
# the templates of a blog's posts in Kirby's starterkit and its blog kits
POST_TEMPLATES = ("note", "article", "post", "blogarticle", "blog-article", "blogpost",
                  "blog-post", "entry")
_FIELD_RE = re.compile(r"^([A-Za-z0-9_\-]++)[ \t]*+:(.*)$")
_SEPARATOR_RE = re.compile(r"^----[ \t]*+$")
# a folder's sorting number: Kirby 3's "1_", Kirby 2's "1-"
_NUMBER_RE = re.compile(r"^(\d++)[_-](?=.)")
_MEDIA_RE = re.compile(r"\.(?:jpe?g|png|gif|svg|webp|avif|pdf|mp4|webm|mp3|zip|docx?|xlsx?)\.txt$",
                       re.I)
# a KirbyTag: (name: value attr: value …); its attributes' names
_TAG_RE = re.compile(r"\((link|email|image|file|video|tel|gist|twitter|date):[ \t]*+"
                     r"([^()\n]*+)\)", re.I)
_ATTRIBUTE_RE = re.compile(r"\s++(text|title|class|rel|target|lang|popup|role|alt|caption|"
                           r"link|width|height|imgclass|linkclass|linkrole)[ \t]*+:[ \t]*+",
                           re.I)
_UUID_LINK_RE = re.compile(r"^(?:page://|/@/page/)([A-Za-z0-9]++)/?$")
TEXT_FIELDS = ("text", "body")
NO_TEXT_BLOCKS = ("code", "image", "video", "gallery")   # blocks whose text is no prose


def detect(lines: list[str], path: str) -> bool:
    """True for a Kirby content file: a ``.txt`` file opening with a ``Name:`` field,
    parted from others by ``----`` lines or inside a ``content/`` folder."""
    if not path.lower().endswith(".txt"):
        return False
    first = next((x for x in lines if x.strip()), "")
    if _FIELD_RE.match(first) is None:
        return False
    return (CONTENT in PurePosixPath(path).parts[:-1]
            or any(_SEPARATOR_RE.match(x) for x in lines))


def content_fields(lines: list[str]) -> tuple[dict[str, tuple[int, str]], list[int]]:
    """A content file's fields, ``{name in lower case: (0-based line, value)}`` (the first
    of a repeated name), and the 0-based lines of text outside any field."""
    fields: dict[str, tuple[int, str]] = {}
    stray: list[int] = []
    name: str | None = None
    start = 0
    value: list[str] = []

    def close() -> None:
        if name is not None and name not in fields:
            fields[name] = (start, "\n".join(value).strip())

    for i, line in enumerate(lines):
        if _SEPARATOR_RE.match(line):
            close()
            name = None
            continue
        if name is None:
            m = _FIELD_RE.match(line)
            if m is not None:
                name, start, value = m.group(1).lower(), i, [m.group(2)]
            elif line.strip():
                stray.append(i)
            continue
        value.append("----" + line[5:] if line.startswith("\\----") else line)
    close()
    return fields, stray


def _kirbytag(m: re.Match) -> str:
    """A KirbyTag as Markdown: a link's text and target (a page id from the site's
    root: ``notes/x`` → ``/notes/x``), an address's text; images, files and videos are
    no text."""
    tag = m.group(1).lower()
    parts = _ATTRIBUTE_RE.split(m.group(2))
    value = parts[0].strip()
    attrs = {parts[i].lower(): parts[i + 1].strip() for i in range(1, len(parts) - 1, 2)}
    if tag == "link":
        target = value
        if not re.match(r"^(?:[a-z][a-z0-9+.\-]*:|[/#?])", target, re.I):
            target = "/" + target
        return f"[{attrs.get('text') or value}](<{target}>)"
    if tag in ("email", "tel", "twitter", "date"):
        return attrs.get("text") or value
    return ""


def kirbytext(value: str) -> tuple[str, list[Link]]:
    """KirbyText (Markdown with KirbyTags) as text and links."""
    lines = [_TAG_RE.sub(_kirbytag, x) if "(" in x else x for x in value.split("\n")]
    return markdown_to_text(lines, source=True)


def _blocks_text(blocks: list, parts: list[str], links: list[Link],
                 flat: list[tuple[str, str]], depth: int = 0) -> None:
    """The text and links of Kirby blocks (and of a layout's columns of blocks), and
    ``(problem, markup)`` of each block whose HTML was read flat."""
    from .html import read_html_content

    if depth > 8:
        return
    for block in blocks:
        if not isinstance(block, dict) or block.get("isHidden") is True:
            continue
        if isinstance(block.get("columns"), list):          # a layout's row
            for column in block["columns"]:
                if isinstance(column, dict) and isinstance(column.get("blocks"), list):
                    _blocks_text(column["blocks"], parts, links, flat, depth + 1)
            continue
        content = block.get("content") if isinstance(block.get("content"), dict) else {}
        kind = str(block.get("type") or "")
        if kind in NO_TEXT_BLOCKS:
            continue
        for key in ("text", "citation"):
            value = content.get(key)
            if not isinstance(value, str) or not value.strip():
                continue
            if kind == "markdown":
                text, found = kirbytext(value)
            elif kind == "heading":
                text, found = " ".join(value.split()), []
            else:
                text, found, problem = read_html_content(value)
                if problem is not None:
                    flat.append((problem, value))
            if text:
                parts.append(text)
            links.extend(found)


def body_text(value: str) -> tuple[str, list[Link], list[tuple[str, str]]]:
    """A text field's text and links: blocks when the value is their JSON list, else
    KirbyText; and ``(problem, markup)`` of each block whose HTML was read flat."""
    if value.startswith("[") and value.rstrip().endswith("]"):
        try:
            blocks = json.loads(value)
        except (ValueError, RecursionError):
            blocks = None
        if isinstance(blocks, list) and all(isinstance(b, dict) for b in blocks):
            parts: list[str] = []
            links: list[Link] = []
            flat: list[tuple[str, str]] = []
            _blocks_text(blocks, parts, links, flat)
            return "\n".join(parts), links, flat
    return (*kirbytext(value), [])


def page_route(path: str) -> tuple[str, str | None] | None:
    """``(address, date)`` of the page whose file is at ``path``: its folders under the
    last ``content/`` folder without their sorting numbers, ``home`` as ``/``, and the
    date of a date-sorted folder (``20210305_rope``); None outside ``content/``."""
    parts = PurePosixPath(path).parts[:-1]
    if CONTENT not in parts:
        return None
    folders = list(parts[len(parts) - parts[::-1].index(CONTENT):])
    date = None
    m = _NUMBER_RE.match(folders[-1]) if folders else None
    if m is not None and len(m.group(1)) == 8:
        date = parse_date(m.group(1))
    slugs = [_NUMBER_RE.sub("", f, count=1) for f in folders]
    if slugs == ["home"]:
        return "/", date
    return "/" + "/".join(slugs), date


def uuid_ref(uuid: str) -> str:
    """The link that names the page of this Kirby ``Uuid``."""
    return f"{SITE_REF}uuid:{uuid.strip().lower()}"


def read_kirby(lines: list[str], path: str) -> tuple[list[Post], list[Fragment]]:
    """Read one Kirby content file as one page.

    Returns
    -------
    posts : list of Post
        The page; none for a draft, the site's fields, a file's metadata or a file with
        neither a title nor text.
    fragments : list of Fragment
        Why the file is no post, and lines outside any field.
    """
    def aside(why: str, title: str = "") -> tuple[list, list[Fragment]]:
        nonblank = [i for i, x in enumerate(lines, 1) if x.strip()] or [1]
        return [], [Fragment(path=path, line=nonblank[0], end_line=nonblank[-1], reason=why,
                             text=preview(title))]

    fields, stray = content_fields(lines)
    title = fields.get("title", (0, ""))[1]
    parts = PurePosixPath(path).parts
    frags = [Fragment(path=path, line=i + 1, end_line=i + 1,
                      reason="a line outside any Kirby field (no Name: before it)",
                      text=preview(lines[i])) for i in stray]
    if _MEDIA_RE.search(path):
        return aside(f"the metadata of a file ({PurePosixPath(path).name[:-4]}), not a page",
                     title)
    if "_drafts" in parts[:-1]:
        return aside("a draft (in _drafts/, which Kirby does not publish), not a post", title)
    if len(parts) > 1 and parts[-2] == CONTENT:
        return aside("the site's own fields (content/site.txt), not a page", title)
    route = page_route(path)
    if route is not None and route[0] == "/error":
        return aside("the site's error page, not a post", title)
    name = next((k for k in TEXT_FIELDS if k in fields), None)
    text, links, flat = body_text(fields[name][1]) if name else ("", [], [])
    if flat:
        from .html import flat_reading     # (html imports markdown, which imports this package)

        frags += [flat_reading(problem, path=path, line=fields[name][0] + 1, content=True,
                               markup=markup) for problem, markup in flat]
    if not title and not text:
        return aside("a Kirby page with neither a title nor a text", title)
    links = [Link(url=uuid_ref(m.group(1)), anchor=x.anchor, sentence=x.sentence)
             if (m := _UUID_LINK_RE.match(x.url)) else x for x in links]
    date = parse_date(fields.get("date", (0, ""))[1]) or (route[1] if route else None)
    tags = tuple(t.strip() for t in re.split(r"[,，]", fields.get("tags", (0, ""))[1])
                 if t.strip())
    aliases = set(url_aliases(route[0])) if route and route[0] != "/" else set()
    uuid = fields.get("uuid", (0, ""))[1].strip()
    if uuid:
        aliases.add(f"uuid:{uuid.lower()}")
    template = PurePosixPath(path).name.split(".")[0].lower()
    post = Post(key=f"post:file:{path}", title=title or preview(text, 40), label=title
                or preview(text, 40), untitled=not title, date=date, text=text,
                links=tuple(links), tags=tags, aliases=tuple(sorted(aliases)),
                sources=(Source(path=path, line=1, format=KIRBY),),
                fields=(("template", template),))
    return [post], frags


def set_aside_pages(posts: list) -> tuple[list, list[Fragment]]:
    """Kirby's pages that are not posts: when some pages under one ``content/`` folder
    have a blog post's template (:data:`POST_TEMPLATES`), its pages of other templates
    (the home page, the blog's listing, ``about``)."""
    def root(p) -> str | None:
        src = p.sources[0].path if p.sources else ""
        i = src.rfind(f"/{CONTENT}/")
        return src[:i] if i >= 0 else ("" if src.startswith(f"{CONTENT}/") else None)

    kirby = [p for p in posts if p.sources and p.sources[0].format == KIRBY]
    blogs = {root(p) for p in kirby if dict(p.fields).get("template") in POST_TEMPLATES}
    out, frags = [], []
    for p in posts:
        template = dict(p.fields).get("template")
        if (p.sources and p.sources[0].format == KIRBY and root(p) in blogs
                and template not in POST_TEMPLATES):
            first = p.sources[0]
            frags.append(Fragment(
                path=first.path, line=first.line, end_line=first.line,
                reason=f"a page of the site (Kirby template {template}), not a post: the "
                       f"site's posts are its pages of a post template "
                       f"({', '.join(POST_TEMPLATES[:3])}…)", text=preview(p.title)))
            continue
        out.append(p)
    return out, frags
