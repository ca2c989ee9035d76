"""Reader of web pages captured as Markdown: a scraper's copy of a whole post page.

A capture holds the page as a reader sees it, in Markdown: the site's banner and menu,
the post's title heading and its meta line (date, author, category), the post, then what
the theme puts around it (tags, links to the previous and next post, related posts,
comments, the sidebar's widgets). These kinds are recognised:

- Jina Reader's (``r.jina.ai``): a header of ``Title:``, ``URL Source:`` and
  ``Published Time:`` lines over a ``Markdown Content:`` line, then the page;
- a crawler's that keeps the post's title heading as the theme draws it, a link to the
  page's own address (``# [Title](https://host/path)``), below the site's menu (two or
  more lines of links alone to absolute addresses);
- a crawler's whole page whose title is a plain heading (Firecrawl's, crawl4ai's): the
  first level-1 heading below such a menu and above a heading of the theme's furniture;
- a converter's copy of a whole page (markdownify's, html2text's): the page's ``<title>``
  as its first line naming a heading below (:func:`_title_line`), or a menu or banner
  as above; html2text's wrapped lines and addresses are joined first.

Only the post is the post's text: it starts below its title heading (the heading that
the page's title names, Jina's ``Title:`` less the site's name) and its meta lines, and
ends at the first heading of what themes add after a post (:data:`FURNITURE_HEADING_RE`:
相关文章, 评论, Related posts, Comments, Leave a Reply, Recent Posts…) or at the site's
footer (:data:`_END_LINE_RE`). The post's tags and categories line (``标签：``,
``Tags:``, links alone to tag pages) is read as such, and what follows it and the last
sentence, like a line of links to the previous and next post, is the theme's. A list
page (:func:`listing_reason`) is no post. Everything set aside is listed in the parse
report with its lines and the reason. A row of a scraper's JSON Lines that holds such a
page, or a whole HTML page, gives its post the same way (:func:`page_in_text`).

References
----------
.. [1] Jina AI, "Reader" (``r.jina.ai``: the ``Title`` / ``URL Source`` / ``Published
   Time`` / ``Markdown Content`` response), https://github.com/jina-ai/reader
.. [2] Mozilla, Readability.js (the page furniture a reader view leaves out: comments,
   related posts, sidebars, sharing), https://github.com/mozilla/readability
.. [3] html2text (``body_width`` 78 and its line wrapping), https://github.com/Alir3z4/html2text;
   markdownify, https://github.com/matthewwithanm/python-markdownify
"""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import urlsplit

from ..dates import is_full, parse_date
from ..model import Fragment, Post
from ..sites import LIST_FOLDERS, TAXONOMY_FOLDERS, date_archive_path, site_page_kind
from ..text import normalize_title, preview, split_lines
from .frontmatter import MARKDOWN_ENDINGS, markdown_post
from . import kexue
from .html import (LISTED_ANCHOR_CHARS, MAX_LISTED_LINKS, TITLE_PARTS_RE, read_html,
                   title_leads, whole_page)
from .markdown import (LINK_RE, URL_REST_RE, WRAPPED_URL_RE, inline_to_text, reference_definition,
                       reference_label, soft_break)

CAPTURE = "page-capture"
CAPTURE_LISTING = "page-capture-listing"

_JINA_FIELD_RE = re.compile(r"^(Title|URL Source|Published Time|Description|Image|Warning"
                            r"|Number of Pages):[ \t]?(.*)$")
_JINA_CONTENT_RE = re.compile(r"^Markdown Content:[ \t]*$")
_ATX_RE = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*))?$")
_SETEXT_RE = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_LIST_MARK_RE = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+")

# the headings of what a theme puts after a post (Readability's "unlikely candidates":
# comments, related posts, sharing, the sidebar's widgets), in Chinese, Japanese and
# English; a count may open them ("2 条评论", "3 Comments") and a colon close them
FURNITURE_HEADING_RE = re.compile(
    r"^(?:已有[ \t]*)?(?:\d{1,9}[ \t]*)?(?:相关文章|相关推荐|推荐文章|文章推荐|推荐阅读|相关阅读|延伸阅读|精彩推荐"
    r"|热门推荐|猜你喜欢|你可能(?:也)?(?:喜欢|感兴趣)"
    r"|你也许(?:还)?对.{0,12}感兴趣|热门文章|最新文章|近期文章|最近文章|随机文章|热评文章"
    r"|条?评论|评论区|发表评论|添加新评论|(?:条)?留言|条回复|文章归档|标签云|友情链接|分享(?:到|本文|文章)?"
    r"|文章导航|関連記事|コメント"
    r"|related(?:[ \t]+(?:posts?|articles?|reading|content))?|you[ \t]+(?:may|might)[ \t]+"
    r"also[ \t]+(?:like|enjoy)|recent[ \t]+(?:posts?|articles?|comments?)|popular[ \t]+posts?"
    r"|latest[ \t]+posts?|more[ \t]+posts?|read[ \t]+next|comments?|leave[ \t]+a[ \t]+"
    r"(?:reply|comment)(?:[ \t]+cancel[ \t]+reply)?|post[ \t]+a[ \t]+comment|responses?"
    r"|replies|thoughts?[ \t]+on[ \t].*|share[ \t]+this(?:[ \t]+(?:post|article))?"
    r"|post[ \t]+navigation|blogroll|archives|more[ \t]+from[ \t].*|recommended[ \t]+from[ \t].*"
    r"|discussion[ \t]+about[ \t]+this[ \t]+post|ready[ \t]+for[ \t]+more\??|subscribe(?:[ \t]+to"
    r"[ \t].*)?|about[ \t]+the[ \t]+author|written[ \t]+by[ \t].*|关于作者)"
    r"(?:[ \t]*[(（]\d{1,9}[)）])?[ \t]*[:：]?$", re.I)

# a line that ends a post on its page: 博客园's (cnblogs) "posted @ DATE author 阅读(N)
# 评论(N)" under every post; the site's footer ("© 2024 …", "Copyright © 2024", "Powered
# by Hugo & PaperMod", a Chinese site's ICP licence number)
_END_LINE_RE = re.compile(
    r"^[ \t]*(?:[-*+][ \t]+)?(?:posted[ \t]+@[ \t]+\d{4}-\d{1,2}-\d{1,2}\b"
    r"|(?:©|\(c\)|copyright[ \t]*(?:©|\(c\))?[ \t]*(?:\d{4}|\w+[ \t]+\d{4}))"
    r"|powered[ \t]+by\b|[^\n]{0,40}ICP备\d{4})", re.I)

# the line under a post's words that says when it was published, ending it (知乎's
# "发布于 2019-01-02 18:45・IP 属地北京", "编辑于 …")
_PUBLISHED_END_RE = re.compile(r"^[ \t]*(?:发布于|编辑于)[ \t]*\d{4}-\d{1,2}-\d{1,2}\b")
# a line of links to the previous and next post: the links and these words or arrows
_NAV_WORD_RE = re.compile(r"«|»|‹|›|←|→|<<|>>|上一篇|下一篇|上篇|下篇|前一篇|后一篇|上一页|下一页"
                          r"|前の記事|次の記事|\b(?:previous|prev|next|older|newer)\b", re.I)
_NAV_REST_RE = re.compile(r"^[\s|·•/:：,，、()\[\]-]*$")
# a theme's line naming the post's own address under it (Butterfly's and NexT's copyright
# block: "文章链接: https://…", "本文链接：…", "Permalink: …"); not 原文链接, a repost's source
_PERMALINK_RE = re.compile(r"^[ \t]*(?:[-*+][ \t]+)?(?:[*_]{1,2})?(?:本文链接|文章链接|本文地址|永久链接"
                           r"|permalink|post[ \t]+link|link[ \t]+to[ \t]+this[ \t]+post)"
                           r"(?:[*_]{1,2})?[ \t]*[:：][ \t]*(?:[*_]{1,2})?"
                           r"(?:<(https?://[^\s<>]+)>|\[[^\[\]\n]*\]\((https?://[^\s()]+)\)"
                           r"|(https?://[^\s<>()\[\]]+))[ \t]*(?:[*_]{1,2})?[ \t]*$", re.I)
# the title of a tag's, a category's or the archive's page ("标签：位置编码 | Blog", "Tag:
# rope", "Posts tagged rope", "Archives")
_LIST_TITLE_RE = re.compile(r"^[ \t]*(?:(?:标签|分类|归档|存档|タグ|カテゴリー|tag|category|archives?)"
                            r"[ \t]*[:：]|posts[ \t]+(?:tagged|in|filed[ \t]+under)[ \t]"
                            r"|(?:archives?|归档|文章归档|所有文章|all[ \t]+posts)(?:[ \t]+[-|–—_·][ \t]|$))",
                            re.I)
