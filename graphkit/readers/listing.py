"""Reader of kexue.fm listing pages (the seed layouts).

Layout A (home page)::

    10 Oct
                                  <- blank lines between paragraphs
    用狄拉克函数来构造非光滑函数的光滑近似     <- title line (missing on some entries)
    在机器学习中，...                        <- excerpt paragraphs
    点击阅读全文...
    分类:信息时代    标签:编程, python 阅读全文 17 评论   <- optional, belongs to the entry above

Layout B (search results)::

    对比学习可以使用梯度累积吗?
    By 苏剑林 | 2021-06-17 | 58519位读者 | 引用在之前的文章...   <- excerpt starts on this line

In layout B a post with an empty excerpt is followed at once by the next title on its
``By`` line (``... | 引用【搜出来的文本】⋅(二)从MCMC到模拟退火``), whose own ``By`` line follows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import dates
from ..model import Fragment, Post, Source
from ..text import first_sentence, normalize_title, preview

MONTHS = dates.MONTHS
DATE_A_RE = re.compile(r"^\s*(\d{1,2})\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s*$")
BY_B_RE = re.compile(
    r"^\s*+By\s++(?P<author>[^|]++)\|\s*+(?P<date>\d{4}-\d{2}-\d{2})\s*+\|\s*+"
    r"(?P<readers>\d{1,9})\s*+位读者\s*+\|\s*+引用(?P<rest>.*)$")
MORE_RE = re.compile(r"^\s*点击阅读全文\s*(\.{3}|…)?\s*$")
META_RE = re.compile(
    r"^\s*分类\s*[:：]\s*(?P<cats>.*?)\s*(?:标签\s*[:：]\s*(?P<tags>.*?))?"
    r"\s*(?:阅读全文.*)?$")
BOILERPLATE_RE = re.compile(
    r"^\s*(宇宙驿站|版权科学空间|参与科学空间|为了保证你的利益|会员注册|最近评论\s*$|"
    r"随机文章\s*$|热门标签\s*$|友情链接\s*$)")
# A title line is short and does not end like a sentence or a clause.
_TITLE_MAX = 64
_NOT_TITLE_END = tuple("。，,；;：:、")

LISTING_A = "listing-a"
LISTING_B = "listing-b"


def detect(lines: list[str]) -> str | None:
    """Return ``"listing-a"``, ``"listing-b"`` or None for the lines of a file."""
    if any(BY_B_RE.match(line) for line in lines):
        return LISTING_B
    if any(DATE_A_RE.match(line) for line in lines) and any(MORE_RE.match(l) for l in lines):
        return LISTING_A
    return None


def looks_like_title(line: str) -> bool:
    """Return True when ``line`` can be a post title in a listing.

    A title is at most 64 characters, holds no display maths and does not end with
    sentence or clause punctuation; an excerpt's first paragraph fails one of these.
    """
    s = line.strip()
    return bool(s) and len(s) <= _TITLE_MAX and "$" not in s and not s.endswith(_NOT_TITLE_END)


@dataclass
class _Entry:
    line: int
    date: str | None
    title: str = ""
    title_line: int = 0
    readers: int | None = None
    paragraphs: list[tuple[int, str]] = field(default_factory=list)
    categories: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    end_line: int = 0


def _split_list(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    return tuple(v.strip() for v in re.split(r"[,，、]", value) if v.strip())


def _fragment(path: str, block: list[tuple[int, str]], reason: str) -> Fragment:
    return Fragment(path=path, line=block[0][0], end_line=block[-1][0], reason=reason,
                    text=preview(" ".join(t for _, t in block)))


def _blocks(numbered: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """Group consecutive non-blank lines into blocks."""
    blocks: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    for n, text in numbered:
        if text.strip():
            if current and current[-1][0] != n - 1:
                blocks.append(current)
                current = []
            current.append((n, text))
    if current:
        blocks.append(current)
    return blocks


def _to_post(entry: _Entry, path: str, fmt: str) -> Post:
    paragraphs = entry.paragraphs
    text = "\n".join(t.strip() for _, t in paragraphs)
    if entry.title:
        key = "post:title:" + normalize_title(entry.title)
        label = entry.title
    else:
        key = f"post:untitled:{path}:{entry.line}"
        label = first_sentence(text) or f"untitled ({path}:{entry.line})"
    return Post(key=key, title=entry.title, label=label, untitled=not entry.title,
                date=entry.date, readers=entry.readers, text=text,
                categories=entry.categories, tags=entry.tags,
                sources=(Source(path=path, line=entry.title_line or entry.line, format=fmt),))


def _strip_trailing_boilerplate(entry: _Entry, path: str, fragments: list[Fragment]) -> None:
    paragraphs = entry.paragraphs
    while paragraphs and BOILERPLATE_RE.match(paragraphs[-1][1]):
        n, t = paragraphs.pop()
        fragments.append(_fragment(path, [(n, t)], "site boilerplate"))


def read_listing_a(lines: list[str], path: str) -> tuple[list[Post], list[Fragment]]:
    """Read a layout-A listing.

    Parameters
    ----------
    lines : list of str
        The file's lines, without line ends.
    path : str
        File name used in sources and fragments.

    Returns
    -------
    posts : list of Post
        One per entry, in file order, with dates ``--MM-DD`` (the layout gives no year).
    fragments : list of Fragment
        Boilerplate and stray text, with line numbers.
    """
    posts: list[Post] = []
    fragments: list[Fragment] = []
    entry: _Entry | None = None
    closed = False  # the entry saw its 点击阅读全文 marker
    stray: list[tuple[int, str]] = []

    def flush_stray(reason: str) -> None:
        for block in _blocks(stray):
            fragments.append(_fragment(path, block, reason))
        stray.clear()

    def finish() -> None:
        if entry is None:
            return
        _strip_trailing_boilerplate(entry, path, fragments)
        paragraphs = entry.paragraphs
        if paragraphs and looks_like_title(paragraphs[0][1]) and len(paragraphs) > 1:
            entry.title_line, title = paragraphs[0]
            entry.title = title.strip()
            entry.paragraphs = paragraphs[1:]
        posts.append(_to_post(entry, path, LISTING_A))

    for n, line in enumerate(lines, 1):
        m = DATE_A_RE.match(line)
        if m:
            finish()
            flush_stray("site boilerplate" if entry is None else "text between entries")
            date = f"--{MONTHS[m.group(2)]:02d}-{int(m.group(1)):02d}"
            entry = _Entry(line=n, date=date)
            closed = False
            continue
        if not line.strip():
            continue
        if entry is None:
            stray.append((n, line))
            continue
        if MORE_RE.match(line):
            closed = True
            continue
        meta = META_RE.match(line) if line.lstrip().startswith("分类") else None
        if closed and meta:
            entry.categories = _split_list(meta.group("cats"))
            entry.tags = _split_list(meta.group("tags"))
            continue
        if closed:
            stray.append((n, line))
            continue
        entry.paragraphs.append((n, line))
    finish()
    flush_stray("site boilerplate" if entry is None else "text after the last entry")
    return posts, fragments


def read_listing_b(lines: list[str], path: str) -> tuple[list[Post], list[Fragment]]:
    """Read a layout-B listing (title line, then ``By author | date | N位读者 | 引用excerpt``).

    Parameters
    ----------
    lines : list of str
        The file's lines, without line ends.
    path : str
        File name used in sources and fragments.

    Returns
    -------
    posts : list of Post
        One per entry, in file order, with full dates and reader counts.
    fragments : list of Fragment
        Boilerplate before the first entry and after the last one.
    """
    by = [(i, BY_B_RE.match(line)) for i, line in enumerate(lines)]
    by_idx = [(i, m) for i, m in by if m]
    fragments: list[Fragment] = []
    # title of each By line: the line before, or the rest of the previous By line.
    titles: list[tuple[int, str]] = []   # (0-based index of the title line, title)
    rest_is_title: set[int] = set()
    for i, m in by_idx:
        j = i - 1
        while j >= 0 and not lines[j].strip():
            j -= 1
        prev = BY_B_RE.match(lines[j]) if j >= 0 else None
        if prev is not None:
            titles.append((j, prev.group("rest").strip()))
            rest_is_title.add(j)
        else:
            titles.append((j, lines[j].strip() if j >= 0 else ""))
    first_title = titles[0][0] if titles else len(lines)
    head = [(n + 1, lines[n]) for n in range(0, max(first_title, 0))]
    for block in _blocks(head):
        fragments.append(_fragment(path, block, "site boilerplate"))
    posts: list[Post] = []
    for k, (i, m) in enumerate(by_idx):
        title_idx, title = titles[k]
        stop = titles[k + 1][0] if k + 1 < len(by_idx) else len(lines)
        if k + 1 < len(by_idx) and titles[k + 1][0] == i:
            stop = i + 1  # next title sits on this By line
        paragraphs: list[tuple[int, str]] = []
        rest = m.group("rest").strip()
        if rest and i not in rest_is_title:
            paragraphs.append((i + 1, rest))
        for n in range(i + 1, stop):
            if lines[n].strip():
                paragraphs.append((n + 1, lines[n]))
        entry = _Entry(line=i + 1, date=m.group("date"), title=title,
                       title_line=title_idx + 1, readers=int(m.group("readers")),
                       paragraphs=paragraphs)
        _strip_trailing_boilerplate(entry, path, fragments)
        posts.append(_to_post(entry, path, LISTING_B))
    return posts, fragments
