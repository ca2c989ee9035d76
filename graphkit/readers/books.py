"""Books written as Markdown with a table of contents: GitBook, HonKit and mdBook.

A book's ``SUMMARY.md`` lists its pages; the generators build a page of each file it
lists and of no other (GitBook and HonKit copy the others as static files, mdBook passes
them over). A chapter's page may be the ``README.md`` of its folder
(``part1/README.md``, built as ``part1/index.html``), which graphkit otherwise reads as a
folder's description; the ``README.md`` beside ``SUMMARY.md`` is the book's introduction
(and, on GitHub, the repository's description), not a chapter.

So, once every file is read (:func:`graphkit.readers.collect_read`):

- a Markdown ``README`` listed by a book's table of contents below the book's folder is
  a chapter, read as a Markdown page;
- when a GitBook or HonKit configuration (``book.json``) or an mdBook's (``book.toml``)
  makes the folder a book, the pages its table of contents does not list are reported.

A ``SUMMARY.md`` counts as a book's table of contents when it is one by its lines (see
:func:`graphkit.readers._navigation`) and lists at least two files that were read, and
at least half of what it lists was read.

References
----------
.. [1] HonKit, "Directory Structure" and "Pages and Summary",
   https://honkit.netlify.app/structure, https://honkit.netlify.app/pages
.. [2] mdBook, "SUMMARY.md", https://rust-lang.github.io/mdBook/format/summary.html
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import replace
from pathlib import PurePosixPath
from urllib.parse import unquote

from ..model import FileReport, Fragment, Post, Source

PAGE = "page"           # a FileReport.site entry of a table of contents: a file it lists
BOOK_GENERATORS = ("gitbook", "mdbook")
# a link's target in a table of contents: [title](target "optional title")
_TOC_LINK_RE = re.compile(r"\]\(\s*(?:<([^<>\n]+)>|([^()<>\s]+))(?:\s+\"[^\"\n]*\")?\s*\)")
MIN_LISTED = 2
_SCHEME_RE = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)      # https:, mailto: (no file)


def summary_pages(text: str, path: str) -> tuple[tuple[str, str], ...]:
    """The files a book's ``SUMMARY.md`` lists, as ``(PAGE, report name)`` pairs: its
    links' local targets, anchors and queries dropped, relative to its folder.

    >>> summary_pages("* [甲](part1/README.md#a)\\n* [乙](https://x.example/)", "b/SUMMARY.md")
    (('page', 'b/part1/README.md'),)
    """
    folder = str(PurePosixPath(path).parent)
    out = {}
    for m in _TOC_LINK_RE.finditer(text):
        target = unquote((m.group(1) or m.group(2)).split("#", 1)[0].split("?", 1)[0])
        if not target or target.startswith("/") or _SCHEME_RE.match(target):
            continue
        name = posixpath.normpath(posixpath.join(folder, target) if folder != "." else target)
        if not name.startswith("../") and name != "..":
            out[name] = None
    return tuple((PAGE, name) for name in out)


def _books(reports: list[FileReport], navigation: str) -> dict[str, frozenset[str]]:
    """``{book folder: files its table of contents lists}`` of every table of contents
    whose listed files were read (see the module's notes)."""
    read = {r.path for r in reports}
    books = {}
    for r in reports:
        if not (r.site and r.format == navigation):
            continue
        listed = frozenset(name for kind, name in r.site if kind == PAGE)
        found = len(listed & read)
        if found >= MIN_LISTED and 2 * found >= len(listed):
            books[str(PurePosixPath(r.path).parent)] = listed
    return books


def _book_of(path: str, books: dict[str, frozenset[str]]) -> str | None:
    """The innermost book folder holding ``path`` (its folders looked up, innermost
    first: as many lookups as the path has folders)."""
    for folder in PurePosixPath(path).parents:
        if str(folder) in books:
            return str(folder)
    return None


INTRODUCTION = ("the book's introduction (the README.md beside its SUMMARY.md: its preface "
                "and, on GitHub, the repository's description), not a chapter")
ASIDE = ("not in the book's table of contents ({book}/SUMMARY.md): GitBook and HonKit copy "
         "it as a static file, mdBook builds no page of it")


def book_chapters(sightings: list[Post], reports: list[FileReport], fragments: list[Fragment],
                  configs: list[tuple[str, tuple[tuple[str, str], ...]]]
                  ) -> tuple[list[Post], list[FileReport], list[Fragment]]:
    """Keep the READMEs that are a book's chapters and set aside the pages no table of
    contents lists.

    Parameters
    ----------
    sightings : list of Post
        Every post read; a README's sighting has the source format ``readme``
        (:data:`graphkit.readers.README`).
    reports : list of FileReport
        One per file; a table of contents' report (format ``navigation``) lists its
        pages in ``site`` (:func:`summary_pages`).
    fragments : list of Fragment
        Every fragment reported; a README's says so (:data:`graphkit.readers.README_REASON`).
    configs : list of (str, tuple)
        The sites' configurations read, ``(path, settings)``: the source folder of a
        GitBook, HonKit or mdBook configuration is a book whose pages the table of
        contents does not list are set aside.

    Returns
    -------
    sightings : list of Post
        Without the READMEs that are no chapter and the pages set aside; a chapter's
        README reads as a Markdown page.
    reports : list of FileReport
        A chapter's README counts one post, another README and a page set aside none.
    fragments : list of Fragment
        A chapter's README no longer reported as a README; another README's report
        alone (what its text held is not listed piece by piece), a book's introduction
        reported as such; the pages set aside, with the reason.
    """
    from ..sites import config_root
    from . import NAVIGATION, README as readme, README_REASON
    from .frontmatter import PLAIN_MARKDOWN

    books = _books(reports, NAVIGATION)
    configured = set()
    for path, site in configs:
        conf = dict(site)
        if conf.get("generator") in BOOK_GENERATORS:
            root, source = config_root(path), conf.get("input", "").strip("/")
            configured.add(posixpath.normpath(posixpath.join(root, source)))
    kept, chapters, intros, aside, frags = [], set(), set(), set(), []
    for p in sightings:
        src = p.sources[0]
        book = _book_of(src.path, books) if books else None
        listed = book is not None and src.path in books[book]
        if src.format == readme:
            if listed and str(PurePosixPath(src.path).parent) != book:
                chapters.add(src.path)
                kept.append(replace(p, sources=(Source(path=src.path, line=src.line,
                                                       format=PLAIN_MARKDOWN),)))
            elif book is not None and str(PurePosixPath(src.path).parent) == book:
                intros.add(src.path)
            continue
        if book is not None and book in configured and not listed:
            if src.path not in aside:
                aside.add(src.path)
                frags.append(Fragment(path=src.path, line=src.line, end_line=src.line,
                                      reason=ASIDE.format(book=book), text=p.label))
            continue
        kept.append(p)
    readmes = {p.sources[0].path for p in sightings if p.sources[0].format == readme}
    fixed = [replace(r, posts=1, format=PLAIN_MARKDOWN, error=None) if r.path in chapters
             else replace(r, posts=0, error="no post in this file (see its fragments)")
             if r.path in readmes or r.path in aside else r for r in reports]
    out = []
    for f in fragments:
        if f.path in readmes and f.reason == README_REASON:
            if f.path in intros:
                out.append(replace(f, reason=INTRODUCTION))
            elif f.path not in chapters:
                out.append(f)
        elif not (f.path in readmes and f.path not in chapters):
            out.append(f)
    return kept, fixed, out + frags