# the text of a link to the rest of a post under its summary on a list page
_READ_MORE_RE = re.compile(r"^[ \t]*(?:点击)?(?:阅读全文|阅读更多|继续阅读|查看全文|全文を読む|続きを読む"
                           r"|read[ \t]+(?:more|the[ \t]+rest|on|full[ \t]+(?:post|article))"
                           r"|continue[ \t]+reading|keep[ \t]+reading)\b.{0,40}$", re.I)
# a line of the post's tags or categories under it (both, each after its own word)
_TAXONOMY_WORDS = (r"(?:[*_]{1,2})?(标签|分类|归档于|Tags?|Labels?|Categories|Category|Filed[ \t]+under"
                   r"|Posted[ \t]+in)(?:[*_]{1,2})?[ \t]*[:：]")
_TAXONOMY_RE = re.compile(r"^[ \t]*" + _TAXONOMY_WORDS, re.I)
_TAXONOMY_WORD_RE = re.compile(_TAXONOMY_WORDS, re.I)
# what a meta line under the title says besides its date
_BYLINE_RE = re.compile(r"^(?:by\b|posted\b|published\b|written\b|updated\b|发表于|发布于|作者"
                        r"|posted on)", re.I)
_MAX_META_CHARS = 200
# a meta line's word before its date ("时间: 2021-07-08", "Date: March 4, 2020")
_DATE_LABEL_RE = re.compile(r"^[ \t]*(?:时间|日期|发布时间|发表时间|发表日期|发布日期|更新时间|date|published"
                            r"|posted(?:[ \t]+on)?)[ \t]*[:：][ \t]*", re.I)
_META_PARTS_RE = re.compile(r"[·•|｜]|[ \t]{2,}")
# a line of counts under a title (views, reading time, likes): "阅读量1.2k 收藏 12", "3 min read"
_COUNTS_RE = re.compile(r"\d[\d.,]*[kKwW万]?[ \t]*(?:次阅读|阅读|浏览|views?\b|reads?\b|min(?:ute)?s?"
                        r"[ \t]+read\b|分钟|likes?\b|赞)|(?:阅读量?|浏览量?|字数|点赞数?|收藏|"
                        r"views?|likes?)[ \t]*[:：]?[ \t]*\d", re.I)


def jina_header(lines: list[str]) -> tuple[dict[str, str], int] | None:
    """Jina Reader's header: its fields (``Title``, ``URL Source``, ``Published Time``…)
    and the index of the first line below ``Markdown Content:``; None for other text."""
    first = next((i for i, line in enumerate(lines[:40]) if line.strip()), None)
    if first is None or not lines[first].startswith("Title:"):
        return None
    fields: dict[str, str] = {}
    for i in range(first, min(len(lines), first + 40)):
        line = lines[i]
        if _JINA_CONTENT_RE.match(line):
            return fields, i + 1
        if not line.strip():
            continue
        m = _JINA_FIELD_RE.match(line)
        if m is None:
            return None
        fields.setdefault(m.group(1), m.group(2).strip())
    return None


def _headings(lines: list[str], start: int, end: int) -> list[tuple[int, int, int, str, str]]:
    """``(line, level, next line, raw text, text)`` of each ATX and setext heading, and of
    each list item that is an ATX heading (``* ### [Title](…)``: a theme's card of a
    post, as a converter writes it)."""
    out = []
    for i in range(start, end):
        line = lines[i]
        item = line.lstrip(" ")
        if item[:1] in "-*+" and item[1:2] == " " and item[2:].lstrip(" ")[:1] == "#":
            line = item[2:].lstrip(" ")          # (a list item that is a heading: a card)
        m = _ATX_RE.match(line) if line[:4].lstrip(" ")[:1] == "#" else None
        if m:
            raw = (m.group(2) or "").rstrip(" \t")
            bare = raw.rstrip("#")              # (a closing sequence: " ##")
            if bare != raw and (not bare or bare[-1] in " \t"):
                raw = bare
            raw = raw.strip()
            out.append((i, len(m.group(1)), i + 1, raw, _heading_text(raw)))
        elif (i + 1 < end and line.strip() and _SETEXT_RE.match(lines[i + 1])
              and not _LIST_MARK_RE.match(line) and not line.lstrip().startswith((">", "|"))
              and (i == start or not lines[i - 1].strip())):
            level = 1 if lines[i + 1].strip()[0] == "=" else 2
            raw = line.strip()
            out.append((i, level, i + 2, raw, _heading_text(raw)))
    return out


def _heading_text(raw: str) -> str:
    """A heading's text, without the anchor marks themes put beside it (``#``, ``¶``,
    ``§``: ``## [#](#comments) Comments``, ``## 评论[¶](#评论)``)."""
    return inline_to_text(raw)[0].strip(" \t#¶§")


def _own_link(raw: str) -> str | None:
    """The address a heading is a link to when it is one link alone to a page below a
    site's root (``[Title](https://host/path)``), else None."""
    m = LINK_RE.fullmatch(raw)
    if m is None or m.group("img"):
        return None
    url = m.group("url").strip("<>")
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or parts.path.strip("/") == "":
        return None
    return url


def _home_link(raw: str) -> bool:
    """True for a heading that is one link alone to a site's home page (its banner)."""
    m = LINK_RE.fullmatch(raw)
    if m is None or m.group("img"):
        return False
    try:
        parts = urlsplit(m.group("url").strip("<>"))
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https", "") and parts.path.strip("/") == ""


def _linked_title(heads):
    """The one heading of level 1 or 2 that is a link to a page of the site (the post's
    title as its theme draws it, ``# [Title](https://host/path)``), not the site's name
    (a link to the site's root, or to a folder above the other heading's page: a blog on
    a hosting platform, ``# [Alice](https://host/alice/)``); None when there is none, or
    when two are (a listing of posts)."""
    linked = [(h, _own_link(h[3])) for h in heads if h[1] <= 2 and _own_link(h[3])]
    if len(linked) == 2:
        (a, url_a), (b, url_b) = linked
        if _folder_of(url_a, url_b):
            return b
        if _folder_of(url_b, url_a):
            return a
    return linked[0][0] if len(linked) == 1 else None


def _folder_of(folder: str, page: str) -> bool:
    """True when the address ``folder`` is a folder above ``page`` on the same host."""
    try:
        a, b = urlsplit(folder), urlsplit(page)
    except ValueError:
        return False
    top = a.path.rstrip("/") + "/"
    return (a.netloc.lower() == b.netloc.lower() and not a.query
            and b.path.startswith(top) and len(b.path.rstrip("/")) > len(top))


def _home_heading(raw: str, title_url: str | None) -> bool:
    """True for a heading that names the site: a link to its root, or to a folder above
    the post title's address ``title_url``."""
    if _home_link(raw):
        return True
    url = _own_link(raw)
    return url is not None and title_url is not None and _folder_of(url, title_url)


# what no plain line opens with (a heading, a quotation, a table, a tag, an image, a
# link, code, a list item, a setext underline): the first line of a converter's copy
# that keeps the page's <title> (markdownify's) is plain
_PLAIN_START_RE = re.compile(r"^[ \t]*(?:[#>|<!\[`*+=~]|-|\d{1,9}[.)][ \t])")


def _title_line(lines: list[str], heads):
    """The page's ``<title>`` as the first line of a converter's copy of the page, and the
    heading it names: ``(line index, heading)``, else None.

    The first line of the text, plain (no heading, link, list or quotation), names a
    heading below it (its whole text, its first or last part around a separator: ``Title
    - Blog``, ``Title | Blog``; or what follows a site's name and a colon, Blogger's
    ``Blog: Title``), with the site's banner or menu between them. ``heads`` are the
    page's headings (:func:`_headings`)."""
    first = next((i for i, line in enumerate(lines[:6]) if line.strip()), None)
    if first is None:
        return None
    line = lines[first].strip()
    if len(line) > 300 or _PLAIN_START_RE.match(line) or "](" in line:
        return None
    names = _title_names(line)
    between = False
    for h in heads:
        if h[0] <= first:
            continue
        if h[0] > first + 1 and any(lines[k].strip() for k in range(first + 1, h[0])):
            between = True
        if between and h[1] <= 3 and not _home_link(h[3]) and normalize_title(h[4]) in names:
            return first, h
        if h[0] > 400:
            break
    return None


