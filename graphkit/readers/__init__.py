"""The read step: files and folders in, posts and a reading report out.

Each file's layout is recognised from its content (and its name ending for HTML, JSONL
and CSV); a folder is read recursively in sorted order. Nothing is dropped silently:
every piece of text that is not part of a post is listed in the report with its file,
line and reason, and a file that cannot be read at all gets a report entry saying why.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from ..errors import InputError
from ..merge import infer_listing_years, merge_posts, rows_of_pages_aside
from ..model import FileReport, Fragment, Post, ReadResult
from ..options import BuildOptions
from ..boilerplate import strip_boilerplate
from ..sites import (DOCUSAURUS_TAGS, HIDDEN_CONFIG_FOLDERS, NOTE_VAULT, apply_site_configs,
                     config_root, is_site_config, packages_beside_configs, read_docusaurus_tags,
                     read_site_config, site_sources, textbundle_document, url_host)
from ..text import preview, split_lines
from . import (archive, asciidoc, capture, exports, frontmatter, html, kexue, lektor, listing,
               notebook, joplin, kirby, notion, org, gemtext, rest, roam, siyuan, substack,
               table, tumblr, tiddlywiki, yuque, evernote, franklin, writefreely, books,
               eleventy, blot)

_DEFAULTS = BuildOptions()
DEFAULT_MAX_FILE_BYTES = _DEFAULTS.max_file_bytes
DEFAULT_MAX_FILES = _DEFAULTS.max_files
DEFAULT_MAX_POSTS_PER_FILE = _DEFAULTS.max_posts_per_file
DEFAULT_MAX_DEPTH = _DEFAULTS.max_depth
DEFAULT_MAX_ARCHIVE_BYTES = _DEFAULTS.max_archive_bytes
DEFAULT_MAX_READ_SECONDS = _DEFAULTS.max_read_seconds
DEFAULT_DATA = Path(__file__).resolve().parents[2] / "data"  # the embedded seed pages

def decode(data: bytes, path: str) -> tuple[str, str]:
    """Decode file bytes to text.

    UTF-8 (with or without BOM) and UTF-16 (with a BOM, or recognised by its zero bytes)
    are read; other bytes are tried as GB18030, the superset of GBK used by Chinese
    Windows. A UTF-8 file with a few broken bytes is read with U+FFFD in their place
    (see :func:`decode_report`, which also lists where).

    Parameters
    ----------
    data : bytes
        File content.
    path : str
        File name, for the error message.

    Returns
    -------
    text : str
        Decoded text.
    encoding : str
        Name of the encoding used (``"utf-8+replace"`` when broken bytes were replaced).

    Raises
    ------
    InputError
        When the bytes are binary or decode in none of these encodings.
    """
    text, encoding, _ = decode_report(data, path)
    return text, encoding


BAD_BYTES_REPORTED = 20  # lines with broken UTF-8 listed one by one in the report


def decode_report(data: bytes, path: str) -> tuple[str, str, list[Fragment]]:
    """Decode file bytes to text, listing the lines whose broken bytes were replaced.

    The rules, in order: a UTF-8 or UTF-16 byte-order mark decides; NUL bytes mean
    UTF-16 without a mark or a binary file, unless they are a few strays in UTF-8 text
    (:data:`MAX_STRAY_NULS`: removed, each line reported); strict UTF-8; UTF-8 with
    U+FFFD for broken sequences when the valid multi-byte characters outnumber the
    broken sequences four to one (one bad byte in a Chinese UTF-8 file does not reject
    the file); GB18030
    when it decodes to printable text; UTF-8 with replacement when under 1 % of the
    characters are broken (an ASCII file with a stray byte); otherwise the file is
    rejected.

    Parameters
    ----------
    data : bytes
        File content.
    path : str
        File name, for the error message and the fragments.

    Returns
    -------
    text : str
    encoding : str
    fragments : list of Fragment
        One per line holding replaced bytes (the first ``BAD_BYTES_REPORTED``, then one
        that counts the rest).

    Raises
    ------
    InputError
        When the bytes are binary or decode in none of these encodings.
    """
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig", []
        except UnicodeDecodeError:
            return _utf8_replaced(data[3:], path, "utf-8-sig+replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16", []
        except UnicodeDecodeError as exc:
            raise InputError(f"broken UTF-16 at byte {exc.start}", path=path) from None
    if b"\x00" in data:
        sample = data[:4096]
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        enc = "utf-16-le" if odd > 0.3 * len(sample) / 2 and even == 0 else (
            "utf-16-be" if even > 0.3 * len(sample) / 2 and odd == 0 else None)
        if enc is not None and len(data) % 2 == 0:
            try:
                return data.decode(enc), enc, []
            except UnicodeDecodeError:
                pass
        stray = _stray_nuls(data, path)
        if stray is not None:
            return stray
        raise InputError("binary file (NUL bytes), not text", path=path)
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError as exc:
        utf8_error = exc
    replaced = data.decode("utf-8", "replace")
    bad = replaced.count("\ufffd") - data.count("\ufffd".encode())
    multibyte = sum(1 for ch in replaced if ch > "\x7f") - bad
    if multibyte >= 4 * bad:
        return _utf8_replaced(data, path, "utf-8+replace")
    try:
        text = data.decode("gb18030")
        if sum(ch.isprintable() or ch in "\r\n\t" for ch in text) >= 0.95 * len(text):
            return text, "gb18030", []
    except UnicodeDecodeError:
        pass
    if bad < 0.01 * len(replaced):
        return _utf8_replaced(data, path, "utf-8+replace")
    line = data[: utf8_error.start].count(b"\n") + 1
    raise InputError(f"not UTF-8, UTF-16 or GB18030 text (first bad byte at "
                     f"offset {utf8_error.start})", path=path, line=line)


MAX_STRAY_NULS = 0.01    # NUL bytes, as a share of a text file's bytes, removed as strays


def _stray_nuls(data: bytes, path: str) -> tuple[str, str, list[Fragment]] | None:
    """UTF-8 text with a few stray NUL bytes (at most :data:`MAX_STRAY_NULS` of its
    bytes; a generator's build left one inside a sentence), without them, and a
    fragment per line that held one; None for a binary file (more NULs, or bytes that
    are not UTF-8 around them)."""
    if data.count(0) > MAX_STRAY_NULS * len(data):
        return None
    try:
        text = data.replace(b"\x00", b"").decode("utf-8")
    except UnicodeDecodeError:
        return None
    lines = [n for n, line in enumerate(data.split(b"\n"), 1) if 0 in line]
    return text, "utf-8", _lines_reported(lines, path, "a NUL byte inside the text, removed",
                                          "lines with a NUL byte, removed")


def _lines_reported(lines: list[int], path: str, reason: str, more: str) -> list[Fragment]:
    """A fragment for each of the first :data:`BAD_BYTES_REPORTED` ``lines`` (``reason``),
    then one that counts the rest (``N more`` and ``more``)."""
    frags = [Fragment(path=path, line=n, end_line=n, reason=reason, text="")
             for n in lines[:BAD_BYTES_REPORTED]]
    if len(lines) > BAD_BYTES_REPORTED:
        rest = lines[BAD_BYTES_REPORTED:]
        frags.append(Fragment(path=path, line=rest[0], end_line=rest[-1], text="",
                              reason=f"{len(rest)} more {more}"))
    return frags


def _utf8_replaced(data: bytes, path: str, encoding: str) -> tuple[str, str, list[Fragment]]:
    text = data.decode("utf-8", "replace")
    bad_lines = [n for n, line in enumerate(split_lines(text), 1) if "\ufffd" in line]
    return text, encoding, _lines_reported(
        bad_lines, path, "bytes that are not UTF-8 replaced by U+FFFD",
        "lines with bytes that are not UTF-8 replaced by U+FFFD")


Reader = Callable[[list[str], str], tuple[list[Post], list[Fragment]]]


def detect_layout(lines: list[str], path: str) -> tuple[str, Reader] | None:
    """Return the layout name and reader for a Markdown/text file, or None when unknown."""
    if lektor.detect(path):
        return lektor.LEKTOR, lektor.read_lektor
    if joplin.detect(lines, path):
        return joplin.JOPLIN, joplin.read_joplin
    if frontmatter.jbake_header(lines) is not None:
        return frontmatter.JBAKE, frontmatter.read_jbake
    if franklin.detect(lines, path):
        return franklin.FRANKLIN, franklin.read_franklin
    if lines and lines[0].strip() == "---" and capture.pandoc_page(lines) is not None:
        kind = capture.detect(lines, path)     # (a web page Pandoc converted, not a post's
        if kind == capture.CAPTURE:            # front matter)
            return kind, capture.read_capture
        if kind == capture.CAPTURE_LISTING:
            return kind, capture.read_listing
    if (lines and lines[0].strip() == "---" and path.lower().endswith(
            (*frontmatter.MARKDOWN_ENDINGS, ".txt")) and capture.front_matter_page(lines)):
        return capture.CAPTURE, capture.read_front_matter_page   # (a scraper's whole page)
    if frontmatter.detect(lines) or frontmatter.detect_json(lines, path):
        return frontmatter.FRONT_MATTER, frontmatter.read_front_matter
    if frontmatter.detect_metadata_header(lines, path):
        return frontmatter.METADATA_HEADER, frontmatter.read_metadata_header
    kind = kexue.detect(lines)
    if kind == kexue.KEXUE_PAGE:
        return kind, kexue.read_kexue_page
    if kind == kexue.KEXUE_ARCHIVE:
        return kind, kexue.read_kexue_archive
    if kind == kexue.KEXUE_BODY:
        return kind, kexue.read_kexue_body
    kind = listing.detect(lines)
    if kind == listing.LISTING_A:
        return kind, listing.read_listing_a
    if kind == listing.LISTING_B:
        return kind, listing.read_listing_b
    if notion.detect(path):
        return notion.NOTION_PAGE, notion.read_notion_page
    kind = capture.detect(lines, path)
    if kind == capture.CAPTURE:
        return kind, capture.read_capture
    if kind == capture.CAPTURE_LISTING:
        return kind, capture.read_listing
    if frontmatter.detect_plain(path):
        return frontmatter.PLAIN_MARKDOWN, frontmatter.read_plain_markdown
    return None


# layouts that one site alone writes (its post pages, archive and listing pages): its name
LAYOUT_SITES = {kexue.KEXUE_PAGE: kexue.SITE_NAME, kexue.KEXUE_ARCHIVE: kexue.SITE_NAME,
                kexue.KEXUE_BODY: kexue.SITE_NAME, listing.LISTING_A: kexue.SITE_NAME,
                listing.LISTING_B: kexue.SITE_NAME}


def blog_name(result: ReadResult) -> str | None:
    """The name of the blog read, for the map's heading.

    In order: the ``title`` of the first site configuration read (``_config.yml``,
    ``hugo.toml``, ``mkdocs.yml``'s ``site_name``, Pelican's ``SITENAME``…); the site
    whose own layout the files that gave the most posts have (:data:`LAYOUT_SITES`);
    the host that most of the posts' addresses are on (ties: alphabetical); else None
    (notes with no address).

    Parameters
    ----------
    result : ReadResult

    Returns
    -------
    str or None
    """
    for f in result.files:
        name = dict(f.site).get("title")
        if name:
            return name
    found = Counter()
    for f in result.files:
        if f.format in LAYOUT_SITES:
            found[LAYOUT_SITES[f.format]] += f.posts
    if not found:
        found = Counter(h for h in (url_host(p.url) for p in result.posts if p.url) if h)
    return min(found.items(), key=lambda kv: (-kv[1], kv[0]))[0] if found else None


# endings of template and component languages: a file in one is the code that renders
# pages (a layout, a listing, a component), never a post as its author wrote it
TEMPLATE_LANGUAGES = {".njk": "Nunjucks", ".liquid": "Liquid", ".hbs": "Handlebars",
                      ".handlebars": "Handlebars", ".mustache": "Mustache", ".ejs": "EJS",
                      ".pug": "Pug", ".jade": "Pug", ".haml": "Haml", ".webc": "WebC",
                      ".astro": "Astro", ".svelte": "Svelte", ".vue": "Vue", ".jsx": "JSX",
                      ".tsx": "TSX", ".erb": "ERB", ".twig": "Twig", ".jinja": "Jinja",
                      ".jinja2": "Jinja", ".j2": "Jinja", ".tmpl": "Go, Mako or Jinja template",
                      ".gohtml": "Go template"}
TEMPLATE = "template"
# endings of program and stylesheet sources: a site's code and settings (a theme's
# scripts, Astro's content.config.ts, Eleventy's directory data files) and the source maps
# of a built site's scripts (Gatsby's public/), never a post
CODE_LANGUAGES = {**dict.fromkeys((".js", ".mjs", ".cjs"), "JavaScript"),
                  **dict.fromkeys((".ts", ".mts", ".cts"), "TypeScript"),
                  **dict.fromkeys((".css", ".scss", ".sass", ".less", ".styl"), "a stylesheet"),
                  ".py": "Python", ".rb": "Ruby", ".go": "Go", ".rs": "Rust", ".php": "PHP",
                  ".sh": "shell", ".map": "a source map, which a bundler writes beside a script"}
CODE = "code"
# endings of data formats: what no reader took from such a file (a YAML or TOML file is
# never a post; a JSON one is when it is a list of posts or an export, read above) is a
# site's data or settings: Jekyll's _data/*.yml, Hugo's data/, Nuxt Content's _dir.yml,
# a package.json
DATA_FORMATS = {".yml": "YAML", ".yaml": "YAML", ".toml": "TOML", ".json": "JSON"}
DATA = "data"


# the formats of pages as a template rendered them, with the template's lines (Next: …)
# among the post's (boilerplate.strip_navigation_lines); an author's sources hold none
PAGE_FORMATS = (html.HTML_FORMAT, html.MHTML, html.WEBARCHIVE, capture.CAPTURE,
                kexue.KEXUE_PAGE, kexue.KEXUE_BODY)


# a folder's README (GitHub, GitLab and others show it below the folder's files); one
# that opens with front matter is a page a generator builds (VuePress' README.md is its
# folder's index page), any other describes the folder or repository
README = "readme"
README_RE = re.compile(          # (and its translations: README_CN.md, README.zh-CN.md)
    r"^readme(?:[._-][a-z]{2}(?:[-_][a-z]{2,4})?)?"
    r"(?:\.(?:md|markdown|mdown|mkd|mdx|txt|rst|rest|org|adoc|asciidoc))?$", re.I)
README_REASON = ("a README without front matter: the description of a folder or "
                 "repository, not a post")
# a repository's other documents, which GitHub shows beside its README: its license, its
# guides for contributors, its code of conduct, its changes and its security policy
REPO_DOC_RE = re.compile(
    r"^(?:licen[cs]e|copying|contributing|code_of_conduct|changelog|security)"
    r"(?:[._-][a-z]{2}(?:[-_][a-z]{2,4})?)?(?:\.(?:md|markdown|txt|rst|adoc))?$", re.I)

# a site's navigation written as Markdown, drawn around or before every page: Docsify's
# _sidebar.md, _navbar.md and _coverpage.md, a GitHub wiki's (Gollum's) _Sidebar.md,
# _Header.md and _Footer.md, and a book's table of contents, SUMMARY.md (GitBook, HonKit,
# mdBook); their links are the site's menu, not one post's citations
NAVIGATION = "navigation"
# the first rows of a React Server Components payload (the "flight" format: a row id in
# hex, a colon, a module import I[…], a hint HL[…], a JSON value or a text T…, ),
# which Next.js' App Router exports as PAGE.txt beside PAGE.html
_RSC_PAYLOAD_RE = re.compile(r'(?:[0-9a-f]{1,6}:(?:I\[|HL\[|"\$S|\[|\{|T[0-9a-f]+,)[^\n]*\n){2}')
_NAVIGATION_RE = re.compile(r"^_(?:sidebar|navbar|coverpage|header|footer)\.(?:md|markdown)$",
                            re.I)
_SUMMARY_RE = re.compile(r"^summary\.(?:md|markdown)$", re.I)
_TOC_SKIP_RE = re.compile(r"^\s*(?:#|-{3,}\s*$|\*{3,}\s*$)")   # a heading or a separator


def _navigation(text: str, path: str) -> str | None:
    """Why the Markdown file at ``path`` is a site's navigation, or None when it is not:
    Docsify's and a wiki's menu files by their names, a ``SUMMARY.md`` when at least four
    in five of its lines (headings and separators aside) hold a link, as a book's table
    of contents does (not a note that happens to be called Summary). A file opening with
    front matter is a page a generator builds, never navigation."""
    name = PurePosixPath(path).name
    menu = _NAVIGATION_RE.match(name)
    if not menu and not _SUMMARY_RE.match(name):
        return None
    head = split_lines(text[:4096])
    if frontmatter.detect(head[:-1] or head) or frontmatter.detect_json(head, path):
        return None
    if menu:
        return (f"a site's navigation ({name}: Docsify's sidebar, navbar or cover page, "
                "a wiki's sidebar, header or footer), not a post")
    lines = [line for line in split_lines(text) if line.strip() and not _TOC_SKIP_RE.match(line)]
    if not lines or sum("](" in line for line in lines) < 0.8 * len(lines):
        return None
    return "a book's table of contents (SUMMARY.md of GitBook, HonKit or mdBook), not a post"


def read_text(text: str, path: str) -> tuple[str, list[Post], list[Fragment]]:
    """Read one file's text.

    Parameters
    ----------
    text : str
        The decoded content.
    path : str
        Name used in the report; its ending picks the HTML, JSONL, CSV and notebook
        readers, and sets aside templates and code (:data:`TEMPLATE_LANGUAGES`,
        :data:`CODE_LANGUAGES`).

    Returns
    -------
    layout : str
        The layout recognised, ``"empty"`` or ``"unknown"``.
    posts : list of Post
        Post sightings, not yet merged.
    fragments : list of Fragment
        Skipped pieces with reasons; for an unknown layout, the whole file.
    """
    if not text or text.isspace():   # (strip() would copy a large file's text)
        return "empty", [], []
    suffix = PurePosixPath(path).suffix.lower()
    language = TEMPLATE_LANGUAGES.get(suffix) or CODE_LANGUAGES.get(suffix)
    if language is not None:
        template = suffix in TEMPLATE_LANGUAGES
        why = (f"a template ({language}): code that renders the site's pages, not a post"
               if template else f"source code ({language}), not a post")
        return (TEMPLATE if template else CODE), [], [Fragment(
            path=path, line=1, end_line=text.count("\n") + 1, reason=why, text=preview(text))]
    if notebook.detect(path):
        return notebook.NOTEBOOK, *notebook.read_notebook(text, path)
    tab = table.detect(path)
    if tab == "jsonl":
        return "jsonl", *table.read_jsonl(text, path)
    if tab == "csv":
        return "csv", *table.read_csv(text, path)
    if html.detect_mhtml(text, path):
        return html.MHTML, *html.read_mhtml(text, path)
    if evernote.detect(text, path):
        return evernote.ENEX, *evernote.read_enex(text, path)
    export = exports.detect(text, path)
    if export == exports.WXR:
        return export, *exports.read_wxr(text, path)
    if export == exports.FEED:
        return export, *exports.read_feed(text, path)
    if export == exports.GHOST:
        return export, *exports.read_ghost(text, path)
    if export == exports.JSON_FEED:
        return export, *exports.read_json_feed(text, path)
    if export == exports.MOVABLE_TYPE:
        return export, *exports.read_movable_type(text, path)
    if export == exports.HALO:
        return export, *exports.read_halo(text, path)
    if tiddlywiki.detect_json(text, path):
        return tiddlywiki.TIDDLYWIKI, *tiddlywiki.read_json_tiddlers(text, path)
    if siyuan.detect(text, path):
        return siyuan.SIYUAN, *siyuan.read_siyuan(text, path)
    if roam.detect(text, path):
        return roam.ROAM, *roam.read_roam(text, path)
    if yuque.detect(text, path):
        return yuque.YUQUE, *yuque.read_yuque_doc(text, path)
    if writefreely.detect(text, path):
        return writefreely.WRITEFREELY, *writefreely.read_writefreely(text, path)
    if tumblr.detect_json(text, path):
        return tumblr.TUMBLR_JSON, *tumblr.read_api_json(text, path)
    if tab == "json":  # after Ghost's and JSON Feed's own JSON
        rows = table.read_json(text, path)
        if rows is not None:
            return "json", *rows
    if html.detect(text, path):
        head = split_lines(text[:4096])
        if path.lower().endswith(frontmatter.HTML_ENDINGS) and frontmatter.detect(head[:-1] or head):
            # front matter over HTML: a generator's source file (Jekyll, Hugo, blogdown)
            return frontmatter.FRONT_MATTER, *frontmatter.read_front_matter(split_lines(text), path)
        if path.lower().endswith(frontmatter.HTML_ENDINGS) and frontmatter.jbake_header(head):
            return frontmatter.JBAKE, *frontmatter.read_jbake(split_lines(text), path)
        if tiddlywiki.detect_html(text):       # a whole wiki saved as one file
            return tiddlywiki.TIDDLYWIKI, *tiddlywiki.read_store_html(text, path)
        if tumblr.detect_backup_page(text):
            return tumblr.TUMBLR_BACKUP, *tumblr.read_backup_page(text, path)
        return html.HTML_FORMAT, *html.read_html(text, path)
    name = PurePosixPath(path).name
    readme, repo_doc = README_RE.match(name), REPO_DOC_RE.match(name)
    if readme or repo_doc:
        head = split_lines(text[:4096])
        if not (frontmatter.detect(head[:-1] or head) or frontmatter.detect_json(head, path)):
            lines = split_lines(text)
            nonblank = [i for i, line in enumerate(lines, 1) if line.strip()] or [1]
            if repo_doc:
                return README, [], [Fragment(
                    path=path, line=nonblank[0], end_line=nonblank[-1], text="",
                    reason="a repository's license, guide for contributors, code of conduct, "
                           "changelog or security policy (without front matter), not a post")]
            posts, frags = [], []
            if path.lower().endswith(frontmatter.MARKDOWN_ENDINGS):
                # read as it would be as a book's chapter (collect_read decides: see
                # graphkit.readers.books), its sighting marked as a README's
                posts, frags = frontmatter.read_plain_markdown(lines, path)
                posts = [replace(p, sources=tuple(replace(s, format=README)
                                                  for s in p.sources)) for p in posts]
            return README, posts, [Fragment(
                path=path, line=nonblank[0], end_line=nonblank[-1], reason=README_REASON,
                text=""), *frags]
    if suffix == ".txt" and _RSC_PAYLOAD_RE.match(text):
        return CODE, [], [Fragment(
            path=path, line=1, end_line=text.count("\n") + 1, text="",
            reason="a React Server Components payload (Next.js writes one beside each page "
                   "it exports, the page's HTML holding the same post), not a post")]
    navigation = _navigation(text, path)
    if navigation is not None:
        nonblank = [i for i, line in enumerate(split_lines(text), 1) if line.strip()]
        return NAVIGATION, [], [Fragment(path=path, line=nonblank[0], end_line=nonblank[-1],
                                         reason=navigation, text="")]
    if rest.detect(path) or rest.detect_nikola_text(text, path):
        return rest.RESTRUCTUREDTEXT, *rest.read_rst(text, path)
    lines = split_lines(text)
    if kirby.detect(lines, path):
        return kirby.KIRBY, *kirby.read_kirby(lines, path)
    if frontmatter.is_section_page(path):
        return frontmatter.SECTION_PAGE, *frontmatter.read_section_page(lines, path)
    if org.detect(path):
        return org.ORG, *org.read_org(lines, path)
    if gemtext.detect(path):
        return gemtext.GEMTEXT, *gemtext.read_gemtext(lines, path)
    if asciidoc.detect(path):
        return asciidoc.ASCIIDOC, *asciidoc.read_asciidoc(lines, path)
    if tiddlywiki.detect(path):
        return tiddlywiki.TIDDLYWIKI, *tiddlywiki.read_tid(lines, path)
    found = detect_layout(lines, path)
    if found is None and suffix in DATA_FORMATS:
        nonblank = [i for i, line in enumerate(lines, 1) if line.strip()]
        return DATA, [], [Fragment(
            path=path, line=nonblank[0], end_line=nonblank[-1], text="",
            reason=f"a data file ({DATA_FORMATS[suffix]}) that holds no post: a site's data "
                   "or settings (Jekyll's _data/, Hugo's data/, Nuxt Content's _dir.yml, "
                   "a package.json, Gatsby's page-data.json)")]
    if found is None:
        nonblank = [i for i, line in enumerate(lines, 1) if line.strip()]
        frag = Fragment(path=path, line=nonblank[0], end_line=nonblank[-1],
                        reason="unknown layout: no listing, post page, archive, front matter, "
                               "HTML or table recognised", text=preview(text))
        return "unknown", [], [frag]
    layout, reader = found
    posts, fragments = reader(lines, path)
    return layout, posts, fragments


def _kind_of(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISDIR, "a folder")):
        if test(mode):
            return name
    return "not a regular file"


def _same_folder(p: Path, excluded: set[tuple[int, int]]) -> bool:
    try:
        st = os.stat(p)
    except OSError:
        return False
    return (st.st_dev, st.st_ino) in excluded


def _inside(path: Path, roots: tuple[Path, ...]) -> bool:
    return any(path == r or path.is_relative_to(r) for r in roots)


def iter_files(paths: Iterable[str | os.PathLike[str]], *, max_files: int = DEFAULT_MAX_FILES,
               max_depth: int = DEFAULT_MAX_DEPTH, exclude: Iterable[str | os.PathLike[str]] = (),
               allowed_roots: Iterable[str | os.PathLike[str]] | None = None,
               deadline: float | None = None
               ) -> tuple[list[tuple[Path, str]], list[FileReport]]:
    """List the regular files under ``paths``.

    Folders are walked without recursion (an explicit stack, so a tree of any depth
    cannot exhaust Python's stack), in sorted order: a folder's files, then its
    sub-folders. Hidden entries (and macOS's ``__MACOSX/``) are passed over, but a
    generator's settings file (``.eleventy.js``, ``.vuepress/config.js``: of a hidden
    folder, only that); links to folders are not followed; FIFOs, sockets, devices and
    links to them are never opened (a FIFO would block the reader, ``/dev/zero`` would
    never end). Each of these is listed in ``problems`` with the reason.

    Parameters
    ----------
    paths : iterable of str or path-like
    max_files : int, keyword-only
        More files than this is an error.
    max_depth : int, keyword-only
        Folders nested deeper than this below a given folder are not entered.
    exclude : iterable of path-like, keyword-only
        Folders never read (the output folder of a build).
    allowed_roots : iterable of path-like, optional, keyword-only
        When given, every path and every file, with links resolved, must lie under one
        of these folders (a server that lets visitors name folders).
    deadline : float, optional, keyword-only
        ``time.monotonic()`` value after which the walk stops (an error).

    Returns
    -------
    files : list of (Path, str)
        Each file and the name it is reported under: the folder's own name followed by
        the path inside it, so that names do not depend on the working directory.
    problems : list of FileReport
        Entries that were passed over, with the reason.

    Raises
    ------
    InputError
        When a path does not exist or lies outside ``allowed_roots``, there are more
        than ``max_files`` files, or the deadline passes while listing.
    """
    roots = None if allowed_roots is None else tuple(Path(r).resolve() for r in allowed_roots)
    excluded = set()
    for e in exclude:
        try:
            st = os.stat(e)
            excluded.add((st.st_dev, st.st_ino))
        except OSError:
            pass
    files: list[tuple[Path, str]] = []
    problems: list[FileReport] = []

    def skip(path: str, why: str) -> None:
        problems.append(FileReport(path=path, format="skipped", posts=0, size=0, error=why))

    def regular(path: Path, shown: str) -> bool:
        """True for a regular file (after links) inside the allowed roots."""
        try:
            st = os.stat(path)
        except OSError as exc:
            skip(shown, f"cannot be read: {exc.strerror or exc}")
            return False
        if not stat.S_ISREG(st.st_mode):
            link = " (through a link)" if os.path.islink(path) else ""
            skip(shown, f"{_kind_of(st.st_mode)}{link}, not read")
            return False
        if roots is not None and not _inside(path.resolve(), roots):
            skip(shown, "a link that leads outside the allowed folders, not read")
            return False
        return True

    def check_limits() -> None:
        if len(files) > max_files:
            raise InputError(f"more than the limit of {max_files} files found "
                             f"(option max_files)", path=", ".join(str(p) for p in paths))
        if deadline is not None and time.monotonic() > deadline:
            raise InputError("listing the files took longer than the reading time budget "
                             "(option max_read_seconds)", path=", ".join(str(p) for p in paths))

    paths = list(paths)
    for raw in paths:
        p = Path(raw)
        if not os.path.lexists(p):
            raise InputError("no such file or folder", path=str(raw))
        if roots is not None and not _inside(p.resolve(), roots):
            raise InputError("outside the folders this server allows", path=str(raw))
        if p.is_dir() and _same_folder(p, excluded):
            raise InputError("this folder is the output folder; write the outputs elsewhere "
                             "(--out)", path=str(raw))
        if not p.is_dir():
            if regular(p, p.name):
                files.append((p, p.name))
            continue
        base = p.resolve().name or "input"
        stack: list[tuple[Path, int]] = [(p, 0)]
        while stack:
            folder, depth = stack.pop()
            check_limits()
            try:
                with os.scandir(folder) as it:
                    entries = sorted(it, key=lambda e: e.name)
            except OSError as exc:
                skip(str(folder), f"folder cannot be listed: {exc.strerror or exc}")
                continue
            subfolders = []
            hidden = folder.name.lower() in HIDDEN_CONFIG_FOLDERS and folder != p
            for entry in entries:
                if hidden and not (is_site_config(f"{folder.name}/{entry.name}")
                                   and entry.is_file()):
                    continue      # .vuepress/: its settings file only, not its theme or dist/
                if (entry.name.startswith(".") and not is_site_config(entry.name)
                        and entry.name.lower() not in HIDDEN_CONFIG_FOLDERS
                        or entry.name == archive.MACOS_METADATA):
                    continue      # (a generator's hidden settings file is read: .eleventy.js)
                full = Path(entry.path)
                shown = f"{base}/{full.relative_to(p).as_posix()}"
                try:
                    is_dir = entry.is_dir()          # follows links, as os.walk does
                except OSError:
                    is_dir = False
                if is_dir:
                    if entry.is_symlink():
                        skip(shown, "link to a folder, not followed")
                        continue
                    try:
                        st = entry.stat(follow_symlinks=False)
                        if (st.st_dev, st.st_ino) in excluded:
                            skip(shown, "the output folder, not read")
                            continue
                    except OSError:
                        pass
                    if depth + 1 > max_depth:
                        skip(shown, f"folder nested deeper than {max_depth} levels "
                                    f"(option max_depth), not read")
                        continue
                    subfolders.append((full, depth + 1))
                    continue
                if regular(full, shown):
                    files.append((full, shown))
            stack.extend(reversed(subfolders))
    check_limits()
    return files, problems


SITE_CONFIG = "site-config"
PARALLEL_MIN_BYTES = 4_000_000  # below this, worker processes cost more than they save


def read_paths(paths: Iterable[str | os.PathLike[str]], *,
               max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
               max_files: int = DEFAULT_MAX_FILES,
               max_posts_per_file: int = DEFAULT_MAX_POSTS_PER_FILE,
               max_depth: int = DEFAULT_MAX_DEPTH,
               max_read_seconds: float = DEFAULT_MAX_READ_SECONDS,
               max_archive_bytes: int = DEFAULT_MAX_ARCHIVE_BYTES,
               exclude: Iterable[str | os.PathLike[str]] = (),
               allowed_roots: Iterable[str | os.PathLike[str]] | None = None,
               progress: Callable[[int, int, str], None] | None = None,
               workers: int | None = None,
               while_reading: Callable[[], object] | None = None) -> ReadResult:
    """Read posts from files and folders and merge them.

    Parameters
    ----------
    paths : iterable of str or path-like
        Files and folders; folders are read as :func:`iter_files` lists them, and an
        archive (``.zip``, ``.tar``, ``.tar.gz``…) as a folder of its name (see
        :mod:`graphkit.readers.archive`).
    max_file_bytes : int, keyword-only
        Files larger than this many bytes are not read (listed in the report). At most
        this many bytes plus one are ever read from a file, whatever size it claims.
    max_files : int, keyword-only
        At most this many files are read.
    max_posts_per_file : int, keyword-only
        Posts past this number in one file are not read (listed in the report).
    max_depth : int, keyword-only
        Folders nested deeper are not entered (listed in the report).
    max_read_seconds : float, keyword-only
        Time budget of the whole read, in seconds: files not started when it runs out
        are listed in the report as not read. Each reader is linear in its input, so a
        started file ends in proportion to its size.
    max_archive_bytes : int, keyword-only
        An archive's members are read until they add up to this many bytes
        (uncompressed); the rest are listed in the report as not read.
    exclude : iterable of path-like, keyword-only
        Folders never read (the build's own output folder).
    allowed_roots : iterable of path-like, optional, keyword-only
        Confine reading to these folders, links resolved (see :func:`iter_files`).
    progress : callable, optional
        Called as ``progress(done, total, path)`` after each file (after each batch of
        files when worker processes read them).
    workers : int, optional, keyword-only
        Worker processes that parse the files; 0 reads them in this process (do so from
        a threaded server: nothing is forked). Default: one per core (up to 4) when the
        files hold at least ``PARALLEL_MIN_BYTES`` bytes and the platform can fork, else
        0. The result does not depend on it. (The 637 kexue.fm pages, 18 MB: 0.86 s in
        this process, 0.54 s with two workers on two cores.)
    while_reading : callable, optional
        Called once in this process while worker processes parse the files (or before
        reading when there are none): work to overlap with reading, such as loading
        the segmenter.

    Returns
    -------
    ReadResult
        Merged posts, one report entry per file and every skipped fragment.

    Raises
    ------
    InputError
        When a path does not exist, there are more files than ``max_files``, or no
        post could be read from any file.
    """
    paths = list(paths)
    deadline = time.monotonic() + max_read_seconds
    files, reports = iter_files(paths, max_files=max_files, max_depth=max_depth,
                                exclude=exclude, allowed_roots=allowed_roots,
                                deadline=deadline)
    if workers is None:
        enough = sum(_size(f) for f, _ in files) >= PARALLEL_MIN_BYTES
        workers = min(os.cpu_count() or 1, 4) if enough and hasattr(os, "fork") else 0
    limits = ReadLimits(max_file_bytes, max_posts_per_file, deadline, max_files=max_files,
                        max_depth=max_depth, max_archive_bytes=max_archive_bytes)
    outcomes = _read_files(files, workers, limits, while_reading)
    return collect_read(outcomes, reports, len(files), progress, paths)


def collect_read(outcomes, reports: list[FileReport], total: int, progress, paths) -> ReadResult:
    """Merge what the files gave into one :class:`ReadResult`.

    Parameters
    ----------
    outcomes : iterable of (int, (str, FileReport, list of Post, list of Fragment))
        ``(done, (name, report, posts, fragments))`` per file, in the order of the listing.
    reports : list of FileReport
        Entries already made while listing (folders too deep, links out of the roots);
        extended in place.
    total : int
        Files listed (for ``progress``).
    progress : callable or None
        ``progress(done, total, name)``.
    paths : list
        What was asked for, named in the error.

    Raises
    ------
    InputError
        When no post could be read from any file.
    """
    sightings: list[Post] = []
    fragments: list[Fragment] = []
    for done, (name, report, posts, frags) in outcomes:
        reports.append(report)
        sightings.extend(posts)
        fragments.extend(frags)
        if progress is not None:
            progress(done, total, name)
    configs = [(r.path, r.site) for r in reports if r.format == SITE_CONFIG]
    # a note vault's settings (.obsidian/app.json) mark a folder of notes, not a site
    vaults = [c for c, v in configs if dict(v).get("generator") == NOTE_VAULT]
    configs = packages_beside_configs(
        [(c, v) for c, v in configs if dict(v).get("generator") != NOTE_VAULT])
    sightings, reports[:], fragments = books.book_chapters(sightings, reports, fragments,
                                                           configs)
    if not sightings:
        why = "; ".join(r.error or f"{r.path}: {r.format}" for r in reports[:5]) or "no files"
        raise InputError(f"no post could be read ({why})",
                         path=", ".join(str(p) for p in paths))
    sightings, alone = frontmatter.apply_sidecars(
        sightings, {r.path: r.site for r in reports
                    if r.format in (frontmatter.NIKOLA_SIDECAR, frontmatter.TEXTBUNDLE_INFO)})
    fragments.extend(alone)
    sightings, alone = joplin.apply_items(
        sightings, {r.path: r.site for r in reports if r.format == joplin.JOPLIN_ITEM})
    fragments.extend(alone)
    sightings, bodies = substack.join_bodies(sightings)
    fragments.extend(bodies)
    sightings, frames = html.saved_resources(sightings, {r.path for r in reports})
    fragments.extend(frames)
    listings: dict[str, set[str]] = {}
    for r in reports:
        if r.format == html.HTML_FORMAT and r.site:
            listings.setdefault(r.path.replace("\\", "/").split("/", 1)[0], set()).update(
                key for kind, key in r.site if kind == html.LISTED)
    if listings:      # (kept for the rule alone, not written into the report)
        reports[:] = [replace(r, site=()) if r.format == html.HTML_FORMAT and r.site else r
                      for r in reports]
    sightings, homes = html.own_pages_aside(sightings, listings=listings,
                                            feeds=(exports.FEED, exports.JSON_FEED))
    fragments.extend(homes)
    sightings = html.named_by_listings(sightings, formats=(html.HTML_FORMAT, capture.CAPTURE))
    sightings, aside = site_sources(sightings, configs)
    sightings, aside_pages = kirby.set_aside_pages(sightings)
    aside += aside_pages
    sightings, aside_pages = siyuan.workspace_sources(sightings)
    aside += aside_pages
    sightings, aside_pages = blot.set_aside(sightings)
    aside += aside_pages
    sightings, pages = apply_site_configs(
        sightings, configs,
        data_files={r.path: r.site for r in reports if r.format == eleventy.ELEVENTY_DATA},
        tag_files={r.path: r.site for r in reports if r.format == DOCUSAURUS_TAGS})
    fragments.extend(aside + pages)
    sightings = frontmatter.read_as_notes(sightings, [c for c, _ in configs],
                                          vaults=[config_root(v) for v in vaults])
    # a date its site's rules read (Grav's dates, as PHP reads them) is no longer unread
    # (unless the day it last changed still dates it), and a page set aside as no post (a
    # template's {{date}}) has no date to miss
    dated = {(p.sources[0].path, p.sources[0].line): p.date for p in sightings if p.date}
    dated |= {(f.path, f.line): "" for f in aside + pages}
    fragments = [f for f in fragments
                 if not ((f.path, f.line) in dated and f.reason.startswith(frontmatter.UNREAD_DATE)
                         and not f.reason.endswith(f"last changed, {dated[f.path, f.line]}"))]
    sightings = html.without_site_names(
        sightings, {n for _, v in configs if (n := dict(v).get("title"))})
    if not sightings:
        raise InputError("no post could be read (every page read is outside its site's "
                         "blog, see the blog plugin's posts folder)",
                         path=", ".join(str(p) for p in paths))
    sightings, rows = rows_of_pages_aside(sightings, fragments)
    fragments.extend(rows)
    sightings, repeated = strip_boilerplate(sightings, page_formats=PAGE_FORMATS)
    fragments.extend(repeated)
    posts = infer_listing_years(merge_posts(sightings))
    count = len(sightings)
    del sightings
    from .._runtime import release_free_memory

    release_free_memory()   # the files' bytes and texts, the sightings merged away
    return ReadResult(posts=posts, files=tuple(reports), fragments=tuple(fragments),
                      sightings=count)


# what a report name keeps of an uploaded file's name: besides letters, digits, ".", "-",
# "_" and spaces, the characters generators' file names hold (SvelteKit's "+page.md", a
# route group's "(blog)", "@" in a scoped folder); never "<", ">", quotes, "[" or "]":
# square brackets (a Blot tag folder's "[Tag]", a route's "[slug]") become their full-width
# forms, which no Markdown reads as a link
UPLOAD_NAME_RE = re.compile(r"[^\w.\- +()@［］]+")
UPLOAD_BRACKETS = str.maketrans("[]", "［］")


def upload_name(name: str, index: int) -> str:
    r"""A safe report name for an uploaded file: its path inside the folder uploaded.

    A folder's upload names each file by its path below the folder (the folder's own
    name first), and a generator's folders mean what they mean on disk (``_posts/``,
    ``content/``), so the path is kept: ``/`` and ``\`` separate its parts, and
    ``.``, ``..``, empty parts and a drive letter are dropped, so no name is absolute or
    leads out; ``[`` and ``]`` become ``［`` and ``］``, and other characters than
    letters, digits, ``.``, ``-``, ``_``, spaces, ``+``, ``(``, ``)`` and ``@`` become
    ``_``.

    Parameters
    ----------
    name : str
        The name the browser sent (it may hold folders, ``..`` or nothing).
    index : int
        Position of the upload, used when nothing of the name is usable.

    >>> upload_name("../../etc/passwd", 0), upload_name("C:\\blog\\a b.md", 1)
    ('etc/passwd', 'blog/a b.md')
    """
    parts = re.split(r"[\\/]", str(name))
    if parts and re.fullmatch(r"[A-Za-z]:", parts[0].strip()):
        parts = parts[1:]
    kept = [UPLOAD_NAME_RE.sub("_", part.strip().translate(UPLOAD_BRACKETS)) for part in parts]
    kept = [part for part in kept if part.strip(". ")]
    return "/".join(kept) or f"upload-{index + 1}"


def read_uploads(uploads: Iterable[tuple[str, bytes]], *, options: BuildOptions = BuildOptions()
                 ) -> ReadResult:
    """Read uploaded files from memory (nothing is written to disk).

    Parameters
    ----------
    uploads : iterable of (str, bytes)
        File name as sent and content. Names are made safe paths (:func:`upload_name`);
        the name's ending picks the reader as for files. The files of a folder
        uploaded are read as in a folder: hidden ones (``.git/``) are passed over and
        the generator's settings apply. An archive (``.zip``, ``.tar.gz``…) is read as
        a folder of its name.
    options : BuildOptions, keyword-only
        ``max_file_bytes``, ``max_files``, ``max_posts_per_file``, ``max_depth``,
        ``max_archive_bytes`` and ``max_read_seconds`` apply.

    Returns
    -------
    ReadResult

    Raises
    ------
    InputError
        When there are more than ``max_files`` uploads or no post could be read.
    """
    uploads = list(uploads)
    if len(uploads) > options.max_files:
        raise InputError(f"{len(uploads)} uploads, more than the limit of "
                         f"{options.max_files} (option max_files)")
    limits = ReadLimits(options.max_file_bytes, options.max_posts_per_file,
                        time.monotonic() + options.max_read_seconds,
                        max_files=options.max_files, max_depth=options.max_depth,
                        max_archive_bytes=options.max_archive_bytes)
    named = [(upload_name(n, i), data) for i, (n, data) in enumerate(uploads)]
    named = [(name, data) for name, data in named
             if "/" not in name or not archive.hidden_entry(name)]
    return collect_read(_read_uploaded(named, limits), [], len(named), None, ["uploads"])


def _read_uploaded(named: list[tuple[str, bytes]], limits: ReadLimits):
    for done, (name, data) in enumerate(named, 1):
        if name.count("/") > limits.max_depth + 1:
            yield done, (name, *_unread(name, len(data), f"in folders nested deeper than "
                                        f"{limits.max_depth} levels (option max_depth), "
                                        f"not read"))
        elif archive.archive_kind(name):
            for outcome in read_members(data, name, limits):
                yield done, outcome
        else:
            yield done, (name, *_read_data([data], name, limits))


def read(paths: Iterable[str | os.PathLike[str]] | None = None, *,
         options: BuildOptions = BuildOptions(),
         progress: Callable[[int, int, str], None] | None = None,
         workers: int | None = None,
         while_reading: Callable[[], object] | None = None,
         exclude: Iterable[str | os.PathLike[str]] = (),
         allowed_roots: Iterable[str | os.PathLike[str]] | None = None) -> ReadResult:
    """Read posts from ``paths`` (default: the embedded ``data/`` folder).

    The limits come from ``options`` (``max_file_bytes``, ``max_files``,
    ``max_posts_per_file``, ``max_depth``, ``max_read_seconds``); the other parameters
    are those of :func:`read_paths`. This module imports no numerical library, so that
    worker processes fork from a small process.
    """
    paths = list(paths) if paths else [DEFAULT_DATA]
    return read_paths(paths, max_file_bytes=options.max_file_bytes,
                      max_files=options.max_files,
                      max_posts_per_file=options.max_posts_per_file,
                      max_depth=options.max_depth, max_read_seconds=options.max_read_seconds,
                      max_archive_bytes=options.max_archive_bytes, exclude=exclude,
                      allowed_roots=allowed_roots, progress=progress, workers=workers,
                      while_reading=while_reading)


@dataclass(frozen=True)
class ReadLimits:
    """Limits of reading one file.

    Attributes
    ----------
    max_file_bytes : int
        Files larger than this many bytes are not read.
    max_posts_per_file : int
        Posts past this number in one file are not read.
    deadline : float
        ``time.monotonic()`` after which a file is no longer started (a value of this
        process's clock: a worker on another machine makes its own, see
        :func:`graphkit.spark.read_files`).
    max_files : int
        Members of one archive past this number are not read.
    max_depth : int
        Members of an archive in folders nested deeper than this are not read.
    max_archive_bytes : int
        An archive's members past this many bytes (uncompressed) are not read.
    """

    max_file_bytes: int
    max_posts_per_file: int
    deadline: float
    max_files: int = DEFAULT_MAX_FILES
    max_depth: int = DEFAULT_MAX_DEPTH
    max_archive_bytes: int = DEFAULT_MAX_ARCHIVE_BYTES

    def for_archive(self) -> archive.ArchiveLimits:
        return archive.ArchiveLimits(self.max_files, self.max_depth, self.max_file_bytes,
                                     self.max_archive_bytes, self.deadline)


def _read_files(files, workers, limits: ReadLimits, while_reading):
    """Yield ``(done, (name, report, posts, fragments))`` per file, in the order of ``files``."""
    if workers < 1 or len(files) < 2:
        if while_reading is not None:
            while_reading()
        for done, (f, name) in enumerate(files, 1):
            for outcome in read_entries(f, name, limits):
                yield (done, outcome)
        return
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    size = -(-len(files) // (workers * 4))  # four batches per worker balance the load
    batches = [files[i:i + size] for i in range(0, len(files), size)]
    from .._runtime import mark_worker

    with ProcessPoolExecutor(max_workers=min(workers, len(batches)),
                             mp_context=mp.get_context("fork"), initializer=mark_worker) as ex:
        # forked before any thread of ours starts; results come back in submission order
        futures = [ex.submit(_read_batch, b, limits) for b in batches]
        if while_reading is not None:
            while_reading()
        done = 0
        for batch, future in zip(batches, futures):
            for outcomes in future.result():
                done += 1
                for outcome in outcomes:
                    yield (done, outcome)


def _read_batch(batch, limits: ReadLimits):
    return [read_entries(f, name, limits) for f, name in batch]


Outcome = tuple[str, FileReport, list[Post], list[Fragment]]


def read_entries(f: Path, name: str, limits: ReadLimits) -> list[Outcome]:
    """Read one listed file: ``[(name, report, posts, fragments)]``, one entry for a
    file, one per member for an archive (read as a folder of its name, see
    :mod:`graphkit.readers.archive`)."""
    if archive.archive_kind(name) is None:
        return [(name, *read_file(f, name, limits))]
    data = _file_bytes(f, name, limits)
    if not isinstance(data, bytes):
        return [(name, *data)]
    return list(read_members(data, name, limits))


def read_members(data: bytes, name: str, limits: ReadLimits) -> Iterator[Outcome]:
    """Read an archive's members as files: ``(name, report, posts, fragments)`` each;
    a member not read is a report entry with the reason (see
    :func:`graphkit.readers.archive.read_archive`). A web archive inside a zip or tar
    gives its pages (:mod:`graphkit.readers.warc`); no other archive inside is opened."""
    inside_warc = archive.archive_kind(name) == "warc"
    for member in archive.read_archive(data, name, limits.for_archive()):
        if member.data is None:
            yield member.name, FileReport(path=member.name, format="skipped", posts=0,
                                          size=member.size, error=member.reason), [], []
        elif archive.archive_kind(member.name) == "warc" and not inside_warc:
            # a web archive in a zip or tar: its pages (one level: they are never opened)
            yield from read_members(member.data, member.name, limits)
        else:
            yield (member.name, *_read_data([member.data], member.name, limits))
        del member


def _unread(name: str, size: int, why: str) -> tuple[FileReport, list[Post], list[Fragment]]:
    return FileReport(path=name, format="unreadable", posts=0, size=size, error=why), [], []


def read_file(f: Path, name: str, limits: ReadLimits
               ) -> tuple[FileReport, list[Post], list[Fragment]]:
    """Read one file: its report entry, its posts and its skipped fragments.

    The file is opened without blocking and checked to be a regular file on the open
    descriptor (a FIFO swapped in after the listing is not waited on); at most
    ``max_file_bytes + 1`` bytes are read, whatever size the file claims (``/proc``
    files claim 0).
    """
    data = _file_bytes(f, name, limits)
    if not isinstance(data, bytes):
        return data
    box = [data]
    del data   # the bytes are freed once decoded (see _read_data)
    return _read_data(box, name, limits)


def _file_bytes(f: Path, name: str, limits: ReadLimits
                ) -> bytes | tuple[FileReport, list[Post], list[Fragment]]:
    """A file's bytes (see :func:`read_file`), or its report entry when not read."""
    if time.monotonic() > limits.deadline:
        return _unread(name, _size(f), "not read: the reading time budget ran out "
                                       "(option max_read_seconds)")
    try:
        fd = os.open(f, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        return _unread(name, 0, f"{name}: {exc.strerror or exc}")
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            return _unread(name, 0, f"{_kind_of(st.st_mode)}, not read")
        if st.st_size > limits.max_file_bytes:
            return _unread(name, st.st_size, f"{st.st_size} bytes, more than the limit of "
                                             f"{limits.max_file_bytes} (option max_file_bytes)")
        chunks, size = [], 0
        while size <= limits.max_file_bytes:
            chunk = os.read(fd, min(1 << 20, limits.max_file_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        return _unread(name, 0, f"{name}: {exc.strerror or exc}")
    finally:
        os.close(fd)
    if size > limits.max_file_bytes:
        return _unread(name, size, f"more than the limit of {limits.max_file_bytes} "
                                   f"bytes (option max_file_bytes)")
    return b"".join(chunks)


def _read_data(box: list[bytes], name: str, limits: ReadLimits
               ) -> tuple[FileReport, list[Post], list[Fragment]]:
    """Read one file's bytes (see :func:`read_file`), given as the one item of ``box``:
    the item is taken out, so that the bytes are freed once decoded (a 370 MB file is
    not held twice, as bytes and as text, while its posts are read)."""
    data = box.pop()
    size = len(data)
    if size > limits.max_file_bytes:
        return _unread(name, size, f"{size} bytes, more than the limit of "
                                   f"{limits.max_file_bytes} (option max_file_bytes)")
    if html.detect_webarchive(data, name):     # Safari's saved page: a property list
        posts, frags = html.read_webarchive(data, name)
        return FileReport(path=name, format=html.WEBARCHIVE, posts=len(posts), size=size,
                          error=None if posts else "no post in this file (see its fragments)"
                          ), posts, frags
    try:
        text, _, byte_frags = decode_report(data, name)
    except InputError as exc:
        return _unread(name, size, str(exc))
    del data
    if is_site_config(name):
        try:
            site = read_site_config(text, name)
        except ValueError as exc:
            return _unread(name, size, f"{name}: site configuration not read ({exc})")
        if site is not None:      # (None: a conf.py that configures no site: code)
            return FileReport(path=name, format=SITE_CONFIG, posts=0, size=size,
                              site=site), [], []
    if eleventy.is_data_file(name):
        data = eleventy.read_data_file(text, name)
        if data is not None:      # (applied to its pages: see sites.apply_site_configs)
            return FileReport(path=name, format=eleventy.ELEVENTY_DATA, posts=0, size=size,
                              site=data), [], []
    if name.lower().endswith((".yml", ".yaml")) and "tag" in PurePosixPath(name).name.lower():
        tags = read_docusaurus_tags(text)     # (tags.yml, or the name a blog's option gives)
        if tags is not None:      # (its labels shown for its keys: sites.apply_site_configs)
            return FileReport(path=name, format=DOCUSAURUS_TAGS, posts=0, size=size,
                              site=tags), [], []
    item = joplin.read_item(text, name)
    if item is not None:          # (joined to its notes: see joplin.apply_items)
        return FileReport(path=name, format=joplin.JOPLIN_ITEM, posts=0, size=size,
                          site=item), [], []
    if name.lower().endswith(frontmatter.NIKOLA_SIDECAR_ENDING):
        meta = frontmatter.read_sidecar(text)
        if meta is not None:      # (read with its post: see frontmatter.apply_sidecars)
            return FileReport(path=name, format=frontmatter.NIKOLA_SIDECAR, posts=0,
                              size=size, site=meta), [], []
    if textbundle_document(name) and ("\u2028" in text or "\u2029" in text):
        # (Bear's notes break lines with the Unicode separators, which Markdown's lines
        # are not split at: read as the line breaks they are)
        text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    if frontmatter.is_textbundle_info(name):
        meta = frontmatter.read_textbundle_info(text)
        if meta is not None:      # (read with its note: see frontmatter.apply_sidecars)
            return FileReport(path=name, format=frontmatter.TEXTBUNDLE_INFO, posts=0,
                              size=size, site=meta), [], []
    try:
        layout, posts, frags = read_text(text, name)
    except RecursionError:
        return _unread(name, size, f"{name}: nested too deeply to read")
    frags = byte_frags + frags
    if len(posts) > limits.max_posts_per_file:
        first_left = posts[limits.max_posts_per_file].sources[0].line
        frags.append(Fragment(
            path=name, line=first_left, end_line=posts[-1].sources[0].line,
            reason=f"{len(posts) - limits.max_posts_per_file} more posts not read: more than "
                   f"the limit of {limits.max_posts_per_file} (option max_posts_per_file)",
            text=preview(posts[limits.max_posts_per_file].label)))
        posts = posts[:limits.max_posts_per_file]
    error = {"empty": "empty file", "unknown": "unknown layout (see the fragment)"}.get(layout)
    if not posts and error is None:
        error = "no post in this file (see its fragments)"
    if not posts:
        # a file that holds no post may hold anything (a planted settings file): the
        # report says where and why, never what
        frags = [replace(f, text="") for f in frags]
    # a book's table of contents: the pages it lists (see graphkit.readers.books)
    toc = (books.summary_pages(text, name)
           if layout == NAVIGATION and _SUMMARY_RE.match(PurePosixPath(name).name) else ())
    if layout == html.HTML_FORMAT and not posts and any(
            f.reason.startswith(html.LIST_PAGE) for f in frags):
        # a saved list page: the pages it names (see html.unlisted_pages_aside)
        toc = tuple((html.LISTED, key) for key in html.list_page_paths(text, name))
    return FileReport(path=name, format=layout, posts=len(posts), size=size,
                      error=error, site=toc), posts, frags


def _size(f: Path) -> int:
    try:
        return f.stat().st_size
    except OSError:
        return 0
