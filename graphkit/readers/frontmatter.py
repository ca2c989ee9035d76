"""Reader of static-site Markdown with YAML (``---``) or TOML (``+++``) front matter.

Hugo, Jekyll, Hexo and Zola keep one post per file: ``title``, ``date``, ``tags``,
``categories``, ``url``/``permalink``, ``slug`` and ``aliases`` in the front matter, the
body in Markdown below it. Links between posts may use a post's URL, its relative path
or its slug; every such name is kept in :attr:`Post.aliases` so that links resolve.
Pelican and MultiMarkdown open the file with ``Title: …`` lines instead
(:func:`read_metadata_header`); Hugo's and Zola's ``_index.md`` is a section's list page,
reported and not read as a post.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import PurePosixPath
from urllib.parse import unquote

from ..dates import parse_date
from ..model import Fragment, Link, Post, Source
from ..sites import (ADDRESS_KEYS, DOC_EXTENSIONS, HOST_NAME_RE, LABEL_PREFIX, QIITA_ID_RE,
                     ZENN_SLUG_RE, article_platform_alias, canonical_from_lead,
                     canonical_from_meta, expand_site_links, exported_metadata, file_slug,
                     medium_post_id, naver_blog_address, path_aliases, slugify,
                     TEXTBUNDLE_SUFFIXES, tumblr_post_alias, weixin_article_id, zettel_id)
from ..text import loads_json, preview
from .kexue import SITE_URL, archive_link_id
from .franklin import FRANKLIN, USING_RE, franklin_body, julia_block
from .markdown import LINK_RE, markdown_to_text, unescape
from . import textile

FRONT_MATTER = "front-matter"


_KEY_RE = re.compile(r"^\s*[\"']?[A-Za-z_][\w\-]*[\"']?\s*[:=]")


_JSON_KEY_RE = re.compile(r'^\s*"[^"\\]+"\s*:')


def detect(lines: list[str]) -> bool:
    """True when the file opens with ``---`` or ``+++`` followed by a ``key:``/``key =`` line
    (or, after ``+++``, by Julia's ``using Dates``: Franklin.jl's page variables). Comment
    lines before the first key (``# the default layout is 'page'``, as theme starters and
    templates write them; YAML and TOML comments alike) are passed over when the block
    is closed."""
    nonblank = [line for line in lines[:50] if line.strip()]
    if len(nonblank) < 2 or nonblank[0].strip() not in ("---", "+++"):
        return False
    fence = nonblank[0].strip()
    first = 1
    while first < len(nonblank) and nonblank[first].lstrip().startswith("#"):
        first += 1
    if first > 1 and not any(line.strip() == fence for line in nonblank[first:]):
        return False        # (a rule, then Markdown headings: no block)
    return first < len(nonblank) and (
        bool(_KEY_RE.match(nonblank[first]))
        or (fence == "+++" and bool(USING_RE.match(nonblank[first]))))


def detect_json(lines: list[str], path: str) -> bool:
    """True for a Markdown file that opens with ``{`` and a ``"key":`` line: Hugo's JSON
    front matter (a data file, ``.json``, is no post)."""
    if not path.lower().endswith(MARKDOWN_ENDINGS):
        return False
    nonblank = [line for line in lines[:50] if line.strip()]
    return (len(nonblank) >= 2 and nonblank[0].strip() == "{"
            and bool(_JSON_KEY_RE.match(nonblank[1])))


def url_aliases(value: str) -> set[str]:
    """Normalised names under which a post can be linked: path without extension, slug
    (and ``medium/ID`` for a Medium address, whichever of its forms; ``tumblr/ID`` for a
    Tumblr address, :func:`graphkit.sites.tumblr_post_alias`; ``zenn/SLUG`` and
    ``qiita/ID`` for a Zenn article's and a Qiita item's; ``weixin/BIZ/MID/IDX`` for a
    WeChat article's long address, whatever its other parameters; a Naver Blog post's
    ``PostView`` address as its own, :func:`graphkit.sites.naver_blog_address`).
    Percent-encoding is decoded (WordPress writes a Chinese slug as ``%e6%97%8b…`` in
    its own addresses, an author pastes it as ``旋转…``), as links are when they are
    resolved. A PHP front controller's ``index.php/`` before the path is dropped."""
    v = value.strip()
    if not v:
        return set()
    v = naver_blog_address(v) or v
    medium = medium_post_id(v)
    weixin = weixin_article_id(v)
    platform = (f"medium/{medium}" if medium else None) or article_platform_alias(v) \
        or tumblr_post_alias(v) or (f"weixin/{weixin}" if weixin else None)
    if platform:          # the platform's name, and the address's path as any site's
        rest = re.sub(r"(?i)^(?:[a-z]+:)?//[^/]*", "", v)    # (protocol-relative too)
        return {platform} | (url_aliases(rest) if rest != v else _path_aliases(v))
    return _path_aliases(v)


# WordPress' plain (default) address of a post: /?p=5, /index.php?p=5
_WP_PLAIN_RE = re.compile(r"^/?(?:index\.php)?\?(?:[^#]*&)?p=(\d+)(?:[&#]|$)", re.I)


def _path_aliases(v: str) -> set[str]:
    """:func:`url_aliases` of an address that names no platform."""
    v = re.sub(r"^[a-z]+://[^/]+", "", v, flags=re.I)   # drop scheme and host
    wp = _WP_PLAIN_RE.match(v)
    if wp:             # WordPress' plain address of a post, /?p=5: named as ?p=5 links are
        return {f"p={wp.group(1)}"}
    v = unquote(v.split("#", 1)[0].split("?", 1)[0]).strip("/")
    # a PHP blog's front controller: ``/index.php/archives/3/`` is ``/archives/3/`` once
    # rewriting is on (Typecho, WordPress' "PATHINFO" permalinks), and links keep both
    v = re.sub(r"^index\.php/(?=.)", "", v, flags=re.I)
    v = re.sub(rf"(/index|/readme)?\.({DOC_EXTENSIONS})$", "", v, flags=re.I)
    if not v:
        return set()
    out = {v.casefold()}
    out.add(PurePosixPath(v).name.casefold())
    return out


# the keys an object in a list of tags names its tag by: Docusaurus' inline tag
# ({label, permalink}), a CMS's or an export's term object ({name, slug})
_TERM_NAME_KEYS = ("label", "name", "title", "tag")


def _as_list(value) -> tuple[str, ...]:
    """The terms a front matter value lists, each once, in order.

    A string is split at commas and semicolons; a list gives its items, a list inside
    it its items in turn (Hexo's ``categories: [[Diary, Games], [Life]]``: two paths
    of a category tree, each of its names a category the post shows), and an object
    the name it holds under one of :data:`_TERM_NAME_KEYS` (Docusaurus' ``- label:
    Docusaurus`` with a ``permalink``). An object with no such name, and a mapping in
    place of the list, give nothing: they name no term.

    References
    ----------
    .. [1] Hexo, "Front-matter" (categories: a list is a hierarchy, a list of lists
       several), https://hexo.io/docs/front-matter
    .. [2] Docusaurus, "Blog" (``tags``: a key of ``tags.yml``, a string, or an object
       with ``label`` and ``permalink``), https://docusaurus.io/docs/blog
    """
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(dict.fromkeys(v.strip() for v in re.split(r"[,，;]", value)
                                   if v.strip()))
    if isinstance(value, (list, tuple)):
        out: list[str] = []
        for item in value:
            if isinstance(item, (list, tuple)):
                out.extend(str(v).strip() for v in item
                           if v is not None and not isinstance(v, (list, tuple, dict)))
            elif isinstance(item, dict):
                name = next((item[k] for k in _TERM_NAME_KEYS
                             if isinstance(item.get(k), (str, int, float))), None)
                if name is not None:
                    out.append(str(name).strip())
            elif item is not None:
                out.append(str(item).strip())
        return tuple(dict.fromkeys(v for v in out if v))
    if isinstance(value, dict):
        return ()
    return (str(value),)


def _terms(meta: dict, plural: str, singular: str) -> tuple[str, ...]:
    """Tags or categories under any of the names generators give them: ``tags``,
    ``categories`` (Hugo, Jekyll, Hexo), ``category`` (Jekyll, Pelican), ``tag``, or
    inside Zola's ``[taxonomies]`` table or Grav's ``taxonomy:`` mapping; tags, when
    none of those names them, under ``topics`` (Zenn's, a Hugo site's taxonomy of that
    name) or Pandoc's ``keywords`` (Zettlr's tags, a Hugo page's keywords)."""
    taxonomies = meta.get("taxonomies")
    if not isinstance(taxonomies, dict):
        taxonomies = meta.get("taxonomy")
    taxonomies = taxonomies if isinstance(taxonomies, dict) else {}
    extra = (meta.get("topics"), taxonomies.get("topics"), meta.get("keywords")) \
        if plural == "tags" else ()
    for value in (meta.get(plural), meta.get(singular), taxonomies.get(plural),
                  taxonomies.get(singular), *extra):
        terms = _as_list(value)
        if terms:
            return terms
    return ()


def _date(value) -> str | None:
    if isinstance(value, dict):      # MkDocs Material: date: {created: …, updated: …}
        value = next((value[k] for k in ("created", "published", "date") if k in value), None)
    return parse_date(value)


# where generators keep a post's date, in order: ``date`` (Jekyll, Hugo, Hexo, Zola,
# Eleventy, Quarto), Hugo's aliases of its publish date, Astro's blog templates'
# ``pubDate``/``pubDatetime``, exports' ``published_at``, Hashnode's backups'
# ``datePublished`` (schema.org's name), a note's ``created``, Franklin.jl's
# ``rss_pubdate``, ``publishedAt`` (the MDX posts of Next.js' portfolio starter kit
# and the blogs made from it)
DATE_KEYS = ("date", "publishDate", "pubDate", "pubDatetime", "pubdate", "published",
             "publishedAt", "published_at", "date_published", "datePublished", "post_date",
             "dateAdded", "created", "rss_pubdate")


# where generators keep the day a post last changed, read as its date only when nothing
# else dates it (see modified_date): Hugo's ``lastmod`` and ``modified``, Hexo's, Zola's
# and MkDocs Material's ``updated``, jekyll-last-modified-at's and Chirpy's
# ``last_modified_at``, Qiita CLI's ``updated_at``, schema.org's ``dateModified``
MODIFIED_KEYS = ("lastmod", "modified", "updated", "last_modified_at", "updated_at",
                 "updatedAt", "dateModified")


def post_date(meta: dict) -> str | None:
    """The post's date from the first of :data:`DATE_KEYS` that names a whole date."""
    for key in DATE_KEYS:
        if key in meta:
            found = _date(meta[key])
            if found:
                return found
    return None


def clipped(meta: dict) -> bool:
    """True for the front matter of a web clipper's copy of a page: a ``source`` that is
    an absolute address, and a ``created`` time with no other date of publication
    (MarkDownload's, Obsidian Web Clipper's when the page showed none): ``created`` is
    when the page was clipped, not when its post was published.

    References
    ----------
    .. [1] MarkDownload, "Front-matter template" (``created: {date:…}``, ``source:
       {baseURI}``), https://github.com/deathau/markdownload
    .. [2] Obsidian Web Clipper, "Templates" (``published`` and ``created``),
       https://help.obsidian.md/web-clipper/templates
    """
    source = meta.get("source")
    return (isinstance(source, str) and re.match(r"^https?://\S+$", source.strip(), re.I)
            is not None and meta.get("created") not in (None, "")
            and not any(meta.get(k) not in (None, "") for k in DATE_KEYS if k != "created"))


def modified_date(meta: dict) -> str | None:
    """The day a post last changed, from the first of :data:`MODIFIED_KEYS` that names a
    whole date, else None.

    A post's date when neither its metadata (:func:`post_date`) nor its file name dates
    it: the only day it carries (Qiita CLI's files hold ``updated_at`` alone), and Hugo's
    own rule, whose page date falls back to ``lastmod`` and ``modified`` [1]_.

    Parameters
    ----------
    meta : dict
        The post's metadata.

    Returns
    -------
    str or None
        ``YYYY-MM-DD``.

    References
    ----------
    .. [1] Hugo, "Configure front matter: dates", https://gohugo.io/configuration/front-matter

    >>> modified_date({"title": "x", "lastmod": "2023-10-19T00:40:04-07:00"})
    '2023-10-19'
    >>> modified_date({"updated_at": "soon"}) is None
    True
    """
    return next(filter(None, (_date(meta[key]) for key in MODIFIED_KEYS if key in meta)),
                None)


class FrontMatterError(ValueError):
    """Front matter that cannot be read; ``lineno`` is its 1-based line when known."""

    def __init__(self, message: str, lineno: int | None = None):
        super().__init__(message)
        self.lineno = lineno


def _no_alias_loader(foreign_tags: bool = False):
    import yaml

    class NoAliasLoader(yaml.SafeLoader):
        """PyYAML's safe loader that refuses aliases (``*name``).

        Aliases let a few hundred bytes expand into gigabytes ("billion laughs"); front
        matter has no use for them.
        """

        def compose_node(self, parent, index):
            if self.check_event(yaml.events.AliasEvent):
                event = self.peek_event()
                raise yaml.composer.ComposerError(
                    None, None, "YAML aliases (*name) are not read in front matter",
                    event.start_mark)
            return super().compose_node(parent, index)

    if foreign_tags:
        class TagTextLoader(NoAliasLoader):
            """Reads an application's tag (``!!python/name:x``, ``!ENV``) as its text."""

        for prefix in ("!", "tag:"):
            TagTextLoader.add_multi_constructor(prefix, lambda loader, suffix, node: node.tag)
        return TagTextLoader
    return NoAliasLoader


# a plain value that starts with one of YAML's reserved indicators (``@``, `````), which
# PyYAML refuses and Symfony's YAML parser, PHP generators' (Grav's ``items:
# @self.children``), reads as text: the key or list dash before it, and the value
_RESERVED_START_RE = re.compile(
    r"^(?P<head>[ \t]*+(?:-[ \t]++)*+(?:(?:'[^'\n]*+'|\"[^\"\n]*+\"|[^\s#'\"{\[@`-][^:\n]*+)"
    r"[ \t]*+:[ \t]++)?+)(?P<value>[@`].*)$")
RESERVED_RETRIES = 8    # lines with such a value quoted, at most, before the error stands


def _quote_reserved(raw: str, line: int) -> str | None:
    """``raw`` with each plain value that starts with a reserved indicator, from its
    0-based ``line`` on, written as a single-quoted string (the lines of a block scalar,
    ``key: |``, are its text and left as they are); None when ``line`` holds none."""
    lines = raw.split("\n")
    if not 0 <= line < len(lines) or _RESERVED_START_RE.match(lines[line]) is None:
        return None
    block = None            # the indentation of the key whose block scalar is being read
    for i, text in enumerate(lines):
        indent = len(text) - len(text.lstrip(" \t"))
        if block is not None:
            if not text.strip() or indent > block:
                continue
            block = None
        m = _RESERVED_START_RE.match(text) if i >= line else None
        if m is not None:
            lines[i] = m.group("head") + "'" + m.group("value").rstrip().replace("'", "''") + "'"
        words = text.split()
        if words and re.fullmatch(r"[|>][-+1-9]{0,2}", words[-1]) and len(words) > 1:
            block = indent
    return "\n".join(lines)


def _load_yaml(raw: str, foreign_tags: bool) -> object:
    """PyYAML's reading of ``raw``, a value written as Symfony's YAML parser reads it
    (a plain value starting with ``@`` or ````` is text) quoted first: the error a
    line raises is met by quoting its value and those of the lines after it, at most
    :data:`RESERVED_RETRIES` times, then raised."""
    import yaml

    for _ in range(RESERVED_RETRIES + 1):
        try:
            return yaml.load(raw, Loader=_no_alias_loader(foreign_tags))
        except yaml.scanner.ScannerError as exc:
            mark = exc.problem_mark
            quoted = (_quote_reserved(raw, mark.line)
                      if mark is not None and "cannot start any token" in (exc.problem or "")
                      else None)
            if quoted is None:
                raise
            raw = quoted
    return yaml.load(raw, Loader=_no_alias_loader(foreign_tags))


def parse_front_matter(raw: str, fence: str = "---", *, foreign_tags: bool = False) -> dict:
    """Parse the text between the fences: YAML after ``---``, TOML after ``+++``, and a
    JSON object (``fence="{"``: ``raw`` holds its braces).

    YAML is read by PyYAML's safe loader with aliases refused, so that its size in
    memory is bounded by the size of its text; a plain value starting with ``@`` or
    ````` (reserved in YAML) is read as text, as Symfony's YAML parser reads it for PHP
    generators (Grav's ``items: @self.children``); TOML by :mod:`tomllib`.

    Parameters
    ----------
    raw : str
        The lines between the fences.
    fence : {"---", "+++", "{"}
    foreign_tags : bool, keyword-only
        Read a YAML tag of an application (``!!python/name:x``,
        ``!!python/object/apply:f``, ``!ENV``) as the tag's text instead of refusing the
        file; nothing is constructed or run. MkDocs configurations hold such tags.

    Returns
    -------
    dict

    Raises
    ------
    FrontMatterError
        When the text is not valid YAML/TOML, uses a YAML alias, or is not a mapping.

    References
    ----------
    .. [1] YAML 1.1, anchors and aliases, https://yaml.org/spec/1.1/#id899912
    .. [2] TOML v1.0.0, https://toml.io/en/v1.0.0
    .. [3] Hugo, "Front matter" (JSON front matter),
       https://gohugo.io/content-management/front-matter/
    .. [4] YAML 1.2, 5.3 "Indicator Characters" (``@`` and ````` are reserved),
       https://yaml.org/spec/1.2.2/#53-indicator-characters; Grav, "Page Collections"
       (``items: '@self.children'``), https://learn.getgrav.org/content/collections
    """
    if fence == "{":
        import json

        try:
            loaded = loads_json(raw)
        except json.JSONDecodeError as exc:
            raise FrontMatterError(exc.msg, exc.lineno) from None
        except RecursionError:
            raise FrontMatterError("nested too deeply") from None
    elif fence == "---":
        import yaml

        try:
            loaded = _load_yaml(raw, foreign_tags) if raw.strip() else {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            if getattr(exc, "problem", None):
                first = exc.problem
            raise FrontMatterError(first, mark.line + 1 if mark is not None else None) from None
        except RecursionError:
            raise FrontMatterError("nested too deeply") from None
        except (ValueError, TypeError, OverflowError) as exc:
            # PyYAML builds values while it reads: `date: 2024-05-06 25:00:00` is a
            # timestamp whose hour datetime refuses (found by fuzzing)
            raise FrontMatterError(f"a value cannot be read ({exc})") from None
    else:
        import tomllib

        try:
            loaded = tomllib.loads(raw)
        except tomllib.TOMLDecodeError as exc:
            m = re.search(r"line (\d+)", str(exc))
            raise FrontMatterError(str(exc).splitlines()[0],
                                   getattr(exc, "lineno", None) or (int(m.group(1)) if m else None)
                                   ) from None
        except RecursionError:
            raise FrontMatterError("nested too deeply") from None
        except ValueError as exc:        # an integer of more digits than int() converts
            raise FrontMatterError(f"a value cannot be read ({exc})") from None
    if loaded is None:
        return {}
    if not isinstance(loaded, dict):
        raise FrontMatterError("front matter is not a mapping of keys to values")
    return loaded


def read_front_matter(lines: list[str], path: str) -> tuple[list[Post], list[Fragment]]:
    """Read one Markdown file with front matter.

    Parameters
    ----------
    lines : list of str
        The file's lines.
    path : str
        Name used in sources, fragments and as an alias (relative path, file stem).

    Returns
    -------
    posts : list of Post
        One post (none when the front matter is broken and the body has no heading).
    fragments : list of Fragment
        A broken or unclosed front matter, with the line of the error.
    """
    meta, end, frags, julia = _front_matter_block(lines, path)
    if end is None:
        return [], frags
    why = unpublished(meta, path) or listing_page(meta)
    if why is not None:
        return [], frags + [unpublished_fragment(why, lines, path, meta.get("title"))]
    start = next(i for i, line in enumerate(lines) if line.strip())
    body = lines[end + 1:]
    if julia:                # a Franklin.jl page: its HTML functions and commands are no text
        body = franklin_body(body)
    post, more = markdown_post(body, path, meta=meta, first_line=start + 1,
                               body_offset=end + 1, layout=FRANKLIN if julia else FRONT_MATTER)
    frags.extend(more)
    if post is None:
        frags.append(Fragment(path=path, line=start + 1, end_line=len(lines),
                              reason="front matter without a title, and no body text",
                              text=preview("\n".join(lines))))
        return [], frags
    return [post], frags


def front_matter_block(lines: list[str], path: str) -> tuple[dict, int | None, list[Fragment]]:
    """The front matter that opens a file (``---`` YAML, ``+++`` TOML or a JSON object).

    Parameters
    ----------
    lines : list of str
        The file's lines; the first that is not blank is the opening fence (see
        :func:`detect` and :func:`detect_json`).
    path : str
        Report name of the file.

    Returns
    -------
    meta : dict
        Its values; empty when it is broken.
    end : int or None
        0-based index of its closing line; None when it is never closed.
    fragments : list of Fragment
        A broken or unclosed front matter, with the line of the error.
    """
    meta, end, frags, _ = _front_matter_block(lines, path)
    return meta, end, frags


def _front_matter_block(lines: list[str], path: str
                        ) -> tuple[dict, int | None, list[Fragment], bool]:
    """:func:`front_matter_block`, and whether the block was read as Franklin.jl's Julia
    assignments (a ``+++`` block that is no TOML)."""
    start = next(i for i, line in enumerate(lines) if line.strip())
    fence = lines[start].strip()
    closing = "}" if fence == "{" else fence        # JSON: the object's last line
    end = next((i for i in range(start + 1, len(lines))
                if (lines[i].rstrip() if fence == "{" else lines[i].strip()) == closing), None)
    frags: list[Fragment] = []
    meta: dict = {}
    if end is None:
        frags.append(Fragment(path=path, line=start + 1, end_line=len(lines),
                              reason=f"front matter opened with {fence!r} is never closed",
                              text=preview("\n".join(lines[start:start + 5]))))
        return meta, None, frags, False
    raw = "\n".join(lines[start:end + 1] if fence == "{" else lines[start + 1:end])
    try:
        meta = parse_front_matter(raw, fence)
    except FrontMatterError as exc:
        julia = julia_block(raw) if fence == "+++" else None
        if julia is not None:      # Franklin.jl's page variables: Julia, not TOML
            meta, unread = julia
            if unread:
                frags.append(Fragment(
                    path=path, line=start + 1, end_line=end + 1,
                    reason=f"page variables not read (Julia code, not a value): "
                           f"{', '.join(unread[:10])}", text=""))
            return meta, end, frags, True
        # (a JSON error's line counts from the opening brace, the others' from the line after)
        line = start + exc.lineno + (fence != "{") if exc.lineno else start + 2
        reason = str(exc) or type(exc).__name__
        frags.append(Fragment(path=path, line=line, end_line=end + 1,
                              reason=f"broken front matter ({reason}); body read without it",
                              text=preview(raw)))
    return meta, end, frags, False


JBAKE = "jbake"
# JBake's header: "key=value" lines, then a line of six tildes
_JBAKE_LINE_RE = re.compile(r"^([A-Za-z][\w.-]{0,100}+)=(.*)$")
_JBAKE_END_RE = re.compile(r"^~{6,}\s*$")


def jbake_header(lines: list[str]) -> tuple[dict, int] | None:
    """JBake's metadata header that opens a file (Markdown, HTML or AsciiDoc): ``key=value``
    lines (``title``, ``date``, ``type``, ``tags``, ``status``) ended by a line of six
    tildes; its values (lower-case keys) and the 0-based index of the tildes, or None.

    >>> jbake_header(["title=A", "date=2013-02-01", "~~~~~~", "", "text"])
    ({'title': 'A', 'date': '2013-02-01'}, 2)

    References
    ----------
    .. [1] JBake, "Metadata header", https://jbake.org/docs/latest/#metadata_header
    """
    meta: dict[str, str] = {}
    for i, line in enumerate(lines[:200]):
        if _JBAKE_END_RE.match(line):
            return (meta, i) if meta else None
        m = _JBAKE_LINE_RE.match(line.strip())
        if m is None:
            if line.strip():
                return None
            continue
        meta.setdefault(m.group(1).lower(), m.group(2).strip())
    return None


def jbake_page(meta: dict) -> str | None:
    """Why a file JBake's header (or its AsciiDoc attribute ``jbake-type``) makes a page
    (``type=page``) is not a post, else None."""
    if str(meta.get("type", "")).strip().lower() == "page":
        return "a page of the site (JBake's type=page), not a post"
    return None


def read_jbake(lines: list[str], path: str) -> tuple[list[Post], list[Fragment]]:
    """Read a Markdown or HTML file under JBake's header (:func:`jbake_header`): a
    ``status`` of ``draft`` is not published, a ``type`` of ``page`` is a page of the site;
    both are reported."""
    meta, end = jbake_header(lines)
    why = unpublished(meta, path) or jbake_page(meta)
    if why is not None:
        return [], [unpublished_fragment(why, lines, path, meta.get("title"))]
    post, frags = markdown_post(lines[end + 1:], path, meta=meta, first_line=1,
                                body_offset=end + 1, layout=JBAKE)
    return ([post] if post is not None else []), frags


PLAIN_MARKDOWN = "markdown"
METADATA_HEADER = "metadata-header"
SECTION_PAGE = "section-page"
MARKDOWN_ENDINGS = (".md", ".markdown", ".mdx", ".svx", ".mkd", ".mdown")
HTML_ENDINGS = (".html", ".htm")
# Python-Markdown's meta-data block (Pelican, MultiMarkdown): "Key: value" lines, then a
# blank line; a line indented four spaces continues the value above it
# what a metadata block without a title may set (Blot's keys, MultiMarkdown's and
# Python-Markdown's usual ones): a block of these alone, one of UNTITLED_NAMING_KEYS
# among them, before the post's text is the post's metadata, not its first paragraph
UNTITLED_META_KEYS = frozenset({
    "date", "link", "permalink", "slug", "url", "tags", "tag", "category", "categories",
    "summary", "author", "authors", "draft", "page", "menu", "comments", "thumbnail",
    "description", "keywords", "lang", "language", "status", "modified", "updated",
    "template", "image", "teaser"})
UNTITLED_NAMING_KEYS = frozenset({"date", "link", "permalink"})
_META_LINE_RE = re.compile(r"^ {0,3}([A-Za-z][A-Za-z0-9_-]*):(?!:)[ \t]*(.*)$")
_META_MORE_RE = re.compile(r"^ {4,}(\S.*)$")
# MyST's target line, "(label)=", which Sphinx's :ref: and MyST's {ref} name
_MYST_LABEL_RE = re.compile(r"^\(([^()\s][^()\n]{0,200})\)=\s*$")
# Nikola's metadata: ".. key: value" lines, in an HTML comment that opens a Markdown file
# (in reST they are comments of their own), or in a two-file post's ".meta" file
NIKOLA_META_RE = re.compile(r"^\.\. ([A-Za-z][\w-]*):(?:[ \t](.*))?$")


# _index.md, or a translation of it (_index.en.md, _index.zh-cn.md)
# (Hugo's AsciiDoc and Org content too: _index.adoc, _index.org)
_SECTION_PAGE_RE = re.compile(
    r"^_index(\.[a-z]{2,3}(?:[-_][a-z0-9]{2,8})?)?\.(md|markdown|adoc|asciidoc|org)$", re.I)


def is_section_page(path: str) -> bool:
    """True for ``_index.md``: a section's list page in Hugo and Zola, not a post; its
    translations (``_index.en.md``) too."""
    return _SECTION_PAGE_RE.match(PurePosixPath(path).name) is not None


def read_section_page(lines: list[str], path: str) -> tuple[list[Post], list[Fragment]]:
    """Report a Hugo or Zola section page (``_index.md``) without reading it as a post."""
    nonblank = [i for i, line in enumerate(lines, 1) if line.strip()] or [1]
    return [], [Fragment(path=path, line=nonblank[0], end_line=nonblank[-1],
                         reason="a section's list page (_index.md in Hugo and Zola), not a post",
                         text=preview("\n".join(lines)))]


def metadata_header(lines: list[str]) -> tuple[dict, int] | None:
    """The ``Key: value`` block that opens a Pelican or MultiMarkdown file, or Nikola's
    ``.. key: value`` lines in the HTML comment that opens its Markdown posts.

    Parameters
    ----------
    lines : list of str

    Returns
    -------
    (dict, int) or None
        Lower-case keys and their values, and the index of the first line after the
        block; None unless the file opens with at least two such lines, one of them
        ``Title``, followed by a blank line or the end (Nikola's comment: see
        :func:`nikola_metadata`), or with lines of :data:`UNTITLED_META_KEYS` alone
        (``Key: value``, a space after the colon), one of them a ``Date``, ``Link`` or
        ``Permalink``, then a blank line and the post: Blot's metadata and
        MultiMarkdown's, whose title is the post's first heading. A titled block may end
        with a line of dashes instead (Denote's plain-text notes).

    References
    ----------
    .. [1] Python-Markdown, "Meta-Data",
       https://python-markdown.github.io/extensions/meta_data/
    .. [2] Pelican, "File metadata", https://docs.getpelican.com/en/latest/content.html
    .. [3] Nikola Handbook, "Metadata formats",
       https://getnikola.com/handbook.html#metadata-formats
    .. [4] Blot, "Metadata", https://blot.im/how/metadata
    .. [5] Protesilaos Stavrou, "Denote", "Front matter" (the ``text`` file type),
       https://protesilaos.com/emacs/denote
    """
    start = next((i for i, line in enumerate(lines[:5]) if line.strip()), None)
    if start is None:
        return None
    if lines[start].startswith("<!--"):
        return _nikola_comment(lines, start)
    meta: dict[str, str] = {}
    key = None
    end = len(lines)
    for i in range(start, len(lines)):
        line = lines[i]
        if not line.strip():
            end = i
            break
        if meta.get("title") and re.fullmatch(r"-{3,}", line.strip()):
            end = i + 1             # Denote's text notes: a line of dashes under the block
            break
        m = _META_LINE_RE.match(line)
        more = _META_MORE_RE.match(line) if m is None else None
        if m is not None:
            key = m.group(1).lower()
            meta[key] = m.group(2).strip()
        elif more is not None and key is not None:
            meta[key] = (meta[key] + " " + more.group(1).strip()).strip()
        else:
            return None
        if len(meta) > 100:
            return None
    if meta.get("title") and len(meta) >= 2:
        return meta, end
    if (meta and "title" not in meta and set(meta) <= UNTITLED_META_KEYS
            and set(meta) & UNTITLED_NAMING_KEYS and all(meta.values())
            and all(re.match(r"^ {0,3}[^:]*: ", ln) for ln in lines[start:end])
            and any(ln.strip() for ln in lines[end:end + 3])):
        return meta, end
    return None


def nikola_metadata(lines: list[str]) -> dict[str, str] | None:
    """The ``.. key: value`` lines of Nikola's metadata as a dict (lower-case keys,
    empty values left out), or None unless every non-blank line is one and one of them is
    ``title`` or ``slug``.

    >>> nikola_metadata([".. title: 线性注意力", ".. slug: linear", ".. tags:"])
    {'title': '线性注意力', 'slug': 'linear'}

    References
    ----------
    .. [1] Nikola Handbook, "Metadata formats",
       https://getnikola.com/handbook.html#metadata-formats
    """
    meta: dict[str, str] = {}
    for line in lines:
        if not line.strip():
            continue
        m = NIKOLA_META_RE.match(line.strip())
        if m is None or len(meta) > 100:
            return None
        if (m.group(2) or "").strip():
            meta.setdefault(m.group(1).lower(), m.group(2).strip())
    return meta if ("title" in meta or "slug" in meta) else None


NIKOLA_SIDECAR = "nikola-meta"
NIKOLA_SIDECAR_ENDING = ".meta"


def read_sidecar(text: str) -> tuple[tuple[str, str], ...] | None:
    """The metadata of a Nikola two-file post's ``.meta`` file (``.. title: x`` lines,
    see :func:`nikola_metadata`) as ``(key, value)`` pairs, or None when the file holds
    something else (another program's ``.meta`` file, or one over 20,000 characters:
    Nikola writes a few lines)."""
    meta = nikola_metadata(text.splitlines()) if len(text) <= 20_000 else None
    return tuple(meta.items()) if meta is not None else None


TEXTBUNDLE_INFO = "textbundle-info"
# what a TextBundle's info.json says of its note, at its top or in its creator's own
# object (Bear's "net.shinyfrog.bear"), under the names read here
_TEXTBUNDLE_KEYS = (("creationDate", "created"), ("created", "created"),
                    ("modificationDate", "modified"), ("modified", "modified"),
                    ("title", "title"))


def is_textbundle_info(name: str) -> bool:
    """True for the ``info.json`` of a TextBundle (``X.textbundle/info.json``) or of a
    TextPack read as a folder."""
    p = PurePosixPath(name)
    return p.name.lower() == "info.json" and p.parent.suffix.lower() in TEXTBUNDLE_SUFFIXES


def read_textbundle_info(text: str) -> tuple[tuple[str, str], ...] | None:
    """What a TextBundle's ``info.json`` says of its note, as ``(key, value)`` pairs
    (``created``, ``modified``, ``title``; ``status: trash`` for a note in the trash;
    ``aliases: bear:ID``, Bear's identifier of the note, see
    :func:`graphkit.sites.bear_link`),
    or None when the file is no JSON object (or is over 100,000 characters: the
    specification's keys are a few lines).

    The specification's keys (``version``, ``type``, ``transient``, ``creatorURL``…)
    date nothing; the app that wrote the bundle keeps its own under its identifier:
    Bear's ``net.shinyfrog.bear`` object holds ``creationDate``, ``modificationDate``
    and ``trashed``; FSNotes writes ``created`` (seconds since 1970).

    References
    ----------
    .. [1] TextBundle, "Specification" (``info.json``), http://textbundle.org/spec/
    """
    if len(text) > 100_000:
        return None
    try:
        info = loads_json(text)
    except (ValueError, RecursionError):
        return None
    if not isinstance(info, dict):
        return None
    meta: dict[str, str] = {}
    for scope in [info] + [v for v in info.values() if isinstance(v, dict)]:
        for key, name in _TEXTBUNDLE_KEYS:
            value = scope.get(key)
            if isinstance(value, (str, int, float)) and not isinstance(value, bool) \
                    and str(value).strip():
                meta.setdefault(name, str(value).strip())
        if scope.get("trashed") in (1, True):
            meta["status"] = "trash"
    bear = info.get("net.shinyfrog.bear")
    note = bear.get("uniqueIdentifier") if isinstance(bear, dict) else None
    if isinstance(note, str) and note.strip():   # (what a bear:// link names it by)
        meta["aliases"] = f"bear:{note.strip().lower()}"
    return tuple(meta.items())


def sidecar_owner(name: str) -> str:
    """The path, less its extension, of the post file a metadata file belongs to:
    ``x.meta`` → ``x`` (Nikola), ``X.textbundle/info.json`` → ``X.textbundle/text``."""
    if is_textbundle_info(name):
        return f"{PurePosixPath(name).parent}/text"
    return name[:-len(NIKOLA_SIDECAR_ENDING)]


def apply_sidecars(posts: list[Post], sidecars: dict[str, tuple[tuple[str, str], ...]]
                   ) -> tuple[list[Post], list[Fragment]]:
    """Give each post of a Nikola two-file post the metadata of its ``.meta`` file, and
    each note of a TextBundle that of its ``info.json`` (:func:`read_textbundle_info`).

    Parameters
    ----------
    posts : list of Post
        Sightings as read; not modified.
    sidecars : dict of str to tuple of (str, str)
        Report name of each ``.meta`` file → what :func:`read_sidecar` read of it, and
        of each TextBundle's ``info.json`` → what :func:`read_textbundle_info` read.

    Returns
    -------
    posts : list of Post
        The posts, each whose file is ``x.md``, ``x.rst``, ``x.txt``… beside an
        ``x.meta`` with that file's title, slug, date, tags, category and address (its
        own metadata, if any, where the ``.meta`` file names nothing); a post the
        ``.meta`` file marks as a draft (``.. status: draft``) is left out.
    fragments : list of Fragment
        The drafts left out, and each ``.meta`` file whose post was not read.

    References
    ----------
    .. [1] Nikola Handbook, "Metadata formats" (two-file posts),
       https://getnikola.com/handbook.html#metadata-formats
    .. [2] TextBundle, "Specification" (``info.json``), http://textbundle.org/spec/
    """
    if not sidecars:
        return posts, []
    by_stem = {sidecar_owner(name): name for name in sidecars}
    used: set[str] = set()
    out: list[Post] = []
    frags: list[Fragment] = []
    for p in posts:
        src = p.sources[0].path if p.sources else ""
        name = by_stem.get(str(PurePosixPath(src).with_suffix(""))) if "." in src else None
        if name is None:
            out.append(p)
            continue
        used.add(name)
        meta = dict(sidecars[name])
        why = unpublished(meta, name)
        if why is not None:
            frags.append(Fragment(path=src, line=p.sources[0].line, end_line=p.sources[0].line,
                                  reason=f"{why} (its metadata file {name})",
                                  text=preview(meta.get("title") or p.title or p.text)))
            continue
        title = meta.get("title", "").strip() or p.title
        aliases = set(p.aliases) | meta_aliases(meta, title=title,
                                                canonical=canonical_from_meta(meta))
        aliases.discard("")
        out.append(replace(
            p, title=title, label=title or p.label, untitled=not title,
            slug=meta.get("slug", "").strip() or p.slug,
            date=post_date(meta) or p.date or modified_date(meta),
            tags=_terms(meta, "tags", "tag") or p.tags,
            categories=_terms(meta, "categories", "category") or p.categories,
            url=canonical_from_meta(meta) or p.url, aliases=tuple(sorted(aliases))))
    for name in sorted(set(sidecars) - used):
        what = ("a TextBundle's info.json whose text file (text.md…) was not read beside it"
                if is_textbundle_info(name) else
                "a Nikola metadata file (.meta) whose post file was not read beside it")
        frags.append(Fragment(path=name, line=1, end_line=1, reason=what,
                              text=preview(dict(sidecars[name]).get("title", ""))))
    return out, frags


def _nikola_comment(lines: list[str], start: int) -> tuple[dict, int] | None:
    """Nikola's metadata in the HTML comment at ``lines[start]`` (``<!--`` ⏎ ``.. title:
    x`` ⏎ … ⏎ ``-->``), and the index of the line after it; None when it is no such
    comment."""
    first = lines[start].strip()[4:]
    inner = [first] if first else []
    for i in range(start + 1, min(len(lines), start + 102)):
        if lines[i].strip().endswith("-->"):
            inner.append(lines[i].strip()[:-3])
            meta = nikola_metadata(inner)
            return (meta, i + 1) if meta is not None else None
        inner.append(lines[i])
    return None


def detect_metadata_header(lines: list[str], path: str) -> bool:
    """True for a Markdown file that opens with a Pelican/MultiMarkdown metadata block, or
    a text file (``.txt``: Blot's and MultiMarkdown's Markdown) that does."""
    return (path.lower().endswith((*MARKDOWN_ENDINGS, ".txt"))
            and metadata_header(lines) is not None)


def read_metadata_header(lines: list[str], path: str) -> tuple[list[Post], list[Fragment]]:
    """Read a Pelican or MultiMarkdown post: a ``Title:``/``Date:``/``Tags:`` block, then
    Markdown (see :func:`metadata_header`). ``Tags`` are split at commas, ``Category``
    is the category, ``Slug``, ``URL`` and ``Save_as`` name the post's address, and so
    does Blot's ``Link`` (``Permalink``), a path on the post's site."""
    found = metadata_header(lines)
    if found is None:    # (detected first; kept for a direct call)
        return read_plain_markdown(lines, path)
    meta, end = found
    why = unpublished(meta, path)
    if why is not None:
        return [], [unpublished_fragment(why, lines, path, meta.get("title"))]
    own = meta.get("link") or meta.get("permalink")
    if own and not re.match(r"(?i)^[a-z][a-z0-9+.-]*:", own):
        # Blot's Link (its older Permalink): the post's path, its leading / optional
        meta = {**meta, "permalink": "/" + own.strip().lstrip("/")}
    first = next(i for i, line in enumerate(lines) if line.strip())
    post, frags = markdown_post(lines[end:], path, meta=meta, first_line=first + 1,
                                body_offset=end, layout=METADATA_HEADER)
    return ([post] if post is not None else []), frags
_INLINE_TAG_RE = re.compile(r"(?:^|\s)#([^\s#\d`'\",.;:!?()\[\]{}<>][^\s#`'\",.;:!?()\[\]{}<>]*)")


def detect_plain(path: str) -> bool:
    """True for a ``.md``/``.markdown`` file (a note or post without front matter)."""
    return path.lower().endswith(MARKDOWN_ENDINGS)


# a note's property line: Logseq's page properties, Obsidian Dataview's inline fields
_PROPERTY_RE = re.compile(r"^-?[ \t]*([A-Za-z][\w-]*)::(?:[ \t]+(.*?))?\s*$")  # (not std::cout)
_PAGE_REF_RE = re.compile(r"#?\[\[([^\[\]]*)\]\]")


def note_properties(lines: list[str]) -> tuple[dict, int]:
    """The ``key:: value`` lines that open a note: Logseq's page properties.

    Parameters
    ----------
    lines : list of str
        The file's lines.

    Returns
    -------
    meta : dict
        Lower-case keys and their values, page references unwrapped (``[[机器学习]]``
        → ``机器学习``), the values as written under :data:`PROPERTY_REFS` (their
        references are links, :func:`property_links`). ``title`` names the page as links
        write it, so it is kept under ``aliases`` too (``alias`` is read as one already,
        see :func:`meta_post`); empty when the note opens otherwise.
    start : int
        The index of the first line after them.

    References
    ----------
    .. [1] Logseq, "Properties" (page properties: the first block of a page),
       https://docs.logseq.com/#/page/properties
    """
    meta: dict = {}
    refs: dict[str, str] = {}
    i = 0
    while i < len(lines) and len(meta) <= 100:
        m = _PROPERTY_RE.match(lines[i])
        if m is None:
            break
        raw = m.group(2) or ""
        meta[m.group(1).lower()] = _PAGE_REF_RE.sub(r"\1", raw)
        if "[[" in raw:
            refs[m.group(1).lower()] = raw    # (its page references: links, property_links)
        i += 1
    if not meta:
        return {}, 0
    if refs:
        meta[PROPERTY_REFS] = refs
    if str(meta.get("title") or "").strip():
        meta["aliases"] = [meta["title"]]
    return meta, i


_BLOCK_PROPERTY_RE = re.compile(r"^[ \t]*(?:-[ \t]+)?(id|collapsed)::[ \t]+(\S*)[ \t]*$")


def block_ids(lines: list[str]) -> tuple[list[str], list[str]]:
    """Take Logseq's own block properties out of a note's text.

    Logseq writes ``id:: UUID`` under a block that another block references as
    ``((UUID))``, and ``collapsed:: true`` under a folded one: the editor's records, not
    the author's text.

    Parameters
    ----------
    lines : list of str

    Returns
    -------
    lines : list of str
        The lines, each of those blank (so line numbers stay).
    ids : list of str
        The block ids, lower case: names ``((UUID))`` references reach the note by.
    """
    if not any("::" in line for line in lines):
        return lines, []
    out, ids = [], []
    for line in lines:
        m = _BLOCK_PROPERTY_RE.match(line) if "::" in line else None
        if m is None:
            out.append(line)
            continue
        if m.group(1) == "id" and m.group(2):
            ids.append(m.group(2).lower())
        out.append("")
    return out, ids


def read_plain_markdown(lines: list[str], path: str) -> tuple[list[Post], list[Fragment]]:
    """Read a Markdown note without front matter (an Obsidian vault, a folder of notes).

    The title is the first ``# heading``, else the file name (a Logseq file name's
    ``___`` and ``%2F`` are the ``/`` of its page's name); the date a Jekyll-style
    ``YYYY-MM-DD-`` file name prefix, or the whole name of a daily note
    (``2024_01_05.md``, ``2024-01-05.md``); tags the Obsidian ``#tags`` in the text;
    ``[[wikilinks]]`` and generator link syntax are read as links (see
    :func:`graphkit.sites.expand_site_links`). A note opening with Logseq's page
    properties (``title:: …``, ``tags:: …``, ``alias:: …``) takes its title, date, tags
    and names from them (:func:`note_properties`).
    """
    meta, start = note_properties(lines)
    lines, ids = block_ids(lines)
    if ids:
        meta = {**meta, "aliases": list(meta.get("aliases", ())) + [f"id:{i}" for i in ids]}
    why = unpublished(meta, path)
    if why is not None:
        return [], [unpublished_fragment(why, lines, path, "")]
    post, frags = markdown_post(lines[start:], path, meta=meta, first_line=1, body_offset=start,
                                layout=PLAIN_MARKDOWN)
    if post is None:
        return [], frags
    return [post], frags


DRAFT_FOLDERS = ("_drafts",)   # Jekyll's and Hexo's (source/_drafts): never published
# Hashnode's GitHub backup keeps a draft as draft-ID.md (ID: the draft's 24-hex object id;
# a published post is CUID.md)
_HASHNODE_DRAFT_RE = re.compile(r"^draft-[0-9a-f]{24}\.md$")
_YES = ("true", "yes", "on", "1")
# a post's status that keeps it off the public blog: Pelican's draft; WordPress' (REST
# API and exports as rows) draft, pending review, private, scheduled (future), trash
NOT_PUBLIC_STATUS = ("draft", "pending", "private", "future", "scheduled", "trash")


def unpublished(meta: dict, path: str) -> str | None:
    """Why a source file is not a published post, from its metadata or folder; else None.

    ``draft: true`` (Hugo, Zola, Docusaurus, Material for MkDocs' blog, Eleventy and
    Astro by convention), ``published: false`` (Jekyll, Hexo), ``is_published: false``
    (Substack's ``posts.csv``), ``publish: false`` (vuepress-theme-reco), ``article:
    false`` (vuepress-theme-hope's pages that are not articles), a ``status`` of
    :data:`NOT_PUBLIC_STATUS` (Pelican's ``draft``, WordPress' ``draft``, ``pending``,
    ``private``, ``future``), ox-hugo's ``#+HUGO_DRAFT: true``, Hashnode's
    ``ignorePost: true`` and ``saveAsDraft: true`` (its publishing from GitHub), a file in
    a ``_drafts`` folder (Jekyll, Hexo), or Hashnode's backup of a draft
    (``draft-ID.md``): the generator or platform builds the site without it.

    Parameters
    ----------
    meta : dict
        The file's metadata, keys as written or lower-cased.
    path : str
        The file's report name.

    References
    ----------
    .. [1] Jekyll, "Drafts" and "Front Matter" (``published``),
       https://jekyllrb.com/docs/posts/#drafts
    .. [2] Hugo, "Front matter" (``draft``), https://gohugo.io/content-management/front-matter/
    .. [3] Pelican, "File metadata" (``Status: draft``),
       https://docs.getpelican.com/en/latest/content.html
    .. [4] WordPress REST API, "Posts" (``status``),
       https://developer.wordpress.org/rest-api/reference/posts/
    .. [5] vuepress-theme-reco 1.x, "Front Matter" (``publish``),
       https://vuepress-theme-reco.recoluan.com/views/1.x/frontMatter.html
    .. [6] vuepress-theme-hope, "Page Config" (``article``),
       https://theme-hope.vuejs.press/config/frontmatter/info.html
    .. [7] Hashnode, "Hashnode-source-from-github-template" (``ignorePost``),
       https://github.com/Hashnode/Hashnode-source-from-github-template
    """
    parts = PurePosixPath(path).parts
    hit = next((f for f in parts[:-1] if f.lower() in DRAFT_FOLDERS), None)
    if hit is not None:
        return f"a draft (in {hit}/, which Jekyll and Hexo do not publish), not a post"
    if parts and _HASHNODE_DRAFT_RE.match(parts[-1]):
        return "a draft (Hashnode's backup names a draft draft-ID.md), not published"
    keys = {str(k).lower(): v for k, v in meta.items()}
    for key in ("draft", "hugo_draft", "ignorepost", "saveasdraft"):
        value = keys.get(key)
        if value is True or (isinstance(value, str) and value.strip().lower() in _YES):
            written = next((k for k in meta if str(k).lower() == key), key)
            return f"a draft ({written}: true), not published"
    for key in ("published", "is_published", "publish"):
        value = keys.get(key)
        if value is False or (isinstance(value, str) and value.strip().lower() in ("false", "no")):
            return f"not published ({key}: false)"
    if keys.get("article") is False:
        return "a page, not an article (article: false)"
    value = keys.get("status")
    if isinstance(value, str) and value.strip().lower() in NOT_PUBLIC_STATUS:
        return f"not published (status: {value.strip().lower()})"
    return None


QUARTO_LISTING_TYPES = ("default", "grid", "table")


def listing_page(meta: dict) -> str | None:
    """Why a page whose front matter asks the generator to list posts is not a post.

    Quarto's ``listing:`` (a mapping, a list of them, ``true`` or a listing type),
    Distill's (the name of the collection listed: ``listing: posts``) and
    jekyll-paginate-v2's ``pagination: {enabled: true}`` make the page an index of
    other posts: its links are its listing, not citations; so does Grav's ``content:
    {items: …}`` (a blog's listing, a modular page's sections). So does a home page:
    ``home: true`` (VuePress' default theme) or ``layout: home`` (VitePress, Jekyll's
    minima, which lists the posts on it).

    References
    ----------
    .. [1] Quarto, "Document Listings", https://quarto.org/docs/websites/website-listings.html
    .. [2] jekyll-paginate-v2, "Pagination Generator",
       https://github.com/sverrirs/jekyll-paginate-v2/blob/master/README-GENERATOR.md
    .. [3] VuePress, "Default Theme Config: Homepage",
       https://v1.vuepress.vuejs.org/theme/default-theme-config.html#homepage
    .. [4] VitePress, "Frontmatter Config" (``layout``),
       https://vitepress.dev/reference/frontmatter-config
    .. [5] Grav, "Page Collections", https://learn.getgrav.org/content/collections
    .. [6] Distill for R Markdown, "Creating a Blog" (``listing: posts``),
       https://rstudio.github.io/distill/blog.html
    """
    value = meta.get("listing")
    if (value is True or (isinstance(value, (dict, list)) and value)
            or (isinstance(value, str) and (value.strip().lower() in QUARTO_LISTING_TYPES
                                            or re.fullmatch(r"[\w.-]+", value.strip())))):
        return "a listing page (front matter listing:), an index of posts, not a post"
    pages = meta.get("pagination")
    if isinstance(pages, dict) and pages.get("enabled") is True:
        return "a listing page (front matter pagination: enabled), an index of posts, not a post"
    layout = meta.get("layout")
    if meta.get("home") is True or (isinstance(layout, str) and layout.strip().lower() == "home"):
        return "the site's home page (front matter home: true or layout: home), not a post"
    content = meta.get("content")
    if isinstance(content, dict) and content.get("items"):
        return ("a page made of a collection of other pages (front matter content: items:, "
                "Grav's blog listings and modular pages), not a post")
    return None


def unpublished_fragment(why: str, lines: list[str], path: str, title: object) -> Fragment:
    """The report entry of a file that :func:`unpublished` or :func:`listing_page` set aside."""
    nonblank = [i for i, line in enumerate(lines, 1) if line.strip()] or [1]
    return Fragment(path=path, line=nonblank[0], end_line=nonblank[-1], reason=why,
                    text=preview(str(title or "") or "\n".join(lines[:3])))


def _heading_title(heading: str) -> str:
    """A ``# heading``'s title: the text of the link it is, when it is one link alone
    (``# [Attention Is All You Need](https://arxiv.org/abs/1706.03762)``, a note titled by
    what it is about, a page's title linking its own address); else the heading."""
    m = LINK_RE.fullmatch(heading)
    if m is None or m.group("img") or not m.group("text").strip():
        return heading
    return unescape(m.group("text")).strip()


def markdown_post(body: list[str], path: str, *, meta: dict, first_line: int,
                  body_offset: int, layout: str) -> tuple[Post | None, list[Fragment]]:
    """A post from Markdown body lines and front matter values (possibly empty).

    The body of an ``.html`` file is read as HTML (:func:`graphkit.readers.html.read_html_content`),
    a ``.textile`` file's as the Markdown it says (:mod:`graphkit.readers.textile`).

    Parameters
    ----------
    body : list of str
        The lines after the front matter.
    path : str
        Report name of the file; its path and stem are names links may use.
    meta : dict
        Front matter.
    first_line : int
        1-based line of the post's first line (the fence, or 1).
    body_offset : int
        0-based index of ``body[0]`` in the file.
    layout : str
        Reader name for :class:`Source`.

    Returns
    -------
    post : Post or None
        None when there is neither a title nor text.
    fragments : list of Fragment
        The leading line that gives the original address, when there is one; the note
        that an HTML body was read flat (:func:`graphkit.readers.html.flat_reading`).
    """
    frags: list[Fragment] = []
    if path.lower().endswith(".mdx"):
        meta = {**mdx_metadata("\n".join(body)), **meta}    # (front matter first)
    if textile.detect(path):          # (Jekyll's Textile posts: read as the Markdown they say)
        body = textile.textile_to_markdown([expand_site_links(line) for line in body])
    canonical = canonical_from_meta(meta)
    labels = {i for i, line in enumerate(body) if line[:1] == "(" and _MYST_LABEL_RE.match(line)}
    if labels:            # MyST's "(label)=" target lines: names of the post, not text
        named = {LABEL_PREFIX + " ".join(_MYST_LABEL_RE.match(body[i]).group(1).split())
                 .casefold() for i in labels}
        body = ["" if i in labels else line for i, line in enumerate(body)]
    lead = canonical_from_lead(body)
    if lead is not None:
        lead_url, i = lead
        canonical = canonical or lead_url
        frags.append(Fragment(path=path, line=body_offset + i + 1, end_line=body_offset + i + 1,
                              reason="the original address of the post (read as its URL, "
                                     "not as a citation)", text=preview(body[i])))
        body = body[:i] + body[i + 1:]
    title = str(meta.get("title") or "").strip()
    first = next((i for i, ln in enumerate(body) if ln.strip()), None)
    heading = (_heading_title(body[first].lstrip("#").strip())
               if first is not None and body[first].startswith("# ") else "")
    if not title:
        title = heading or next((_heading_title(ln.lstrip("#").strip()) for ln in body
                                 if ln.startswith("# ")), "")
    if heading and heading == title:
        body = body[:first] + body[first + 1:]      # the title, not the text
    if path.lower().endswith(HTML_ENDINGS):
        # a generator's HTML source (Jekyll's posts imported from WordPress, blogdown's
        # rendered .html): front matter, then HTML, whose links may use Liquid tags
        from .html import flat_reading, read_html_content   # (html imports this module)

        markup = "\n".join(expand_site_links(line) for line in body)
        text, links, problem = read_html_content(markup)
        if problem is not None:
            frags.append(flat_reading(problem, path=path, line=body_offset + 1, content=True,
                                      end_line=body_offset + len(body), markup=markup))
    else:
        text, links = markdown_to_text(body, site_links=True, source=True,
                                       mdx=path.lower().endswith(".mdx"),
                                       label_first=is_dendron_note(meta))
    if not title and (text or meta):   # (a note of properties alone: a page, named by its file)
        title = default_title(path, layout)
    if not title and not text:
        shown = [i for i, ln in enumerate(body) if ln.strip()]
        if shown:           # only comments, tags or markers: nothing a reader sees
            frags.append(Fragment(path=path, line=body_offset + shown[0] + 1,
                                  end_line=body_offset + shown[-1] + 1,
                                  reason="no text: the body holds only markup that shows no text "
                                         "(HTML comments, tags, images, directive markers)",
                                  text=preview(body[shown[0]])))
        return None, frags
    links = [*links, *property_links(meta)]
    post = meta_post(meta, path, title=title, text=text, links=links, canonical=canonical,
                     first_line=first_line, layout=layout)
    if labels:
        post = replace(post, aliases=tuple(sorted(set(post.aliases) | named)))
    changed = modified_date(meta)
    unread = unread_date(meta) if post.date in (None, changed) else None
    if unread is not None:
        then = "the post is undated" if post.date is None else \
            f"the post is dated by the day it last changed, {changed}"
        frags.append(Fragment(path=path, line=first_line, end_line=first_line,
                              reason=f"{UNREAD_DATE}{unread[0]}: {unread[1]}) names no day that "
                                     f"can be read (a year, a month and a day; 07/08/2022 is July "
                                     f"or August): {then}", text=unread[1]))
    return post, frags


def mdx_metadata(text: str) -> dict:
    """Front matter keys from the metadata object an MDX file exports, or ``{}``.

    The object (:func:`graphkit.sites.exported_metadata`) gives its string and
    list-of-string values by their own keys (``title``, ``date``, ``publishedAt``,
    ``tags``, ``keywords``…). Next.js' Metadata API nests three of them: a title
    object's ``absolute`` or ``default`` is the title, ``openGraph.publishedTime`` the
    date (when no date key is given), ``alternates.canonical`` or ``openGraph.url``
    the post's address (when absolute), ``openGraph.tags`` its tags.

    References
    ----------
    .. [1] Next.js, "Metadata Object",
       https://nextjs.org/docs/app/api-reference/functions/generate-metadata

    Examples
    --------
    >>> mdx_metadata("export const metadata = {title: {absolute: 'RoPE'},\\n"
    ...              "  openGraph: {publishedTime: '2021-03-23', url: 'https://b.example/rope'}}")
    {'title': 'RoPE', 'date': '2021-03-23', 'url': 'https://b.example/rope'}
    """
    found = exported_metadata(text)
    meta = {k: v for k, v in found.items() if isinstance(v, (str, list))}
    title, graph = found.get("title"), found.get("openGraph")
    graph = graph if isinstance(graph, dict) else {}
    if isinstance(title, dict):
        title = title.get("absolute") or title.get("default")
        if isinstance(title, str):
            meta["title"] = title
    alternates = found.get("alternates")
    for key, value in (("date", graph.get("publishedTime")), ("tags", graph.get("tags")),
                       ("canonical", isinstance(alternates, dict) and alternates.get("canonical")),
                       ("url", graph.get("url"))):
        if value and isinstance(value, (str, list)) and key not in meta \
                and not (key == "date" and post_date(meta) is not None):
            meta[key] = value
    return meta


UNREAD_DATE = "the date ("    # how the report of a date read as no day begins


def is_dendron_note(meta: dict) -> bool:
    """True for the front matter Dendron writes on every note it creates: ``id``, and
    ``created`` and ``updated`` in Unix milliseconds (13 digits). Such a
    note's wikilinks put their text first (``[[text|note]]``, see
    :func:`graphkit.sites.expand_site_links`), whether or not its workspace's
    ``dendron.yml`` is read with it (a vault is often a repository of its own).

    References
    ----------
    .. [1] Dendron, "Frontmatter",
       https://wiki.dendron.so/notes/ffec2853-c0e0-4165-a368-339db12c8e4b/

    Examples
    --------
    >>> is_dendron_note({"id": "k1a2", "title": "Rope", "desc": "",
    ...                  "updated": 1608254542044, "created": 1608254542044})
    True
    >>> is_dendron_note({"id": "k1a2", "title": "Rope", "created": 1608254542044})
    False
    """
    return ("id" in meta
            and all(isinstance(meta.get(k), int) and not isinstance(meta.get(k), bool)
                    and 10 ** 12 <= meta[k] < 10 ** 13 for k in ("created", "updated")))


def unread_date(meta: dict) -> tuple[str, str] | None:
    """``(key, value)`` of the first of :data:`DATE_KEYS` the metadata gives a value that
    :func:`post_date` could not read, when it reads none; else None."""
    if post_date(meta) is not None:
        return None
    for key in DATE_KEYS:
        value = meta.get(key)
        if isinstance(value, (str, int, float)) and not isinstance(value, bool) \
                and str(value).strip().lower() not in ("", *_YES, "false", "no", "off"):
            return key, preview(str(value), 60)     # (published: "true" is no date)
    return None


def default_title(path: str, layout: str) -> str:
    """The title a post without one gets from its file name, or "".

    A note (no front matter) is named by its file, as Obsidian names it. A post with
    front matter but no ``title``: Jekyll titles a dated file by its slug, each word
    capitalised (``2021-07-08-rotary-embeddings.md`` → ``Rotary Embeddings``); Hexo names
    a post in ``_posts`` by its file name. Other generators leave it untitled.

    References
    ----------
    .. [1] Jekyll, ``Document#populate_title`` and ``Utils.titleize_slug``,
       https://github.com/jekyll/jekyll/blob/master/lib/jekyll/document.rb
    .. [2] Hexo, "Front-matter" (``title``: the file name by default),
       https://hexo.io/docs/front-matter
    """
    slug, date = file_slug(path)
    if layout == PLAIN_MARKDOWN:
        return note_name(slug)
    if layout != FRONT_MATTER:
        return ""
    if date is not None:
        return " ".join(w[:1].upper() + w[1:].lower() for w in slug.split("-") if w)
    if "_posts" in PurePosixPath(path).parts[:-1]:
        return slug
    return ""


# a property naming the note itself or its labels, not another note
_NAME_PROPERTIES = frozenset({"title", "aliases", "alias", "tags", "tag", "cssclasses",
                              "cssclass", "id"})
_SITE_REF_LINK_RE = re.compile(r"\[([^\[\]\n]*)\]\((site-ref:[^()\s]*)\)")
MAX_PROPERTY_LINKS = 200        # wikilinks read from one note's properties
PROPERTY_REFS = "\0refs"   # (a key no file can write) Logseq's properties as written


def property_links(meta: dict) -> list[Link]:
    """The links a note's properties hold: a wikilink as a property's value or in its
    list (``up: "[[Parent]]"``, ``related: ["[[A]]", "[[B]]"]``, Logseq's ``related::
    [[A]], [[B]]``), which Obsidian's graph and backlinks and Logseq's references count
    as the note's links; the properties that name the note itself (``title``,
    ``aliases``, ``tags``, ``cssclasses``) hold none.

    Returns
    -------
    list of Link
        At most :data:`MAX_PROPERTY_LINKS`, each with the sentence ``(the KEY property)``.

    References
    ----------
    .. [1] Obsidian, "Properties" (a property of type Link, or List of links),
       https://help.obsidian.md/properties
    .. [2] Logseq, "Properties", https://docs.logseq.com/#/page/properties
    """
    out: list[Link] = []
    written = meta.get(PROPERTY_REFS)
    for key, value in [*meta.items(), *(written.items() if isinstance(written, dict) else ())]:
        if not isinstance(key, str) or key == PROPERTY_REFS or key.casefold() in _NAME_PROPERTIES:
            continue
        for v in (value if isinstance(value, list) else [value])[:MAX_PROPERTY_LINKS]:
            if isinstance(v, str) and "[[" in v:
                for m in _SITE_REF_LINK_RE.finditer(expand_site_links(v[:2000])):
                    out.append(Link(url=m.group(2), anchor=m.group(1),
                                    sentence=f"(the {key} property)"))
        if len(out) >= MAX_PROPERTY_LINKS:
            return out[:MAX_PROPERTY_LINKS]
    return out


def read_as_notes(posts: list[Post], config_paths: list[str], *,
                  vaults: list[str] = ()) -> list[Post]:
    """Read the notes with front matter in a folder of notes as their note app does:
    named by their files, tagged by their ``#tags`` too.

    A note app (Obsidian, Foam, Zettlr, Logseq) names every note by its file; front
    matter adds properties (``tags``, ``aliases``, dates), not a name. So in a vault
    (a folder holding Obsidian's ``.obsidian/`` settings), or where notes without front
    matter are read under the same folder given (named by their files,
    :func:`default_title`) and no site configuration is above it (a generator that leaves
    such a post untitled, see :func:`default_title`), a note with front matter but neither
    ``title`` nor ``# heading`` is named by its file too, not labelled by its first
    sentence as an untitled post is. Such a note's tags are those its ``tags`` property
    names and the ``#tags`` its text writes, as a note without front matter has them
    (Obsidian's tag pane counts both).

    Parameters
    ----------
    posts : list of Post
        Sightings as read (one source each); not changed.
    config_paths : list of str
        Paths of the site configurations read (``hugo.toml``, ``_config.yml``…).
    vaults : list of str, keyword-only
        Report paths of the vaults' folders (the folder above ``.obsidian/``); their
        notes are named so even beside a site's configuration (a Quartz site's
        ``content/``, edited in Obsidian, is a vault).

    Returns
    -------
    list of Post
        The sightings, those notes named.

    References
    ----------
    .. [1] Obsidian, "Properties" (``aliases``: other names of a note, whose name is
       its file's), https://help.obsidian.md/properties
    .. [2] Obsidian, "Tags" (a tag in the text, ``#tag``, or in the ``tags``
       property), https://help.obsidian.md/tags
    """
    sites = {PurePosixPath(c).parent for c in config_paths}

    def root(path: str) -> str:
        return path.split("/", 1)[0]

    def note(post: Post) -> bool:
        src = post.sources[0] if post.sources else None
        if src is None or src.format != FRONT_MATTER:
            return False
        parents = PurePosixPath(src.path).parents
        return bool(vault_folders.intersection(parents)) or (
            root(src.path) in note_folders and not sites.intersection(parents))

    note_folders = {root(p.sources[0].path) for p in posts
                    if p.sources and p.sources[0].format == PLAIN_MARKDOWN and p.title}
    vault_folders = {PurePosixPath(v) for v in vaults}
    if not note_folders and not vault_folders:
        return posts
    out = []
    for post in posts:
        if note(post):
            name = note_name(file_slug(post.sources[0].path)[0])
            if name and not post.title:
                post = replace(post, title=name, label=name, untitled=False)
            tags = tuple(dict.fromkeys((*post.tags, *_inline_tags(post.text))))
            post = replace(post, tags=tags) if tags != post.tags else post
        out.append(post)
    return out


def _inline_tags(text: str) -> tuple[str, ...]:
    """The ``#tags`` a note's text writes (``#ml``, ``#nested/tag``), each once, in
    order: a ``#`` after white space or at the start, followed by no digit (``#1`` is a
    number) and no punctuation."""
    return tuple(dict.fromkeys(m.group(1) for m in _INLINE_TAG_RE.finditer(text)))


def note_name(stem: str) -> str:
    """The page name a note's file name stands for: Logseq writes a namespaced page
    ``a/b`` as ``a___b.md`` (its ``:triple-lowbar`` file name format) or, before it,
    ``a%2Fb.md``; other names are returned as they are.

    References
    ----------
    .. [1] Logseq, ``:file/name-format`` in ``config.edn``,
       https://docs.logseq.com/#/page/filename%20format
    """
    return unquote(stem).replace("___", "/") if ("___" in stem or "%" in stem) else stem


MAX_FIELD_CHARS = 100   # a front matter value kept for permalink patterns (Post.fields)
MAX_FIELDS = 32
_FIELD_NAME_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _fields(meta: dict) -> tuple[tuple[str, str], ...]:
    """The short string, number and true/false values of ``meta`` (see
    :attr:`Post.fields`; ``blogpost: true`` marks an ABlog post)."""
    out = []
    for key, value in meta.items():
        if (isinstance(value, (str, int, float))
                and isinstance(key, str) and _FIELD_NAME_RE.match(key)):
            value = str(value).lower() if isinstance(value, bool) else str(value).strip()
            if value and len(value) <= MAX_FIELD_CHARS:
                out.append((key, value))
                if len(out) == MAX_FIELDS:
                    break
    return tuple(out)


# a Jekyll permalink's placeholder, which a post's own front matter may use too
_PLACEHOLDER_RE = re.compile(
    r"(?:^|[/\-_.])\:(?:year|month|day|i_month|i_day|short_year|y_day|title|slug|name|"
    r"categories|category|path|collection|output_ext|basename|slugified_categories)"
    r"(?![A-Za-z_])")


def is_template(value: str) -> bool:
    """True for a value holding template syntax (``/{{ title | slugify }}/``,
    ``{% … %}``: Eleventy's permalinks) or a permalink's placeholders
    (``/notes/:year/:title/``: Jekyll's, in a post's own front matter), never an
    address as written.

    References
    ----------
    .. [1] Jekyll, "Permalinks" (front matter and placeholders),
       https://jekyllrb.com/docs/permalinks/
    """
    return "{{" in value or "{%" in value or bool(_PLACEHOLDER_RE.search(value))


SERIES_KEY = "series"


def series_field(meta: dict) -> tuple[tuple[str, str], ...]:
    """``(("series", name),)`` when the metadata names the post's series as a list (a
    taxonomy), else ``()``: a string is one of :func:`_fields` already.

    Hugo's themes declare ``series`` a taxonomy (``series: ["Go"]``, ordered by
    ``series_weight``), as Zola's ``[taxonomies]`` do; jekyll-series and DEV (Forem) take
    one string, ``series: Go``. A post in several series is taken in the first.

    References
    ----------
    .. [1] Hugo, "Taxonomies" (``<taxonomy>_weight`` orders a term's pages),
       https://gohugo.io/content-management/taxonomies/
    .. [2] DEV, "Editor guide" (``series`` in a post's front matter),
       https://dev.to/p/editor_guide
    """
    if isinstance(meta.get(SERIES_KEY), str):
        return ()
    return series_of_names(_terms(meta, SERIES_KEY, SERIES_KEY))


def series_of_names(names) -> tuple[tuple[str, str], ...]:
    """``(("series", first name),)`` for :attr:`Post.fields` (the first of ``names`` not
    blank, when it is at most :data:`MAX_FIELD_CHARS` long), else ``()``; an export's
    or a table's series as front matter's (:func:`series_field`)."""
    first = next((n.strip() for n in names if n and n.strip()), "")
    return ((SERIES_KEY, first),) if first and len(first) <= MAX_FIELD_CHARS else ()


def _meta_zettel(meta: dict):
    """The Zettelkasten id and day under the metadata's ``id``, when it is one whole."""
    value = meta.get("id")
    note_id = str(value).strip() if isinstance(value, (str, int)) else ""
    zettel = zettel_id(note_id) if note_id and not isinstance(value, bool) else None
    return zettel if zettel and zettel[0] == note_id else None


def meta_aliases(meta: dict, *, title: str, canonical: str | None) -> set[str]:
    """The names a post's metadata gives it, by which links may reach it: its address
    keys (``url``, ``permalink``, ``slug``, Zola's ``path``, Pelican's ``save_as``,
    :data:`graphkit.sites.ADDRESS_KEYS`), the former addresses that redirect to it
    (Hugo's and Zola's ``aliases``, ``redirect_from`` of jekyll-redirect-from and
    gatsby-redirect-from, hexo-generator-alias' ``alias``, Grav's ``routes:`` mapping
    of ``default``, ``canonical`` and ``aliases``), its own address, the slug of a
    Latin-letter title (Hugo's ``:title``), and a Zettelkasten id under ``id``
    (``id: 20200304120000``, which ``[[20200304120000]]`` names: Zettlr, and Obsidian's
    plugins that write it; :func:`graphkit.sites.zettel_id`)."""
    aliases: set[str] = set()
    zettel = _meta_zettel(meta)
    if zettel:
        aliases.add(zettel[0])
    for key in ("url", "permalink", "slug", "path", "save_as", *ADDRESS_KEYS):
        if (isinstance(meta.get(key), (str, int)) and str(meta[key]).strip()
                and not is_template(str(meta[key]))):
            aliases |= url_aliases(str(meta[key]))
    routes = meta.get("routes") if isinstance(meta.get("routes"), dict) else {}
    for alias in (a for key in ("aliases", "alias", "redirect_from")
                  for a in _as_list(meta.get(key))):
        aliases |= url_aliases(alias)
    for alias in (a for key in ("default", "canonical", "aliases")
                  for a in _as_list(routes.get(key))):
        aliases |= url_aliases(alias)
    if canonical:
        aliases |= url_aliases(canonical)
    if title and re.search(r"[A-Za-z]", title):
        aliases.add(slugify(title))
    return aliases


def is_zenn_article(meta: dict) -> bool:
    """True for the front matter of a Zenn article as zenn-cli writes it: an ``emoji``,
    ``type: tech`` or ``idea`` and a list of ``topics``."""
    return (isinstance(meta.get("emoji"), str) and meta.get("type") in ("tech", "idea")
            and isinstance(meta.get("topics"), list))


def platform_source_aliases(meta: dict, path: str) -> set[str]:
    """The platform's name of an article kept as its source for a blogging platform:
    ``zenn/SLUG`` for a Zenn article (``articles/SLUG.md``, its slug the file's name),
    ``qiita/ID`` for a Qiita item (Qiita CLI's ``public/NAME.md``, whose ``id`` is the
    item's, with ``private`` beside it); links to it under any user's address reach it
    (:func:`graphkit.sites.article_platform_alias`).

    References
    ----------
    .. [1] Zenn, "Zenn CLIで記事・本を管理する方法",
       https://zenn.dev/zenn/articles/zenn-cli-guide
    .. [2] Qiita CLI, https://github.com/increments/qiita-cli
    """
    stem = PurePosixPath(path).stem
    if is_zenn_article(meta) and ZENN_SLUG_RE.match(stem):
        return {f"zenn/{stem}"}
    item = meta.get("id")
    if isinstance(item, str) and QIITA_ID_RE.match(item) and "private" in meta:
        return {f"qiita/{item}"}
    return set()


_SLUG_RE = re.compile(r"^[\w-]{1,200}$")


def hashnode_address(meta: dict) -> str | None:
    """``https://DOMAIN/SLUG``: the address of an article that Hashnode publishes from
    GitHub, whose front matter names its blog's host (``domain``) and its ``slug``;
    None when either is missing or is not a host name and a path segment.

    References
    ----------
    .. [1] Hashnode, "Hashnode-source-from-github-template" (``domain``, ``slug``),
       https://github.com/Hashnode/Hashnode-source-from-github-template
    """
    domain, slug = meta.get("domain"), meta.get("slug")
    if not (isinstance(domain, str) and isinstance(slug, str)):
        return None
    domain, slug = domain.strip().lower(), slug.strip()
    if HOST_NAME_RE.match(domain) and _SLUG_RE.match(slug):
        return f"https://{domain}/{slug}"
    return None


def meta_post(meta: dict, path: str, *, title: str, text: str, links: list,
              canonical: str | None, first_line: int, layout: str) -> Post:
    """A post from a file's metadata (front matter or a reader's fields) and its text.

    Parameters
    ----------
    meta : dict
        Metadata: ``title``, ``date``, ``tags``/``tag``, ``categories``/``category``,
        ``taxonomies``, ``slug``, ``aliases`` and address keys.
    path : str
        Report name of the file; its path and stem are names links may use.
    title : str
        The title found (from the metadata or the body); may be empty.
    text : str
        Plain text of the body.
    links : list of Link
    canonical : str or None
        The post's own address, when the metadata or the body names it.
    first_line : int
        1-based line of the post in its file.
    layout : str
        Reader name for :class:`Source`.
    """
    slug_value = str(meta.get("slug") or "").strip() or None
    stem_slug, stem_date = file_slug(path)
    aliases: set[str] = set(path_aliases(path))
    aliases.add(stem_slug.casefold())
    if layout == PLAIN_MARKDOWN and note_name(stem_slug) != stem_slug:
        aliases |= url_aliases(note_name(stem_slug))      # the page's name, as links write it
    aliases |= meta_aliases(meta, title=title, canonical=canonical)
    aliases |= platform_source_aliases(meta, path)
    ident = str(meta.get("identifier") or "").strip()
    if re.fullmatch(r"\d{8}T\d{6}", ident):      # Denote's identifier: denote:ID links name it
        aliases.add(f"denote:{ident.lower()}")
    aliases.discard("")
    url = canonical or (str(meta.get("url") or meta.get("permalink") or "").strip() or None)
    if url and is_template(url):       # (Eleventy's, rendered with its site: sites.py)
        url = None
    url = url or hashnode_address(meta)
    aid = archive_link_id(url) if url else None
    zettel = _meta_zettel(meta)
    stem_date = stem_date or (zettel[1] if zettel else None)   # (the id is the time it was made)
    dated = meta
    if clipped(meta):            # (a web clipper's "created": the day the page was clipped)
        dated = {k: v for k, v in meta.items() if k not in ("created", *MODIFIED_KEYS)}
    date = post_date(dated) or (stem_date.isoformat() if stem_date else None) \
        or modified_date(dated)
    tags = _terms(meta, "tags", "tag")
    if layout == PLAIN_MARKDOWN and not tags:
        tags = _inline_tags(text)
    key = f"post:{aid}" if aid is not None else f"post:file:{path}"
    return Post(key=key, title=title, label=title or preview(text, 40), untitled=not title,
                date=date, archive_id=aid,
                url=SITE_URL.format(aid) if aid is not None else url, text=text,
                links=tuple(links), categories=_terms(meta, "categories", "category"),
                tags=tags, aliases=tuple(sorted(aliases)),
                sources=(Source(path=path, line=first_line, format=layout),), slug=slug_value,
                fields=_fields(meta) + series_field(meta))