def _menu_like(line: str) -> bool:
    """A quick test for a line of one link alone (``[x](…)``, ``- [x](…)``): no regular
    expression, so that a post's text alone costs little."""
    s = line.strip()
    if s[:2] in ("- ", "* ", "+ "):
        s = s[2:].lstrip()
    # (or its address wrapped at a hyphen, or a link by reference: "[About][2]")
    return s[:1] == "[" and s[-1:] in (")", "-", "]")


def _menu_lines(lines: list[str], start: int, end: int) -> int:
    """How many links of a site's menu ``lines[start:end]`` hold: the links of each list
    item or paragraph of links alone (its lines joined: html2text wraps a line of links
    at 78 characters, ``[About](https://host/about.html`` ⏎ ``"About")``), each to an
    absolute address, or to an address from the site's root (``/posts/``) when one of
    them is the root itself (``[Home](/)``: a notes folder's relative links are no
    site's menu)."""
    absolute = rooted = 0
    home = False
    paragraph: list[str] = []
    for line in [*lines[start:end], ""]:
        s = line.strip()
        if not s or _LIST_MARK_RE.match(line) or s[:1] == "#":
            joined = " ".join(paragraph)
            if paragraph and _links_only(joined):
                urls = [m.group("url").strip("<>") for m in LINK_RE.finditer(joined)]
                if all(re.match(r"https?://", u, re.I) for u in urls):
                    absolute += len(urls)
                elif all(u[:1] == "/" and u[1:2] != "/" for u in urls):
                    rooted += len(urls)
                    home = home or "/" in urls
            paragraph = [s] if s else []
        else:
            paragraph.append(s)
    return absolute + (rooted if home else 0)


def _links_only(line: str) -> bool:
    """True for a line that holds links and nothing else (a menu's line)."""
    rest = LINK_RE.sub("", _LIST_MARK_RE.sub("", line, count=1))
    return rest != line and not rest.strip(" \t|·•/-")


def detect(lines: list[str], path: str) -> str | None:
    """The kind of web page captured as Markdown a Markdown or text file is, else None.

    :data:`CAPTURE` for a post's page: Jina Reader's header; Pandoc's YAML block of the
    page's ``<title>`` and ``<meta>`` values (:func:`pandoc_page`); a first line, the
    page's ``<title>``, that names a heading below (:func:`_title_line`); one heading of
    level 1 or 2 that is a link to a page of the site (:func:`_linked_title`) below two
    or more links alone (the site's menu, :func:`_menu_lines`), with no other level-1
    heading above it than the site's name; or a plain title heading below such a menu
    or a banner (:func:`_plain_title`). :data:`CAPTURE_LISTING` for one of the site's
    list pages (:func:`listing_reason`).
    """
    if not path.lower().endswith((*MARKDOWN_ENDINGS, ".txt")):
        return None
    page = pandoc_page(lines)
    if page is not None:           # (a whole page, whatever else its text shows)
        cleaned = _pandoc_cleaned(lines, page[1])
        return (CAPTURE_LISTING if listing_reason([""] * page[1] + cleaned[page[1]:],
                                                  ({"Title": page[0]}, page[1])) is not None
                else CAPTURE)
    return _kind(lines)


def _may_be_page(text: str) -> bool:
    """A quick test, with no regular expression over the whole text, that a text may be
    a captured page: Jina's header, two menu-like lines (:func:`_menu_like`) in its first
    400 lines, a heading opening it (a copy from the title on), or a plain first line that
    a heading below names (a converter's copy that opens with the page's ``<title>``,
    :func:`_title_line`); a note or a post's text alone, most of what is read, fails it
    at once."""
    if "Markdown Content:" in text[:5000] or text.lstrip()[:1] == "#":
        return True
    head = text.split("\n", 400)[:400]
    if sum(map(_menu_like, head)) >= 2:
        return True
    first = next((line.strip() for line in head[:6] if line.strip()), "")
    if not first or len(first) > 300 or _PLAIN_START_RE.match(first) or "](" in first:
        return False
    names = None
    for line in head:
        if line[:1] != "#":
            continue
        raw = line.lstrip("#").strip()
        if raw[:1] == "[":                   # (a heading that links: its text)
            raw = raw[1:].split("](", 1)[0]
        if raw and raw.rstrip("# ") in first:     # (a quick test before the exact one)
            names = names if names is not None else _title_names(first)
            if normalize_title(_heading_text(line.lstrip("#"))) in names:
                return True
    return False


def _title_names(title: str) -> list[str]:
    """What a page's ``<title>`` may name its post's title heading by, normalised: the
    whole, its first or last part around a separator (``Title - Blog``, ``Title |
    Blog``), what follows its first colon (Blogger's ``Blog: Title``)."""
    parts = [p.strip() for p in TITLE_PARTS_RE.split(title) if p.strip()]
    names = [normalize_title(title)]
    if len(parts) > 1:
        names += [normalize_title(parts[0]), normalize_title(parts[-1])]
    head, colon, tail = title.partition(": ")
    if colon and tail.strip():
        names.append(normalize_title(tail))
    return [n for n in names if len(n) >= 2]


def _unwrapped(lines: list[str]) -> list[str]:
    """``lines`` with each link's address that a converter wrapped after a hyphen
    (html2text wraps at 78 characters, addresses too: ``[post](https://host/my-`` ⏎
    ``post/)``) joined on its first line, its second left blank, so that line numbers
    hold; the same list when nothing is wrapped."""
    out = None
    for i in range(len(lines) - 1):
        line = lines[i].rstrip()
        if (line[-1:] == "-" and "](" in line and WRAPPED_URL_RE.search(line[-2000:])
                and URL_REST_RE.match(lines[i + 1].strip())):
            out = out or list(lines)
            out[i], out[i + 1] = out[i].rstrip() + out[i + 1].strip(), ""
    return out or lines


def _paragraphs_joined(lines: list[str], start: int = 0) -> list[str]:
    """``lines`` from ``start`` on with each paragraph that a converter wrapped (html2text
    wraps at 78 characters) joined on its first line (as
    :func:`~graphkit.readers.markdown.soft_break` says), its other lines left blank, so
    that line numbers hold. A heading, a list item, a quotation, a table's row, code
    (fenced or indented) and a line that ends in a hard break stay as they are, and so
    does a setext heading (its text and its underline); the same list when nothing is
    wrapped."""
    out = None
    fence = ""
    at = -1                  # (the line the paragraph being read opened on, else -1)
    pieces: list[str] = []   # (its lines and the breaks between them)

    def close() -> None:
        if len(pieces) > 1:
            out[at] = "".join(pieces)

    for i in range(start, len(lines)):
        line = lines[i]
        s = line.strip()
        if fence:
            fence = "" if s.startswith(fence) else fence
            continue
        block = (not s or s[:1] in "#>|`~" or _LIST_MARK_RE.match(line) is not None
                 or line.startswith(("    ", "\t")) or _SETEXT_RE.match(line) is not None
                 or (i + 1 < len(lines) and _SETEXT_RE.match(lines[i + 1]) is not None))
        if at >= 0 and not block:
            out = out if out is not None else list(lines)
            pieces += [soft_break(pieces[-1], s), s]
            out[i] = ""
            if not line.endswith(("  ", "\\")):
                continue
            block = True                    # (a hard break: the paragraph ends with it)
        if at >= 0:
            close()
            at, pieces = -1, []
        if s[:3] in ("```", "~~~"):
            fence = s[:3]
        elif s and not block and not line.endswith(("  ", "\\")):
            at, pieces = i, [line.rstrip()]
    if at >= 0:
        close()
    return out if out is not None else lines


# the <meta name> keys of a web page, which Pandoc's standalone conversion of the page
# puts in the YAML block it opens with (beside its <title>); keys a blog's own front
# matter has no use for
_PAGE_META_KEYS = frozenset({"viewport", "referrer", "robots", "theme-color",
                             "format-detection", "generator", "msapplication-tilecolor"})
_YAML_KEY_RE = re.compile(r"^([A-Za-z][\w:.-]*):[ \t]?(.*)$")
# Pandoc's fenced div's fence (``::: {#main .post}``, ``:::``), a raw block tag's line
_DIV_FENCE_RE = re.compile(r"^[ \t]*:{3,}")
_RAW_BLOCK_RE = re.compile(r"^[ \t]*</?(?:div|section|article|header|footer|nav|aside|main|span"
                           r"|figure|figcaption|form|button|label|input|ul|ol|li|table|tbody"
                           r"|thead|tr|td|th|center|font|noscript|i|svg|path)\b", re.I)
