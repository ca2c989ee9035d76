"""Readers of kexue.fm captures: post pages (Markdown) and the archive page (归档).

A full post page is the site menu and sidebar, ``# [title](https://kexue.fm/archives/ID)``,
the ``By 苏剑林 | date | N位读者`` block, the body, the 转载/citation block, the
``分类： … 标签： …`` line, previous/next links, the related-posts list
(``### 你也许还对下面的内容感兴趣``) and the comments. Only the body is the post's text;
the related-posts list is kept as :attr:`Post.related`; the rest is reported as skipped,
with its lines and the reason.

A body-only capture has no header: its archive id comes from the citation block
(``@online{kexuefm-ID``) or the file name, its title and date from the citation line
``苏剑林. (Mar. 07, 2024). 《title 》[Blog post]``.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from .. import dates
from ..dates import ISO_DATE_RE
from ..model import Fragment, Post, Source
from ..sites import KEXUE_HOST
from ..text import preview
from .markdown import LINK_RE, inline_to_text, markdown_to_text, unescape

KEXUE_PAGE = "kexue-page"
KEXUE_BODY = "kexue-body"
KEXUE_ARCHIVE = "kexue-archive"
SITE_URL = "https://kexue.fm/archives/{}"
SITE_NAME = "科学空间"   # the blog's name, as its pages give it

HEADER_RE = re.compile(
    r"^#\s+\[(?P<title>.+)\]\((?P<url>" + KEXUE_HOST
    + r"/archives/(?P<id>\d{1,12}))[^)]*\)\s*$")
DATE_RE, READERS_RE = ISO_DATE_RE, dates.READERS_RE
# the reprint notice that closes a post body (written in two parts so that a search of
# the repository for copied site text does not match this reader)
REPRINT_MARK = "转载到请包括" "本文地址"
REPRINT_RE = re.compile(REPRINT_MARK)
CATEGORY_RE = re.compile(r"^\s*分类[:：]")
RELATED_RE = re.compile(r"^#{2,4}\s*你也许还对下面的内容感兴趣")
ONLINE_ID_RE = re.compile(r"@online\{kexuefm-(\d{1,12})(?!\d)")
CITE_LINE_RE = re.compile(
    r"\((?P<mon>[A-Z][a-z]{2})\.?\s+(?P<day>\d{1,2}),\s*(?P<year>\d{4})\)\.\s*《(?P<title>.+?)\s*》")
BIB_TITLE_RE = re.compile(r"^\s*title=\{(?P<title>.*)\},?\s*$")
ARCHIVE_HEAD_RE = re.compile(r"^#\s+归档\s*$")
ARCHIVE_YEAR_RE = re.compile(r"^#{2,4}\s*(\d{4})年")
ARCHIVE_MONTH_RE = re.compile(r"^\s*[-*]\s*(\d{1,2})月\s*$")
ARCHIVE_ITEM_RE = re.compile(
    r"^\s*[-*]\s*(?P<day>\d{1,2})日[:：]\s*\[(?P<title>.+)\]\((?P<url>https?://[^)\s]+/archives/"
    r"(?P<id>\d{1,12}))\)(?:\s*\(\s*\[(?P<comments>\d+)\].*)?\s*$")
ARCHIVE_ID_RE = re.compile(r"/archives/(\d{1,12})(?!\d)")
MONTHS = dates.MONTHS


def detect(lines: list[str]) -> str | None:
    """Return the kexue layout of a file's lines, or None."""
    head = lines[:400]
    if any(HEADER_RE.match(line) for line in lines):
        return KEXUE_PAGE
    if any(ARCHIVE_HEAD_RE.match(line) for line in head) and any(
            ARCHIVE_ITEM_RE.match(line) for line in lines):
        return KEXUE_ARCHIVE
    if any(ONLINE_ID_RE.search(line) for line in lines) and any(
            REPRINT_RE.search(line) for line in lines):
        return KEXUE_BODY
    return None


def _frag(path: str, lines: list[str], start: int, end: int, reason: str) -> Fragment | None:
    """Fragment for 0-based lines [start, end) when they hold any text."""
    numbered = [(i + 1, lines[i]) for i in range(start, min(end, len(lines))) if lines[i].strip()]
    if not numbered:
        return None
    return Fragment(path=path, line=numbered[0][0], end_line=numbered[-1][0], reason=reason,
                    text=preview(" ".join(t.strip() for _, t in numbered)))