_RAW_LINK_RE = re.compile(r"<a\s[^<>]*?href=\"([^\"<>]*)\"[^<>]*>"
                          r"([^<]*(?:<(?!/a>|a\s)[^<>]*>[^<]*)*)</a>", re.I)
_RAW_TAG_RE = re.compile(r"</?(?:span|img|i|b|strong|em|br|time|abbr|small|sup|sub|font)\b"
                         r"[^<>]*>", re.I)
# Pandoc's attributes after a link, an image or a heading (``](/a/){rel="tag"}``,
# ``# Title {#title .post-title}``), and a span's (``[text]{.class}``)
_ATTRIBUTES_RE = re.compile(r"(?<=\))\{[^{}\n]*\}|[ \t]+\{[#.][^{}\n]*\}[ \t]*$")
_SPAN_RE = re.compile(r"\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]\{[^{}\n]*\}")


def _left_open(line: str) -> bool:
    """True when a line of Pandoc's leaves a raw tag (``<span class="x"``), a raw link
    (``<a href="/a/">text``) or an attribute block (``{#id``) open at its end."""
    if "<" in line:
        if line.rfind("<") > line.rfind(">"):
            return True
        at = line.rfind("<a ")
        if at >= 0 and "</a>" not in line[at:]:
            return True
    return "{" in line and line.rfind("{") > line.rfind("}")


def pandoc_page(lines: list[str]) -> tuple[str, int] | None:
    """The page's title and the index of the first line after the YAML block when
    ``lines`` are a whole web page Pandoc converted to Markdown standalone (``pandoc -s
    -f html -t markdown`` or ``-t gfm``): a YAML block of the page's ``<title>`` and its
    ``<meta name>`` values (:data:`_PAGE_META_KEYS`: ``viewport``, ``generator``…), or
    of its ``<title>`` and ``<html lang>`` alone over three or more of the page's divs
    (``::: {#main}``, ``::: post``, ``<div class="post">``) or with a ``|`` Pandoc
    escaped (``Title \\| Blog``); else None."""
    head = _yaml_head(lines)
    if head is None or "title" not in head[0]:
        return None
    keys, end = head
    if not _PAGE_META_KEYS & set(keys):
        # (a page with no <meta name>: its <html lang> and <title> alone, over the page's
        # layout as Pandoc keeps it, divs fenced or raw)
        if "lang" not in keys or set(keys) - {"title", "lang", "dir", "description",
                                               "author", "keywords"}:
            return None
        divs = sum(1 for line in lines[end:end + 300]
                   if line.lstrip().startswith((":::", "<div ")) and line.strip(": "))
        if divs < 3 and "\\|" not in keys["title"]:      # (Pandoc's escaped "|")
            return None
    title = keys["title"].replace("\\|", "|")
    # (Pandoc's Markdown writes an en dash and an em dash back as -- and ---)
    return title.replace(" --- ", " — ").replace(" -- ", " – "), end


def _yaml_head(lines: list[str]) -> tuple[dict[str, str], int] | None:
    """The keys (lower-cased, the first of each) and plain values (stripped, unquoted)
    of the YAML block a text opens with, within its first 80 lines, and the index of the
    line after it; None for a text that opens with none."""
    if not lines or lines[0].strip() != "---":
        return None
    keys: dict[str, str] = {}
    for i in range(1, min(len(lines), 80)):
        if lines[i].strip() in ("---", "..."):
            return keys, i + 1
        m = _YAML_KEY_RE.match(lines[i])
        if m is not None:
            keys.setdefault(m.group(1).lower(), m.group(2).strip().strip("'\""))
    return None


def _pandoc_cleaned(lines: list[str], start: int) -> list[str]:
    """The lines of a Pandoc page from ``start`` on as plain Markdown: its fenced divs'
    fences and raw block tags (over lines too) blank, a paragraph's lines joined, raw
    links (``<a href="…">text</a>``) as Markdown links, other inline tags and the
    attributes after links, images and headings left out, a span as its text. Line
    numbers hold."""
    out = list(lines)
    i = start
    while i < len(out):     # (a raw link, a tag or attributes over lines, as Pandoc wraps
        line = out[i]       # at 72 characters: joined)
        k = i
        while _left_open(line) and k + 1 < len(out) and k - i < 10 and out[k + 1].strip():
            k += 1
            line = line.rstrip() + " " + out[k].strip()
            out[k] = ""
        out[i] = line
        i = k + 1
    open_tag = False
    for i in range(start, len(out)):
        line = out[i]
        if open_tag:
            open_tag = ">" not in line
            out[i] = ""
        elif _DIV_FENCE_RE.match(line):
            out[i] = ""
        elif _RAW_BLOCK_RE.match(line) and not _RAW_LINK_RE.search(line):
            open_tag = ">" not in line.split("<", 1)[1]
            out[i] = ""
    out = _paragraphs_joined(out, start)
    for i in range(start, len(out)):
        line = out[i]
        if "<" in line:
            line = _RAW_LINK_RE.sub(lambda m: f"[{_RAW_TAG_RE.sub('', m.group(2)).strip()}]"
                                              f"({m.group(1)})", line)
            line = _RAW_TAG_RE.sub("", line)
        if "{" in line:
            line = _SPAN_RE.sub(r"\1", _ATTRIBUTES_RE.sub("", line))
        out[i] = line
    return out


# the start of a link reference definition's line (``[1]: …``)
_REF_START_RE = re.compile(r"^ {0,3}\[[^\]\^\n][^\]\n]{0,998}\]:")
# a link by reference (``[text][1]``, ``[text][]``): its text and its label
_REFERENCE_LINK_RE = re.compile(r"(!?)\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]\[([^\[\]\n]{0,999})\]")


def _inlined_references(lines: list[str]) -> list[str]:
    """``lines`` with each link by reference (``[text][1]``) written inline with the
    address its definition gives (``[1]: https://…``, which html2text's
    ``inline_links = False`` and other converters list at the page's end, after what
    the theme adds to the post), the definitions' lines left blank so that line numbers
    hold; the same list when it defines no reference."""
    defined: dict[str, str] = {}
    at: list[int] = []
    for i, line in enumerate(lines):
        if "]:" in line:
            after = lines[i + 1].strip() if i + 1 < len(lines) else ""
            found, both = None, bool(after) and _REF_START_RE.match(line) is not None
            if (both and line.rstrip()[-1:] == "-"
                    and not any(c.isspace() for c in after)):  # (an address wrapped at "-")
                found = reference_definition(line.rstrip() + after)
            if found is None:
                found = reference_definition(line)
                both = both and found is None
                if both:              # (its address or its title on the next line)
                    found = reference_definition(line.rstrip() + " " + after)
            if found is not None:
                defined.setdefault(found[0], found[1])
                at += [i, i + 1] if both else [i]
    if not defined:
        return lines
    out = list(lines)
    for i in at:
        out[i] = ""

    def inline(m: re.Match) -> str:
        url = defined.get(reference_label(m.group(3) or m.group(2)))
        return m.group(0) if url is None else f"{m.group(1)}[{m.group(2)}]({url})"

    for i, line in enumerate(out):
        if "][" in line:
            out[i] = _REFERENCE_LINK_RE.sub(inline, line)
    return out


def _kind(lines: list[str]) -> str | None:
    """:func:`detect` of any text, whatever its file's name."""
    if not _may_be_page("\n".join(lines[:400])):
        return None
    lines = _inlined_references(_unwrapped(lines))
    header = jina_header(lines)
    if header is not None:
        return CAPTURE_LISTING if listing_reason(lines, header) is not None else CAPTURE
    found = _headings(lines, 0, min(len(lines), 5000))      # (once, for both questions)
    if listing_reason(lines, None, heads=found) is not None:
        return CAPTURE_LISTING
    heads = [h for h in found if h[0] < 400]
    if _title_line(lines, heads) is not None:
        return CAPTURE
    title = _linked_title(heads)
    if title is None:
        return CAPTURE if _plain_title(lines, heads) is not None else None
    own = _own_link(title[3])
    if any(h[1] == 1 and not _home_heading(h[3], own) for h in heads if h[0] < title[0]):
        return None
    if _menu_lines(lines, 0, title[0]) >= 2:
        return CAPTURE
    return CAPTURE if _dated_then_furniture(lines, title) else None


def _dated_then_furniture(lines: list[str], title) -> bool:
    """True when the title heading ``title`` opens the page (nothing but blank lines above
    it) and has a dated meta line right under it (``By 小林 | 2020-03-04``) and, after the
    post's words, a heading of the theme's furniture: a scraper's copy of a post page
    from its title on, as a note titled by a link (``# [Paper](https://arxiv.org/…)``) has
    neither."""
    if any(line.strip() for line in lines[:title[0]]):
        return False
    under = next((line.strip() for line in lines[title[2]:title[2] + 4] if line.strip()), "")
    if len(under) > _MAX_META_CHARS or _line_date(LINK_RE.sub(lambda m: m.group("text"),
                                                               under)) is None:
        return False
    return _furniture_after(lines, title[2])


def _plain_title(lines: list[str], heads):
    """The title heading of a crawler's copy of a page whose theme draws the post's title
    as no link (WordPress' ``<h1 class="entry-title">``): the first level-1 heading that
    is no link, below a menu (two or more links alone), or, under a banner heading that
    links the site's root, the first heading of level 1 to 3 that is neither a link nor
    a date (Blogger's), followed by a dated meta line (:func:`_dated_under`) or by the
    theme's furniture (:func:`_furniture_after`); else None. ``heads`` are the page's
    first headings (:func:`_headings`)."""
    first = next((h for h in heads if h[1] == 1 and not _home_link(h[3])), None)
    if first is None and heads and heads[0][1] == 1 and _home_link(heads[0][3]):
        # the site's name as the banner's heading, then the post's under it (Blogger's
        # "## date" header, "### Title"): the first heading no link and no date
        first = next((h for h in heads[1:] if h[1] <= 3 and not LINK_RE.fullmatch(h[3])
                      and _line_date(h[4]) is None), None)
        banner = True
    else:
        banner = False
    if (first is None or LINK_RE.fullmatch(first[3])
            or (not banner and _menu_lines(lines, 0, first[0]) < 2)):
        return None
    return first if _furniture_after(lines, first[2]) or _dated_under(lines, first) else None


def _dated_under(lines: list[str], title) -> bool:
    """True when one of the first four lines under the title heading ``title`` is a meta
    line with a date (``2021-07-08 22:01 阅读 309``, ``By 小林 | March 4, 2020``)."""
    under = [line.strip() for line in lines[title[2]:title[2] + 12] if line.strip()][:4]
    return any(len(s) <= _MAX_META_CHARS and _line_date(LINK_RE.sub(lambda m: m.group("text"), s))
               is not None for s in under)


def _furniture_after(lines: list[str], start: int) -> bool:
    """True when a heading of the theme's furniture (:data:`FURNITURE_HEADING_RE`) comes
    after ``lines[start]``, after the post's words or after its title alone, or a line
    alone that says what such a heading says after the post's words
    (:func:`_furniture_line`)."""
    if any(FURNITURE_HEADING_RE.match(h[4]) for h in _headings(lines, start, len(lines))):
        return True
    seen = False
    for i in range(start, len(lines)):
        if seen and _furniture_line(lines, i):
            return True
        seen = seen or _prose(lines[i])
    return False


def listing_reason(lines: list[str], header: tuple[dict[str, str], int] | None = None,
                   *, heads=None) -> str | None:
    """Why a captured page is one of its site's list pages (home, tag, category, page
    2…), not a post; else None.

    Jina's ``URL Source`` at the site's root or in a list folder
    (:data:`graphkit.sites.LIST_FOLDERS`: ``/tag/``, ``/category/``, ``/page/``…) says so;
    so does a converter's copy whose first line, the page's title, is the site's name
    (the text of a link to the site's root: the home page); so do links to read the rest
    of three or more posts (``阅读全文``, ``Read more``,
    ``Continue reading``: :data:`_READ_MORE_RE`), each under its post's summary, and
    three or more headings that are links to pages of the site (each post's title
    in the list, as themes draw it) above any heading of the theme's furniture, in a
    Jina copy whose title names no other heading, or below a menu (two or more links
    alone) or a banner heading that links the site's root in a crawler's copy. The
    posts it lists are read from their own pages.
    """
    fields, start = header if header is not None else ({}, 0)
    url = fields.get("URL Source", "")
    if header is not None and re.match(r"^https?://", url, re.I):
        try:
            parts = urlsplit(url)
        except ValueError:
            parts = None
        if parts is not None and parts.path.strip("/") == "" and not parts.query:
            return f"the site's home page ({url}), a list of posts, not a post"
        folders = sorted({f.casefold() for f in (parts.path.split("/")[:-1] if parts else [])}
                         & LIST_FOLDERS)
        if folders:
            return f"a list page of the site (under /{folders[0]}/), not a post"
        if date_archive_path(url) or site_page_kind(url) == "archive":
            return f"an archive or index of the site ({url}), a list of posts, not a post"
    if header is None:
        first = next((line.strip() for line in lines[:6] if line.strip()), "")
        if first and not _PLAIN_START_RE.match(first) and "](" not in first:
            if normalize_title(first) in _site_names(lines, 0):
                return (f"the site's home page (its title is the site's name, "
                        f"{preview(first, 60)})")
            if _LIST_TITLE_RE.match(first):
                return f"a list page of the site (its title is {preview(first, 60)})"
            if _name_and_tagline(first, lines, 0):
                return (f"the site's home page (its title is the site's name and its "
                        f"tagline, {preview(first, 60)})")
    elif _LIST_TITLE_RE.match(fields.get("Title", "")):
        return f"a list page of the site (its title is {preview(fields['Title'], 60)})"
    elif normalize_title(fields.get("Title", "")) in _site_names(lines, start) - {""}:
        return (f"the site's home page (its title is the site's name, "
                f"{preview(fields['Title'], 60)})")
    elif _name_and_tagline(fields.get("Title", ""), lines, start):
        return (f"the site's home page (its title is the site's name and its tagline, "
                f"{preview(fields['Title'], 60)})")
    more = set()
    for line in lines[start:start + 5000]:
        if "](" in line:
            more.update(m.group("url") for m in LINK_RE.finditer(line)
                        if _READ_MORE_RE.match(m.group("text")))
        elif _furniture_line([line], 0) or (line[:1] == "#" and FURNITURE_HEADING_RE.match(
                _heading_text(line.lstrip("#").strip()))):
            break
    if len(more) >= 3:
        return (f"a list page of the site ({len(more)} posts' summaries end in a link to read "
                f"the rest), an index of posts, not a post")
    if heads is None:        # (else the caller's: the page's headings of its first 5,000 lines)
        heads = _headings(lines, start, min(len(lines), start + 5000))
    first_h1 = next((h for h in heads if h[1] == 1 and not _home_link(h[3])), None)
    if first_h1 is not None and _menu_lines(lines, start, first_h1[0]) >= 2:
        if _LIST_TITLE_RE.match(first_h1[4]):
            return f"a list page of the site (its heading is {preview(first_h1[4], 60)})"
        if normalize_title(first_h1[4]) in _site_names(lines, start):
            return (f"the site's home page (its heading is the site's name, "
                    f"{preview(first_h1[4], 60)})")
    entries = []
    for h in heads:
        if FURNITURE_HEADING_RE.match(h[4]):
            break
        if h[1] <= 3 and _own_link(h[3]):
            entries.append(h)
    if len(entries) < 3:
        return None
    if header is not None:
        page_title = fields.get("Title", "").strip()
        content = next((i for i in range(start, len(lines)) if lines[i].strip()), start)
        plain = [h for h in heads if not _own_link(h[3])]
        names = _site_names(lines, start)
        if _title_heading(plain, page_title, content, names, lines) is not None:
            return None                 # (a post, and cards of other posts after it)
    elif _menu_lines(lines, start, entries[0][0]) < 2 and not (
            heads[0][1] == 1 and _home_link(heads[0][3])):     # (nor a banner heading)
        return None
    return (f"a list page of the site ({len(entries)} headings link to its posts), an index "
            "of posts, not a post")


def _name_and_tagline(title: str, lines: list[str], start: int) -> bool:
    """True for a page's title that is the site's name (the text of a link to its root)
    then, after a separator, what no heading of the page says (``Lin's Notes | Notes on
    attention``: the home page's; a post's page titled ``Site | Post`` has the post's
    title as a heading)."""
    parts = [p.strip() for p in TITLE_PARTS_RE.split(title) if p.strip()]
    if len(parts) < 2 or normalize_title(parts[0]) not in _site_names(lines, start) - {""}:
        return False
    rest = normalize_title(parts[-1])
    return not any(h[1] <= 3 and normalize_title(h[4]) == rest
                   for h in _headings(lines, start, min(len(lines), start + 5000)))