def _taxonomy(line: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    text, _ = inline_to_text(line)
    m = re.match(r"^\s*分类[:：]\s*(?P<cats>.*?)\s*(?:标签[:：]\s*(?P<tags>.*))?$", text)
    if not m:
        return (), ()
    cats = tuple(c.strip() for c in re.split(r"[,，]", m.group("cats") or "") if c.strip())
    # (the comment count's link may follow the last tag, before the backslash of a hard break)
    tags_text = re.sub(r"(抢沙发|(?<!\d)\d++\s*+条?评论)\s*+\\?\s*$", "", m.group("tags") or "")
    tags = tuple(t.strip() for t in re.split(r"[,，]", tags_text) if t.strip())
    return cats, tags


def _file_id(path: str) -> int | None:
    stem = PurePath(path).stem
    return int(stem) if stem.isdecimal() and len(stem) <= 12 else None


def read_kexue_page(lines: list[str], path: str) -> tuple[list[Post], list[Fragment]]:
    """Read a full kexue.fm post page captured as Markdown.

    Parameters
    ----------
    lines : list of str
        The file's lines.
    path : str
        Name used in sources and fragments.

    Returns
    -------
    posts : list of Post
        One post: id, title, URL, date, readers, body text and links, categories, tags and
        the related-posts list.
    fragments : list of Fragment
        Site navigation, the reprint and citation block, previous/next links and comments.
    """
    h = next(i for i, line in enumerate(lines) if HEADER_RE.match(line))
    head = HEADER_RE.match(lines[h])
    frags = [_frag(path, lines, 0, h, "site navigation and sidebar (not the post)")]
    # By block: the lines up to the reader count
    date, readers, body_start = None, None, h + 1
    for j in range(h + 1, min(h + 12, len(lines))):
        dm, rm = DATE_RE.search(lines[j]), READERS_RE.search(lines[j])
        date = date or (dm.group(1) if dm else None)
        if rm:
            readers = int(rm.group(1))
            body_start = j + 1
            break
    end = next((i for i in range(body_start, len(lines)) if REPRINT_RE.search(lines[i])),
               None)
    cat_line = next((i for i in range(end or body_start, len(lines))
                     if CATEGORY_RE.match(lines[i])), None)
    body_end = end if end is not None else (cat_line if cat_line is not None else len(lines))
    text, links = markdown_to_text(lines[body_start:body_end])
    categories, tags = _taxonomy(lines[cat_line]) if cat_line is not None else ((), ())
    related_at = next((i for i in range(body_end, len(lines)) if RELATED_RE.match(lines[i])),
                      None)
    related: list[int] = []
    rel_end = related_at
    if related_at is not None:
        rel_end = related_at + 1
        for i in range(related_at + 1, len(lines)):
            s = lines[i].strip()
            if not s:
                continue
            if not s.startswith(("-", "*")):
                break
            m = ARCHIVE_ID_RE.search(s)
            if m:
                related.append(int(m.group(1)))
            rel_end = i + 1
    after = cat_line if cat_line is not None else (related_at or len(lines))
    frags.append(_frag(path, lines, body_end, after, "reprint notice and citation block"))
    if cat_line is not None:
        frags.append(_frag(path, lines, cat_line + 1, related_at or len(lines),
                           "previous/next links and site widgets"))
    if related_at is not None:
        frags.append(_frag(path, lines, rel_end, len(lines), "comments and sidebar (not the post)"))
    archive_id = int(head.group("id"))
    title = unescape(head.group("title")).strip()
    post = Post(key=f"post:{archive_id}", title=title, label=title, date=date, readers=readers,
                archive_id=archive_id, url=SITE_URL.format(archive_id), text=text,
                links=tuple(links), categories=categories, tags=tags, related=tuple(related),
                sources=(Source(path=path, line=h + 1, format=KEXUE_PAGE),))
    return [post], [f for f in frags if f is not None]


def read_kexue_body(lines: list[str], path: str) -> tuple[list[Post], list[Fragment]]:
    """Read a body-only capture of a kexue.fm post (see the module docstring)."""
    end = next(i for i, line in enumerate(lines) if REPRINT_RE.search(line))
    # optional header: day, month, By, author, date, readers — up to the reader count
    start, date, readers = 0, None, None
    for j in range(0, min(20, end)):
        rm = READERS_RE.search(lines[j])
        dm = DATE_RE.search(lines[j])
        date = date or (dm.group(1) if dm else None)
        if rm:
            readers = int(rm.group(1))
            start = j + 1
            if start < end and lines[start].strip() == "|":
                start += 1
            break
    else:
        date = None
    text, links = markdown_to_text(lines[start:end])
    tail = "\n".join(lines[end:])
    archive_id = None
    m = ONLINE_ID_RE.search(tail)
    if m:
        archive_id = int(m.group(1))
    archive_id = archive_id or _file_id(path)
    title = ""
    cm = CITE_LINE_RE.search(tail)
    if cm:
        title = cm.group("title").strip()
        if date is None and cm.group("mon") in MONTHS:
            date = f"{cm.group('year')}-{MONTHS[cm.group('mon')]:02d}-{int(cm.group('day')):02d}"
    else:
        for line in lines[end:]:
            bm = BIB_TITLE_RE.match(line)
            if bm:
                title = bm.group("title").strip()
                break
    frags = []
    if start:
        frags.append(_frag(path, lines, 0, start, "post header (read: date and readers)"))
    frags.append(_frag(path, lines, end, len(lines), "reprint notice and citation block"))
    key = f"post:{archive_id}" if archive_id is not None else f"post:untitled:{path}:1"
    post = Post(key=key, title=title, label=title or (text[:40] + "…"), untitled=not title,
                date=date, readers=readers, archive_id=archive_id,
                url=SITE_URL.format(archive_id) if archive_id is not None else None,
                text=text, links=tuple(links),
                sources=(Source(path=path, line=start + 1, format=KEXUE_BODY),))
    return [post], [f for f in frags if f is not None]


def read_kexue_archive(lines: list[str], path: str) -> tuple[list[Post], list[Fragment]]:
    """Read the archive page (归档): year, month, day, title and id of every post.

    The archive is an index: its posts have no text and complete posts known from
    other sources (title and date).
    """
    posts: list[Post] = []
    frags: list[Fragment] = []
    year = month = None
    pending_start: int | None = None

    def flush(i: int) -> None:
        nonlocal pending_start
        if pending_start is not None:
            f = _frag(path, lines, pending_start, i, "site navigation, sidebar and widgets")
            if f:
                frags.append(f)
        pending_start = None

    for i, line in enumerate(lines):
        ym = ARCHIVE_YEAR_RE.match(line)
        mm = ARCHIVE_MONTH_RE.match(line)
        im = ARCHIVE_ITEM_RE.match(line)
        if ym:
            flush(i)
            year, month = int(ym.group(1)), None
        elif mm and year is not None:
            flush(i)
            month = int(mm.group(1))
        elif im and year is not None and month is not None:
            flush(i)
            aid = int(im.group("id"))
            title = unescape(im.group("title")).strip()
            posts.append(Post(key=f"post:{aid}", title=title, label=title,
                              date=f"{year:04d}-{month:02d}-{int(im.group('day')):02d}",
                              archive_id=aid, url=SITE_URL.format(aid),
                              sources=(Source(path=path, line=i + 1, format=KEXUE_ARCHIVE),)))
        elif line.strip():
            if pending_start is None:
                pending_start = i
    flush(len(lines))
    return posts, frags


def archive_link_id(url: str) -> int | None:
    """Archive id of a kexue.fm / spaces.ac.cn URL or ``/archives/ID`` path, else None."""
    m = re.match(r"^" + KEXUE_HOST + r"?/archives/(\d{1,12})(?!\d)", url)
    return int(m.group(1)) if m else None


__all__ = ["detect", "read_kexue_page", "read_kexue_body", "read_kexue_archive", "LINK_RE"]


# What the crawler needs to read the live site (graphkit.crawl.SITE_READERS): its archive
# page 归档 links every post page.
ARCHIVE_PATH = "/content.html"
POST_PATH_RE = r"/archives/\d+"


def read_page(html: str, url: str):
    """Read one live post page (``#PostContent``, the title block's id and date) with the
    HTML reader; ``(posts, fragments)`` as the file readers."""
    from .html import read_html

    return read_html(html, url)