def read_listing(lines: list[str], path: str) -> tuple[list[Post], list[Fragment]]:
    """A captured list page (:func:`listing_reason`): no post, and the page reported."""
    reason = listing_reason(lines, jina_header(lines)) or "a list page of the site, not a post"
    shown = [i for i, line in enumerate(lines) if line.strip()] or [0]
    return [], [Fragment(path=path, line=shown[0] + 1, end_line=shown[-1] + 1, reason=reason,
                         text="")]


def _title_heading(heads, page_title: str, content_start: int, site_names: set[str],
                   lines: list[str]):
    """The heading that is the post's title: one that the page's title names (whole, or
    its first or last part, the other being the site's name), not the copy of the page's
    title Jina puts first nor the site's name (``site_names``, normalised); else the longest
    heading the page's title opens with before a separator (``标题_博客名-CSDN博客``); else
    the one heading that links a page of the site (:func:`_linked_title`); else, with no
    page's title, the heading :func:`_plain_title` finds in ``lines``; else None."""
    if page_title:
        parts = [p.strip() for p in TITLE_PARTS_RE.split(page_title) if p.strip()]
        names = [normalize_title(page_title)]
        if len(parts) > 1:
            names[:0] = [normalize_title(parts[0]), normalize_title(parts[-1])]
        head, colon, tail = page_title.partition(": ")
        if colon and normalize_title(head) in site_names:
            names.append(normalize_title(tail))        # (Blogger's "Blog: Title")
        keys = [normalize_title(h[4]) for h in heads]
        for name in names:
            if name in site_names:
                continue
            found = [h for h, key in zip(heads, keys) if key == name]
            if len(found) > 1 and found[0][0] == content_start:
                found = found[1:]               # (Jina's copy of the page's <title>)
            if found:
                return found[0]
        # a title that opens the page's title before a separator with no space around it
        # (CSDN's "标题_博客名-CSDN博客"): the longest heading it opens with
        lead = [h for h in heads if len(h[4]) >= 2 and h[0] != content_start
                and normalize_title(h[4]) not in site_names and title_leads(page_title, h[4])]
        if lead:
            return max(lead, key=lambda h: (len(h[4]), -h[0]))
    return _linked_title(heads) or (_plain_title(lines, heads) if not page_title else None)


def _site_names(lines: list[str], start: int) -> set[str]:
    """The texts (normalised) of the links to a site's home page in the first 200 lines
    of a page (the banner's ``[Alice's Notes](https://host/)``)."""
    homes = set()
    for line in lines[start:start + 200]:
        for m in LINK_RE.finditer(line):
            try:
                home = urlsplit(m.group("url").strip("<>")).path.strip("/") == ""
            except ValueError:
                continue
            if home and not m.group("img"):
                homes.add(normalize_title(inline_to_text(m.group("text"))[0]))
    return homes - {""}


def _without_site_name(page_title: str, site_names: set[str]) -> str:
    """The page's title less the site's name: a part of it (after or before a separator)
    that is one of ``site_names``; else the title as it is."""
    parts = [p.strip() for p in TITLE_PARTS_RE.split(page_title) if p.strip()]
    if len(parts) < 2:
        return page_title
    for name in (parts[-1], parts[0]):
        if normalize_title(name) in site_names:
            rest = [p for p in parts if p is not name]
            return " - ".join(rest) if len(rest) > 1 else rest[0]
    return page_title


def _frag(path: str, lines: list[str], start: int, end: int, reason: str) -> Fragment | None:
    shown = [i for i in range(start, min(end, len(lines))) if lines[i].strip()]
    if not shown:
        return None
    return Fragment(path=path, line=shown[0] + 1, end_line=shown[-1] + 1, reason=reason,
                    text=preview(" ".join(lines[i].strip() for i in shown)))


def _taxonomy(line: str) -> tuple[list[str], list[str]] | None:
    """The tags and categories a line under a post names, or None for another line: a
    line opening with their word (``标签：``, ``分类：``, ``Tags:``, ``Filed under``…), or
    links alone to the site's tag and category pages (``[# Transformer](/tags/…/)``, as
    Hexo's NexT draws them)."""
    tags: list[str] = []
    categories: list[str] = []
    line = _LIST_MARK_RE.sub("", line, count=1)        # (an item of a list of them)
    if _TAXONOMY_RE.match(line):
        words = list(_TAXONOMY_WORD_RE.finditer(line))
        for m, after in zip(words, [*words[1:], None]):
            part = line[m.end():after.start() if after is not None else len(line)]
            named = [inline_to_text(x.group(0))[0].strip() for x in LINK_RE.finditer(part)]
            if not named:
                named = [t.strip() for t in re.split(r"[,，、/|·]", part) if t.strip()]
            named_tags = m.group(1).lower() in ("标签", "tag", "tags", "label", "labels")
            (tags if named_tags else categories).extend(
                t.lstrip("#").strip() for t in named if t.lstrip("#").strip())
        return tags, categories
    if not _links_only(line):
        return None
    for m in LINK_RE.finditer(line):
        try:
            folders = [f.casefold() for f in urlsplit(m.group("url").strip("<>")).path
                       .split("/")[:-1] if f]
        except ValueError:
            return None
        kind = next((f for f in folders if f in LIST_FOLDERS), None)
        if kind not in TAXONOMY_FOLDERS:
            return None
        name = inline_to_text(m.group("text"))[0].strip().lstrip("#").strip()
        (tags if kind in ("tags", "tag", "label", "labels") else categories).extend(
            [name] if name else [])
    return tags, categories


def _line_date(line: str) -> str | None:
    """The date a meta line shows: the whole line read as one, else its first part
    between separators (``March 4, 2020 · 1 min · 小林``) that is."""
    found = parse_date(line)
    if found is None and _DATE_LABEL_RE.match(line):        # ("时间: 2021-07-08", "Date: …")
        found = parse_date(_DATE_LABEL_RE.sub("", line, count=1))
    if found is None and _META_PARTS_RE.search(line):
        found = next(filter(None, (parse_date(part.strip()) for part
                                   in _META_PARTS_RE.split(line)[:8] if part.strip())), None)
    return found


def _furniture_line(lines: list[str], i: int, *, any_words: bool = False) -> bool:
    """True for a line alone between blank lines that says what a heading of the theme's
    furniture says (``相关推荐``, ``评论``, ``Comments``): a theme's heading drawn as no
    heading element, as a converter copies it (with ``any_words``, whatever it says)."""
    line = lines[i].strip()
    return (0 < len(line) <= 40 and (i == 0 or not lines[i - 1].strip())
            and (i + 1 == len(lines) or not lines[i + 1].strip())
            and (any_words or FURNITURE_HEADING_RE.match(line.strip("*_")) is not None))


# a theme's card of the previous or next post as a converter writes it: its image alone
# as its link (Pandoc's "[![cover](…)](/a/)"); the link's opening and image, when its
# image, label and title are in paragraphs of their own ("[![cover](…)" ⏎ ⏎ "上一篇" ⏎ ⏎
# "Title](/a/ "Title")"); and the end of such a link
_CARD_IMAGE_RE = re.compile(r"\[!\[[^\[\]\n]*\]\([^()\s]*\)\]\([^()\s]*(?:[ \t]+\"[^\"\n]*\")?\)")
_CARD_OPEN_RE = re.compile(r"\[!\[[^\[\]\n]*\]\([^()\s]*\)[^\[\]()\n]{0,80}")
_LINK_TAIL_RE = re.compile(r"^[^\[\]\n]*\]\(\S*(?:\s+\"[^\"\n]*\")?\)")


def _prose(line: str) -> bool:
    """True for a line with words of its own (ten or more characters beside its links,
    and beside the end of a link that began lines above)."""
    rest = LINK_RE.sub("", line)
    if "](" in rest:
        rest = _LINK_TAIL_RE.sub("", rest.strip())
    return len(re.sub(r"[\W_]+", "", rest)) >= 10


def _byline(line: str) -> bool:
    """True for a short line that says who posted the post and when (Blogger's ``Posted
    by Lin at 8:30 PM`` under it)."""
    s = line.strip()
    return len(s) <= 160 and _BYLINE_RE.match(LINK_RE.sub(lambda m: m.group("text"), s)) \
        is not None


def _card_piece(line: str) -> bool:
    """True for a line of a theme's card of the previous or next post that a converter
    breaks into paragraphs (``[![cover](/img/a.jpg)`` ⏎ ``上一篇`` ⏎ ``Title](/a/ "Title")``):
    the link's opening and image, the word alone, the link's end; or the card's image
    alone as its link (Pandoc's ``[![cover](/img/a.jpg)](/a/)``)."""
    s = line.strip()
    return bool(s) and (_CARD_OPEN_RE.fullmatch(s) is not None
                        or _CARD_IMAGE_RE.fullmatch(s) is not None
                        or _LINK_TAIL_RE.fullmatch(s) is not None
                        or _NAV_WORD_RE.fullmatch(s.strip("*_ ")) is not None)


def _nav_line(line: str) -> bool:
    """True for a line of links to the previous and next post: links, and arrows or the
    words previous/next (上一篇, 下一篇…) alone."""
    if not _links_only(line) and not _NAV_REST_RE.match(
            _NAV_WORD_RE.sub("", LINK_RE.sub("", _LIST_MARK_RE.sub("", line, count=1)))):
        return False
    return LINK_RE.search(line) is not None and _NAV_WORD_RE.search(line) is not None


def read_capture(lines: list[str], path: str, *, title: str = "", url: str = ""
                 ) -> tuple[list[Post], list[Fragment]]:
    """Read a web page captured as Markdown (see the module's description).

    Parameters
    ----------
    lines : list of str
        The file's lines.
    path : str
        Name used in sources and fragments.
    title, url : str, optional, keyword-only
        The page's title and address when something beside the page gives them (a row of
        a scraper's JSON Lines holding the page as its text); Jina's header comes first.

    Returns
    -------
    posts : list of Post
        One post: its title (the heading the page's title names, else the page's title),
        address (Jina's ``URL Source``, else the title heading's link), date (Jina's
        ``Published Time``, else the meta line under the title), tags and categories
        (a ``标签：``/``Tags:`` line), and the post's text and links alone.
    fragments : list of Fragment
        The site's banner and menu above the title, the meta line, the line of links to
        the previous and next post, and what follows the post (related posts, comments,
        the sidebar), each with its lines and the reason.
    """
    lines = _inlined_references(_unwrapped(lines))
    header = jina_header(lines)
    fields, start = header if header is not None else ({}, 0)
    page = pandoc_page(lines) if header is None else None
    if page is not None:
        title, start = title.strip() or page[0], page[1]
        lines = [""] * start + _pandoc_cleaned(lines, start)[start:]
        header = ({"Title": title}, start)       # (read as Jina's header is)
        fields = header[0]
    else:
        lines = _paragraphs_joined(lines, start)
    title_line = None
    if header is None and not title.strip():
        title_line = _title_line(lines, _headings(lines, 0, min(len(lines), 5000)))
        if title_line is not None:
            title, start = lines[title_line[0]], title_line[0] + 1
    page_title = fields.get("Title", "").strip() or title.strip()
    url = fields.get("URL Source", "").strip() or url.strip()
    if not re.match(r"^https?://\S+$", url, re.I):
        url = ""
    date = parse_date(fields["Published Time"]) if fields.get("Published Time") else None
    frags: list[Fragment | None] = []
    content_start = next((i for i in range(start, len(lines)) if lines[i].strip()), start)
    if page is not None:
        content_start = -1          # (no copy of the page's <title> opens Pandoc's body)
    heads = _headings(lines, start, len(lines))
    site_names = _site_names(lines, start) if page_title else set()
    title_at = _title_heading(heads, page_title, content_start, site_names, lines)
    title = page_title
    if title_at is not None:
        title = title_at[4] or title
        url = url or _own_link(title_at[3]) or ""
        frags.append(_frag(path, lines, start, title_at[0],
                           "the site's banner, menu and sidebar above the post (not the post)"))
        body_start = title_at[2]
    else:
        title = _without_site_name(page_title, site_names)
        # no heading names the post: the links alone and the site's name that open the
        # page (its banner and menu) are not the post
        body_start = start
        heading_at = {h[0]: h for h in heads}
        i, after_name = start, False
        while i < len(lines):
            h = heading_at.get(i)
            line = lines[i].strip()
            if h is not None and (_home_link(h[3]) or normalize_title(h[4]) in site_names):
                i, after_name = h[2], True
            elif not line or _links_only(line):
                i += 1
            elif after_name and h is None and len(line) <= 80:   # (the site's tagline)
                i, after_name = i + 1, False
            else:
                break
        if i > start and i < len(lines):
            frags.append(_frag(path, lines, start, i,
                               "the site's banner and menu above the post (not the post)"))
            body_start = i
    # the meta lines under the title: date, author, category, counts; of the dates, the
    # earliest (the post's; a later one is when it was updated, or another post's)
    meta_lines: list[int] = []
    shown: list[str] = []
    for i in range(body_start, min(len(lines), body_start + 12)):
        s = _LIST_MARK_RE.sub("", lines[i], count=1).strip()   # (a list of them: Typecho's)
        if not s:
            continue
        if len(s) > _MAX_META_CHARS or len(meta_lines) >= 6:
            break
        found = _line_date(LINK_RE.sub(lambda m: m.group("text"), s))
        if found is None and not _BYLINE_RE.match(s) and not (
                len(s) <= 80 and (_COUNTS_RE.search(s) or _links_only(s)
                                  or not re.search(r"[^\W_]", s))):
            break     # (an author's link alone, a "·" between, are the meta lines' too)
        shown += [found] if found else []
        meta_lines.append(i)
    date = date or min((d for d in shown if is_full(d)), default=shown[0] if shown else None)
    if date is None and title_at is not None:      # (a date heading above the title: Blogger)
        above = next((k for k in range(title_at[0] - 1, max(start, title_at[0] - 4) - 1, -1)
                      if lines[k].strip()), None)
        bare = lines[above].strip().lstrip("#").strip() if above is not None else ""
        if 0 < len(bare) <= 60 and not re.search(r"\]\(", bare):
            date = _line_date(bare)
    # where the post ends: the first heading of what the theme adds after it
    body_end = len(lines)
    seen_text = False
    heads_after = {h[0]: h for h in heads if h[0] >= body_start}
    for i in range(body_start, len(lines)):
        h = heads_after.get(i)
        if h is not None and FURNITURE_HEADING_RE.match(h[4]):
            body_end = i        # (before any words: a post of its title alone)
            break
        if seen_text and h is None and (_furniture_line(lines, i) or (
                _NAV_WORD_RE.fullmatch(lines[i].strip(" \t*_"))
                and _furniture_line(lines, i, any_words=True))):
            body_end = i        # (or a card's "上一篇" alone: the previous and next posts)
            break
        if i not in meta_lines and (_END_LINE_RE.match(lines[i]) or (
                seen_text and _PUBLISHED_END_RE.match(lines[i]))):
            date = date or _line_date(lines[i].strip()) or parse_date(lines[i])
            body_end = i
            break
        if i not in meta_lines and _prose(lines[i]):
            seen_text = True
    body = list(lines[body_start:body_end])
    for i in meta_lines:
        body[i - body_start] = ""
    for k, line in enumerate(body):   # (the theme's line naming the post's own address)
        m = _PERMALINK_RE.match(line) if ":" in line or "：" in line else None
        if m is not None:
            url = url or m.group(1) or m.group(2) or m.group(3)
            body[k] = ""
            frags.append(_frag(path, lines, body_start + k, body_start + k + 1,
                               "the theme's line naming the post's address (read as its "
                               "address)"))
    for i, level, after, raw, _text in heads:     # (setext headings, as ATX ones)
        if body_start <= i and after == i + 2 and after <= body_end:
            body[i - body_start] = "#" * level + " " + raw
            body[i + 1 - body_start] = ""
    if meta_lines:
        frags.append(_frag(path, lines, meta_lines[0], meta_lines[-1] + 1,
                           "the post's meta line (date, author, category), read as its date"))
    tags: list[str] = []
    categories: list[str] = []
    taxonomy = {k: found for k, line in enumerate(body)
                if (found := _taxonomy(line)) is not None}
    last_prose = max((k for k, line in enumerate(body) if _prose(line) and k not in taxonomy
                      and not _byline(line)), default=-1)
    for k, (named_tags, named_categories) in taxonomy.items():
        tags += named_tags
        categories += named_categories
        body[k] = ""
    last_tax = max(taxonomy, default=-1)
    if last_tax > last_prose:     # the theme's, after the post's tags: all of it (and after
        # the tags of a post of its title alone)
        frags.append(_frag(path, lines, body_start + last_tax + 1, body_start + len(body),
                           "the theme's links after the post's tags (previous and next "
                           "posts, sharing; not citations)"))
        body[last_tax + 1:] = [""] * (len(body) - last_tax - 1)
    for k, line in enumerate(body):
        if k > last_prose and (_nav_line(line) or _card_piece(line) or _byline(line)):
            frags.append(_frag(path, lines, body_start + k, body_start + k + 1,
                               "links to the previous and next post, or a byline under "
                               "the post (the theme's, not a citation)"))
            body[k] = ""
    frags.append(_frag(path, lines, body_end, len(lines),
                       "what the theme adds after the post: related posts, comments, the "
                       "sidebar (not the post)"))
    meta = {"title": title}
    if date:
        meta["date"] = date
    if url:
        meta["url"] = url
    if tags:
        meta["tags"] = tags
    if categories:
        meta["categories"] = categories
    post, more = markdown_post(body, path, meta=meta, first_line=body_start + 1,
                               body_offset=body_start, layout=CAPTURE)
    found = [f for f in frags if f is not None] + more
    if page is not None:
        found.insert(0, Fragment(path=path, line=1, end_line=start, text="",
                                 reason="the page's <title> and <meta> values as Pandoc "
                                        "wrote them (its title read to find the post's "
                                        "title heading)"))
    elif header is not None:
        found.insert(0, Fragment(path=path, line=1, end_line=start, text="",
                                 reason="Jina Reader's header (read as the post's title, "
                                        "address and date)"))
    if title_line is not None:
        found.insert(0, Fragment(path=path, line=start, end_line=start, text=preview(title),
                                 reason="the page's title as its first line (read to find "
                                        "the post's title heading)"))
    if post is None:
        return [], found
    if not url:         # (the other pages' lists of posts name it: named_by_listings)
        post = replace(post, listed=_listed(lines))
    return [post], found


def _listed(lines: list[str]) -> tuple[tuple[str, str], ...]:
    """The page's links as ``(anchor text, href)``, the theme's lists of posts among them
    (:attr:`Post.listed`), at most :data:`~graphkit.readers.html.MAX_LISTED_LINKS`."""
    out: dict[tuple[str, str], None] = {}
    low, high = LISTED_ANCHOR_CHARS
    for line in lines:
        if "](" not in line:
            continue
        for m in LINK_RE.finditer(line):
            href = m.group("url").strip("<>").strip()
            anchor = " ".join(inline_to_text(m.group("text"))[0].split())
            if (not m.group("img") and low <= len(anchor) <= high and href
                    and not href.startswith(("#", "javascript:"))):
                out[(anchor, href)] = None
                if len(out) >= MAX_LISTED_LINKS:
                    return tuple(out)
    return tuple(out)


# the keys under which a scraper's front matter names the page's address (Firecrawl's
# sourceURL, a crawler's url or source)
_FM_ADDRESS_KEYS = ("url", "sourceurl", "source_url", "source", "canonical", "original_url",
                    "page_url")


def front_matter_page(lines: list[str]) -> tuple[str, str, int] | None:
    """``(title, address, index of the first line after the front matter)`` when a
    Markdown file is a scraper's copy of a whole web page under YAML front matter that
    names the page's title and its address (``url``, ``sourceURL``, ``source``…: an
    absolute ``http(s)`` address, or left empty), and the rest is a page as
    :func:`page_in_text` finds one (its menu, its title heading, the theme's furniture;
    with no address, a page as :func:`detect` finds one), not a post's text; else
    None (the address ``""`` when the front matter leaves it empty). A post's own front
    matter (Hugo's ``url: /a/``, a link post's external ``link``) over its text is no
    such page."""
    head = _yaml_head(lines)
    if head is None:
        return None
    keys, end = head
    url = next((keys[k] for k in _FM_ADDRESS_KEYS
                if re.match(r"^https?://\S+$", keys.get(k, ""), re.I)), "")
    title = keys.get("title", "")
    if not title or not (url or any(k in keys and not keys[k] for k in _FM_ADDRESS_KEYS)):
        return None             # (Hugo's url: /a/, a path, is a post's own front matter)
    body = lines[end:]
    # a quick test: a heading the title names, or a link the title's part is the text of
    # (the home page's banner); else no page
    names = set(_title_names(title))
    split = TITLE_PARTS_RE.split(title)
    parts = [f"[{p.strip()}](" for p in (title, split[0], split[-1]) if p.strip()]
    if not any((line[:1] == "#" and (normalize_title(text := _heading_text(line.lstrip("#")))
                                     in names or title_leads(title, text)))
               or ("](" in line and any(p in line for p in parts)) for line in body[:400]):
        return None
    if not _may_be_page("\n".join(body[:400])):
        return None
    # (without the page's address, the page's own marks alone)
    if _kind(body) is None and not (url and _titled_below_menu(body, title)):
        return None
    return title, url, end


def _titled_below_menu(lines: list[str], title: str) -> bool:
    """True when a heading the page's title ``title`` names (:func:`_title_heading`)
    stands below two or more links of a menu (:func:`_menu_lines`): a page whose title
    something beside it gives (a row's, a front matter's)."""
    heads = _headings(lines, 0, min(len(lines), 400)) if title.strip() else []
    if not heads:
        return False
    first = next((i for i, line in enumerate(lines) if line.strip()), 0)
    at = _title_heading(heads, title.strip(), first, _site_names(lines, 0), lines)
    return at is not None and _menu_lines(lines, 0, at[0]) >= 2


def read_front_matter_page(lines: list[str], path: str) -> tuple[list[Post], list[Fragment]]:
    """Read a scraper's copy of a whole page under front matter (:func:`front_matter_page`)
    as a capture: its title and address the front matter's, the front matter reported;
    a list page is no post."""
    found = front_matter_page(lines)
    if found is None:                   # (not such a page: read as a capture can)
        return read_capture(lines, path)
    title, url, end = found
    body = [""] * end + list(lines[end:])
    header = ({"Title": title, "URL Source": url}, end)
    reason = listing_reason(body, header)
    shown = Fragment(path=path, line=1, end_line=end, text="",
                     reason="the scraper's front matter (read as the page's title and "
                            "address)")
    if reason is not None:
        return [], [shown, Fragment(path=path, line=end + 1, end_line=len(lines),
                                    reason=reason, text="")]
    posts, frags = read_capture(body, path, title=title, url=url)
    return posts, [shown, *frags]


def page_in_text(text: str, path: str, *, title: str, url: str | None
                 ) -> tuple[Post, list[Fragment]] | str | None:
    """The post of a whole page that a row's text holds (a scraper's JSON Lines:
    ``{"url": …, "title": …, "markdown": <the page>}``, or ``"html": <the page>``), with
    what was set aside; the reason when the page is a list page; None when the text is
    no such page (a post's text alone, as most rows hold). A whole HTML page
    (:func:`graphkit.readers.html.whole_page`) is read as a saved page at the row's
    ``url`` (:func:`graphkit.readers.html.read_html`).

    A page is recognised as a file is (:func:`detect`, and kexue.fm's pages and bodies
    as :mod:`graphkit.readers.kexue` reads them), and by a heading that is the row's
    ``title`` below two or more lines of links alone (the site's menu).
    """
    if "<" in text and whole_page(text):      # a saved page's HTML: read as a saved page
        posts, frags = read_html(text, path, saved_address=url or None)
        if posts:
            return posts[0], frags
        return next((f.reason for f in reversed(frags) if "not a post" in f.reason),
                    frags[-1].reason if frags else "a page with no text")
    if "\n" not in text:
        return None
    lines = None
    # kexue.fm's own page layouts, read by its reader as a file of them is (see
    # graphkit.readers.detect_layout); its patterns need its address or its citation key
    if "kexue.fm/archives/" in text or "kexuefm-" in text:
        lines = split_lines(text)
        own = kexue.detect(lines)
        if own in (kexue.KEXUE_PAGE, kexue.KEXUE_BODY):
            read = kexue.read_kexue_page if own == kexue.KEXUE_PAGE else kexue.read_kexue_body
            posts, frags = read(lines, path)
            return (posts[0], frags) if posts else None
    if "](" not in text or not _may_be_page(text):
        return None             # (no header, no menu: a post's text, as most rows hold)
    lines = lines if lines is not None else split_lines(text)
    kind = _kind(lines)
    if kind == CAPTURE_LISTING:
        return listing_reason(lines, jina_header(lines))
    if kind is None and not _titled_below_menu(lines, title):
        return None
    posts, frags = read_capture(lines, path, title=title, url=url or "")
    return (posts[0], frags) if posts else None
