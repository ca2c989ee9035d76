"""The relate step: typed, weighted, evidenced edges between posts.

Edge kinds (each a layer that can be switched on and off):

``cites`` (directed)
    A post links to another post's archive page, or names it as 《title》 in its text
    (or as 〈title〉, 「title」, 『title』 when that is a post's whole title).
    A link and a 《title》 that point to the same post from the same post are one edge.
``series`` (directed, later member → earlier member)
    Posts whose titles share a series stem with different numbers: (一)(二), 1、2、,
    上/下, 理论篇/应用篇, その2, 第3回, 系列之三, 2편, 제3회, "Part 2", "(Part IV)",
    "Teil 2", "Часть 3", "Day 5", "#12", with the post titled by the stem alone first;
    a sequel (X（续）, X：补充, 続・X, "X, Revisited") after the post X; or posts whose
    metadata names one series (Hugo's ``series`` taxonomy, jekyll-series, DEV).
``topic`` (undirected)
    Posts whose TF-IDF keyword vectors are among each other's most similar; the edge
    names the shared keywords that weigh most.
``coupling`` and ``cocitation`` (undirected, off by default)
    Bibliographic coupling (two posts cite the same work) and co-citation (two works
    cited by the same post), weighted by the number of shared works or citing posts.

Citations that resolve to no post become ``unresolved`` nodes (Chinese titles) or
``paper`` nodes (Latin-script titles), so that nothing cited is dropped. A work is not a
post about it: a 《name》 followed by an author or publisher parenthesis is a ``book``,
and a 《name》 that is a post's title less words such as 浅读 or 笔记 names the work
(``paper`` or ``book``) unless its sentence points at the blog (:func:`work_inside_title`).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import unquote, urljoin, urlsplit

from .model import Post

if TYPE_CHECKING:
    from .keywords import TermMatrix
from .readers import PAGE_FORMATS
from .readers.frontmatter import SERIES_KEY, url_aliases
from .sites import (DOC_EXTENSIONS, KEXUE_HOST, LIST_FOLDERS, amp_page_path,
                    article_platform_alias,
                    medium_post_id, notion_page_id, outbound_target, paper_id, post_page_path,
                    site_ref_target, substack_address, substack_post_id, tumblr_post_alias,
                    url_host, velog_post_slug, velog_slug, weixin_article_id)
from .text import normalize_title, sentence_around

DIRECTED_KINDS = frozenset({"cites", "series"})
CITATION_RE = re.compile(r"《([^《》\n]{1,200})》")
# the marks other CJK writing conventions put around an article's title: 〈篇名〉 (Taiwan's
# and Hong Kong's punctuation: 〈〉 for an article, 《》 for a book), 「題名」 and 『書名』
# (Japanese and Korean: 「」 for an article, 『』 for a book). 「」 also quotes speech, so
# what they hold cites a post only when it is the whole title of one (see TITLE_MARK_MIN)
TITLE_MARK_RE = re.compile(r"〈([^〈〉《》\n]{1,200})〉|「([^「」\n]{1,200})」"
                           r"|『([^『』\n]{1,200})』")
TITLE_MARK_MIN = 4    # characters of a title's key: a shorter quote names no post
ARCHIVE_URL_RE = re.compile(
    r"^" + KEXUE_HOST + r"?/archives/(\d{1,12})(?:[/?#].*)?$")
# an absolute address a post of the site itself can have: the web's, and a Gemini capsule's
OWN_SCHEME_RE = re.compile(r"^(?:https?|gemini)://", re.I)
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_LATIN_RE = re.compile(r"[A-Za-z]")

CN_NUM = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
          "十": 10}
PART_ORDER = {"上": 1, "中": 2, "下": 3, "上篇": 1, "中篇": 2, "下篇": 3,
              "基础篇": 1, "理论篇": 1, "原理篇": 1, "方法篇": 2, "应用篇": 2, "实践篇": 2,
              "实现篇": 2, "进阶篇": 3,
              # Japanese first / middle / last part, and the Chinese 前篇/后篇
              "前編": 1, "中編": 2, "後編": 3, "前篇": 1, "后篇": 3, "後篇": 3,
              # Korean (上 中 下 read in Hangul; 전편 is left out: it also means "the whole")
              "상": 1, "중": 2, "하": 3, "상편": 1, "중편": 2, "하편": 3, "후편": 3}
_PARTS = "|".join(sorted((k for k in PART_ORDER if len(k) > 1), key=len, reverse=True))
_CN_DIGITS = "[一二三四五六七八九十百]{1,4}"
# words for a body of writing in installments (notes, a tutorial, a column): what 之N
# after them numbers (学习笔记之二 is the second instalment of the notes)
_WRITINGS = ("笔记|筆記|教程|入门|入門|随笔|隨筆|杂记|雜記|手记|手記|札记|札記|心得|小记|小記"
             "|漫谈|漫談|浅谈|淺談|讲义|講義|专栏|專欄|连载|連載|学习|學習|总结|總結|实践|實踐")
# words that number a part: "Part 2", "Chapter IV", "Episode three", "Vol. 2"; and the
# words of blogs in other languages with Latin or Cyrillic letters: "Teil 2", "Partie 3",
# "Parte II", "Deel 4", "Część 2", "Часть 3", "Bölüm 5", "Bagian 2", "Phần 3", "Folge 7"
_PART_WORDS = (r"part|pt\.?|chapter|episode|lesson|installment|instalment|volume|vol\."
               r"|teil|kapitel|folge|partie|chapitre|épisode|parte|capítulo|capitulo|capitolo"
               r"|episodio|deel|część|czesc|rozdział|díl|část|часть|глава|bölüm|bagian|phần")
EN_NUM = {w: n for n, w in enumerate("one two three four five six seven eight nine ten eleven "
                                     "twelve".split(), start=1)}
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
_SERIES_PATTERNS = (
    # Transformer升级之路：1、…  /  流形上的最速下降：5. 对偶梯度下降  /  《自然极值》系列——
    # 2.费马原理  /  Rust入门 - 3. 所有权 (not a version: X：1.5倍, Python - 3.12)
    # (the stem ends on no space or separator: a run of spaces is scanned once, not again
    # from each of its spaces)
    re.compile(r"^(?P<stem>.*?[^\s:：—–-])\s*+(?:[:：]|—{1,2}|–|-{1,2}(?!\S))\s*+(?P<num>\d{1,3})"
               r"\s*+[、.．]\s*+(?!\d)\S"),
    # the series named in brackets before a numbered part: 【中文分词系列】 2. 基于切分的新词
    # 发现, 【不可思议的Word2Vec】5. Tensorflow版, [Rust 입문] 2. 소유권 (a version number,
    # [公告]1.5版本, names no part)
    re.compile(r"^(?P<stem>[【\[][^】\]\n]{1,40}[】\]])\s*+(?P<num>\d{1,3})\s*+[.、．:：]"
               r"\s*+(?!\d)\S"),
    # 变分自编码器（八）：…  /  【搜出来的文本】⋅（二）从MCMC到模拟退火  /  Go generics (2/3)
    # / Go generics (2 of 3)
    re.compile(r"^(?P<stem>.*?\S)\s*+[（(\[](?P<num>[一二三四五六七八九十]{1,3}|\d{1,3})"
               r"(?:\s*+/\s*+\d{1,3}|\s++of\s++\d{1,3})?[）)\]]"),
    # 让人惊叹的Johnson-Lindenstrauss引理：应用篇  /  AdamW的…（下）  /  …（前編）
    re.compile(r"^(?P<stem>.*?\S)\s*+[:：]?\s*+(?P<part>" + _PARTS + r")\s*$"),
    re.compile(r"^(?P<stem>.*?\S)\s*+[（(【\[](?P<part>上|中|下|상|중|하|" + _PARTS
               + r")[）)】\]]"),
    # the series and its part in parentheses after the post's own title:
    # "Lifetimes (Learning Rust, Part 3)"
    re.compile(r"^[^(\[]*+[(\[](?P<stem>[^()\[\]]*?[^()\[\]\s])\s*+[,:;|\-–—]?\s*+(?<![A-Za-z])(?:"
               + _PART_WORDS + r")\s*+(?P<en>\d{1,3}|[ivxlc]{1,7}|" + "|".join(EN_NUM)
               + r")(?:\s++of\s++\w{1,6}|\s*+/\s*+\d{1,3})?\s*+[)\]]\s*+$", re.I),
    # a numbered part in English: "Learning Rust, Part 2: Ownership", "… (Part IV)",
    # "… - Chapter three", "… Part 2 of 5"
    re.compile(r"^(?P<stem>.*?\S)\s*+[,:;|\-–—]?\s*+[(\[]?\s*+(?<![A-Za-z])(?:" + _PART_WORDS
               + r")\s*+(?P<en>\d{1,3}|[ivxlc]{1,7}|" + "|".join(EN_NUM)
               + r")(?:\s++of\s++\w{1,6}|\s*+/\s*+\d{1,3})?(?!\w|\.\d)", re.I),
    # a numbered day, week or issue: "Advent of Code 2023, Day 5", "Devlog #12: Lighting",
    # "Weeknotes (week 3)", "Newsletter No. 7"; digits only, ending the title or before a
    # separator ("The Day I Quit", "Day 3 in Kyoto", "C# 10" and "Issue #12 fixed in 2.1"
    # name no part)
    re.compile(r"^(?P<stem>.*?\S)\s*+[,:;|\-–—]?\s*+[(\[]?\s*+(?:(?<![A-Za-z])(?:day|week|issue"
               r"|no\.)\s*+|(?<![\w#&])#\s*+)(?P<dn>\d{1,3})(?=\s*+(?:[)\]:;,|\-–—]|$))", re.I),
    # a numbered part in Japanese and Chinese: …その2, …（その3）, …第2回, …第三篇, …第5讲
    re.compile(r"^(?P<stem>.*?\S)\s*+[（(【\[:：\-—]?\s*+(?:その\s*+(?P<jp>\d{1,3}|" + _CN_DIGITS
               + r")|第\s*+(?P<nth>\d{1,3}|" + _CN_DIGITS
               + r")\s*+(?:回|話|话|部分|部|篇|讲|講|章|期|节|節|弹|彈))"),
    # a numbered part in Chinese after 系列之: 深度学习系列之三：卷积 (之三 alone is also
    # "the third of": 三大难题之一 names no series)
    re.compile(r"^(?P<stem>.*?\S)\s*+系列之(?P<zhi>\d{1,3}|" + _CN_DIGITS + r")"
               r"(?=[\s:：\-—(（\[【,，]|$)"),
    # …and after a word for a body of writing, whose installments 之N numbers: Flask
    # 学习笔记之二, JNI笔记之二：Invocation API, Rust教程之三 (not a set of things:
    # 三大难题之一, "one of the three")
    re.compile(r"^(?P<stem>.*?(?:" + _WRITINGS + r"))\s*+之(?P<zhi>\d{1,3}|" + _CN_DIGITS
               + r")(?=[\s:：\-—(（\[【,，]|$)"),
    # a numbered part in Korean: …제3회, …제2장; …1편, … (2편), …3부: 부제, …4화; without
    # 제 only at the title's end or before a bracket or separator (영화 3편 추천, 3부터: a
    # count and a particle, not a part)
    re.compile(r"^(?P<stem>.*?\S)\s*+[(\[:：\-—]?\s*+(?:제\s*+(?P<ko_nth>\d{1,3})\s*+"
               r"(?:편|부|회|화|장|강|권)(?![가-힣])|(?P<ko>\d{1,3})\s*+(?:편|부|화|탄)"
               r"(?=\s*+(?:[)\]:：\-—–]|$)))"),
    # the part before the series' name: 第3回 Rust入門, 【第2回】Rust入門, 제3회 러스트 입문,
    # Part 2: Building a Blog, [Chapter III] Building a Blog; an English part word before
    # a separator or in brackets ("Episode 4 A New Hope" names none). Only a name alike
    # in two titles makes a series: "Part 1: Setup" and "Part 2: Routing" are none
    re.compile(r"^[（(【\[]?\s*+(?:第\s*+(?P<nth>\d{1,3}|" + _CN_DIGITS + r")\s*+(?:回|話|话|部分"
               r"|部|篇|讲|講|章|期|节|節)|제\s*+(?P<ko_nth>\d{1,3})\s*+(?:편|부|회|화|장|강)|(?:"
               + _PART_WORDS + r")\s*+(?P<en>\d{1,3}|[ivxlc]{1,7}|" + "|".join(EN_NUM)
               + r")(?![\w.]))(?:\s*+[）)】\]]\s*+[:：\-—–|.、]?|\s*+[:：\-—–|、]"
               r"|(?<=[^\W\d_a-z]))\s*+(?P<stem>\S.*)$", re.I),
)
# the patterns' groups of a part's number in digits or Chinese numerals (one name each:
# a pattern cannot name two groups alike)
_NUMBER_GROUPS = ("num", "jp", "nth", "zhi", "ko_nth", "ko", "dn")


def _english_number(text: str) -> int | None:
    """The value of ``2``, ``IV`` or ``two`` (a part's number in an English title)."""
    t = text.lower()
    if t.isdecimal():
        return int(t)
    if t in EN_NUM:
        return EN_NUM[t]
    values = [_ROMAN[c] for c in t]
    total = sum(-v if i + 1 < len(values) and v < values[i + 1] else v
                for i, v in enumerate(values))
    return total if 0 < total < 200 else None


def chinese_number(text: str) -> int:
    """Return the value of a number written in digits or Chinese numerals up to 999."""
    if text.isdecimal():
        return int(text)
    if text in CN_NUM:
        return CN_NUM[text]
    total, current = 0, 0
    for ch in text:
        if ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            current = CN_NUM.get(ch, 0)
    return total + current


def series_of(title: str) -> tuple[str, int] | None:
    """Return ``(series stem key, position)`` of a title, or None when it is in no series.

    >>> series_of("Transformer升级之路：4、二维位置的旋转式位置编码")
    ('transformer升级之路', 4)
    >>> series_of("让人惊叹的Johnson-Lindenstrauss引理：理论篇")
    ('让人惊叹的johnson-lindenstrauss引理', 1)
    >>> series_of("Writing a Parser, Part Two: Grammars")
    ('writingaparser', 2)
    """
    found = series_part(title)
    return (title_stem_key(found[0]), found[1]) if found else None


_STEM_END = ":;⋅-–—_,.·|([【"
# a sequel's mark after the title it continues: X（续）, X(續), X（续二）, X（再续）,
# X（补充）, X：补充, X 续篇, X（続き）, X（続編）, X（補足）, X (계속), X (속편),
# X (continued), "X, Revisited"; and before it: 続・X, 再谈X, 再論X
_SEQUEL_WORDS = (r"再续|再續|续篇|續篇|续集|續集|续|續|补充|補充|補足|続き|続編|続|계속|속편"
                 r"|continued|cont\.|revisited")
_SEQUEL_AFTER_RE = re.compile(     # (not from inside a run of spaces: linear in one)
    r"(?<!\s)(?:\s*+[（(【\[]\s*+(?P<mark>(?:" + _SEQUEL_WORDS + r")(?P<nth>[一二三四五六七八九]|\d)?)"
    r"\s*+[）)】\]]|\s*+[:：\-—,，]\s*+(?P<mark2>" + _SEQUEL_WORDS + r")"
    r"|\s++(?P<mark3>续篇|續篇|続編|revisited))\s*+$", re.I)
_SEQUEL_BEFORE_RE = re.compile(r"^\s*+(?:続|續)\s*+[・·]\s*+|^\s*+(?:再谈|再談|再论|再論)\s*+")
_SEQUEL_AGAIN = ("再续", "再續")       # a sequel's sequel: the third post


def sequel_of(title: str) -> tuple[str, int] | None:
    """``(series stem key, position)`` of a sequel: a title that is another post's title
    with a sequel's mark (``（续）``, ``（补充）``, ``(continued)``, ``続・``, ``再谈``;
    :data:`_SEQUEL_AFTER_RE`), position 2 (3 for ``（再续）`` and ``（续二）``); None for
    any other title. The title it continues joins the series as its first post
    (:func:`series_group_edges`), so a sequel whose original is not in the input links
    nothing.

    >>> sequel_of("太阳帆技术的粗浅分析（补充）")
    ('太阳帆技术的粗浅分析', 2)
    >>> sequel_of("Writing a Parser, Revisited"), sequel_of("続・深層学習入門")
    (('writingaparser', 2), ('深層学習入門', 2))
    """
    m = _SEQUEL_AFTER_RE.search(title)
    if m:
        stem, mark = title[:m.start()], m.group("mark") or m.group("mark2") or m.group("mark3")
        position = 3 if mark in _SEQUEL_AGAIN else 2
        if m.group("nth"):
            position = chinese_number(m.group("nth")) + 1
    else:
        before = _SEQUEL_BEFORE_RE.match(title)
        if not before:
            return None
        stem, position = title[before.end():], 2
    key = title_stem_key(stem)
    return (key, position) if len(key) >= 2 else None


def title_stem_key(title: str) -> str:
    """A title's key as a series stem (:func:`series_of`, :func:`sequel_of`): the post
    whose whole title is a series' stem is that series' first post or its introduction."""
    return normalize_title(title).rstrip(_STEM_END)


def series_part(title: str) -> tuple[str, int, bool] | None:
    """The series stem of a title as written (without the separator before the part),
    the part's position, and whether the title numbers it (``Part 2``, （二）)
    rather than naming it (上篇, 後編); None when the title is in no series.

    >>> series_part("Writing a Parser, Part III")
    ('Writing a Parser', 3, True)
    """
    raw = title.strip()
    t = unicodedata.normalize("NFKC", raw)
    written = raw if len(raw) == len(t) else t     # (full-width ！ and ： kept as written)
    for pat in _SERIES_PATTERNS:
        m = pat.match(t)
        if not m:
            continue
        stem = written[m.start("stem"):m.end("stem")].strip()
        stem = stem.rstrip(_STEM_END + "：；（【").strip()
        if len(title_stem_key(stem)) < 2:
            continue
        found = m.groupdict()
        if found.get("en"):
            number = _english_number(found["en"])
            if number is None:
                continue
            return stem, number, True
        number = next((found[g] for g in _NUMBER_GROUPS if found.get(g)), None)
        if number:
            return stem, chinese_number(number), True
        return stem, PART_ORDER[found["part"]], False
    return None


def looks_like_paper(title: str) -> bool:
    """True when a cited title is Latin script (a paper), not a Chinese post title.

    Links to a paper's page (arXiv, OpenReview, a DOI: :func:`graphkit.sites.paper_id`)
    also make paper nodes, see :func:`citation_edges`.
    """
    return not _CJK_RE.search(title) and len(_LATIN_RE.findall(title)) >= 3


@dataclass(frozen=True)
class Edge:
    """One relationship.

    Attributes
    ----------
    source, target : str
        Node ids. For undirected kinds, ``source < target``.
    kind : str
        ``"cites"``, ``"series"``, ``"topic"``, ``"coupling"`` or ``"cocitation"``.
    weight : float
        For ``cites``, the number of distinct sentences of the citing post that cite the
        target (a link and a 《title》 in one sentence count once),
        1 for ``series``, cosine similarity in (0, 1] for ``topic``.
    evidence : str
        Citing sentence, series description, or shared keywords joined by ``", "``.
    cited_title : str
        The title exactly as written in the citation (``cites`` only).
    span : tuple of int
        Offsets of the cited text in ``evidence`` (``cites`` only), else ``(0, 0)``.
    via : str
        How a citation was found: ``"link"``, ``"title"`` or ``"link+title"``.
    keywords : tuple of str
        Shared keywords (``topic`` only).
    """

    source: str
    target: str
    kind: str
    weight: float
    evidence: str
    cited_title: str = ""
    span: tuple[int, int] = (0, 0)
    via: str = ""
    keywords: tuple[str, ...] = ()

    @property
    def directed(self) -> bool:
        """True for ``cites`` and ``series`` edges."""
        return self.kind in DIRECTED_KINDS


@dataclass(frozen=True)
class ExtraNode:
    """A cited work that is not a post of the input."""

    key: str
    kind: str          # "unresolved" or "paper"
    title: str


_PREFIX_RE = re.compile(r"^(\[[^\]]{1,20}\]|<[^>]{1,20}>系列[-—]*)\s*")
_NUMBERING_RE = re.compile(r"^\d{1,3}[.,:]\s*")
_NUMBERS_RE = re.compile(r"\d+|[一二三四五六七八九十百]+|(?<=\()[上中下상중하](?=\))|[上中下]篇|理论篇"
                         r"|应用篇|[상중하후]편")


def _numbers(key: str) -> list[str]:
    return _NUMBERS_RE.findall(key)


def title_variants(title: str) -> set[str]:
    """Other keys under which a post may be cited: the title without its series prefix
    (``【中文分词系列】 2. 基于切分的新词发现`` → ``基于切分的新词发现``), the part before
    the colon of a non-series title, the two halves swapped, and ``X`` of a title that
    opens with ``《X》``."""
    key = normalize_title(title)
    out = set()
    stripped = _PREFIX_RE.sub("", key)
    if stripped != key:
        out.add(stripped)
        out.add(_NUMBERING_RE.sub("", stripped))
    parts = [p for p in key.split(":") if p]
    if len(parts) == 2:
        # the part before the colon names the post unless it is a bare series stem
        if len(parts[0]) >= 6 and (series_of(title) is None or _numbers(parts[0])):
            out.add(parts[0])
        if parts[0].startswith("<") and parts[0].endswith(">"):
            out.add(parts[1])            # 《新理解矩阵3》：行列式的点滴 → 行列式的点滴
        if series_of(title) is None:
            out.add(parts[1] + ":" + parts[0])
    m = re.match(r"^<([^<>]{6,})>.", key)
    if m:
        out.add(m.group(1))
    out.discard(key)
    return {v for v in out if len(v) >= 4}


# a title slug key shorter than this names no post by itself (/a/, /go/, /ok/)
TITLE_SLUG_MIN = 4


def title_slug_key(text: str) -> str:
    """The letters and digits of a title or of an address's part, as
    :func:`graphkit.text.normalize_title` folds them: ``What's new?`` and ``whats-new``,
    ``트랜스포머 입문`` and ``트랜스포머-입문`` give one key. Generators and platforms make
    a post's default address of its title so (WordPress' ``sanitize_title``, Ghost's slug,
    Tistory's ``/entry/`` address keep a title's letters and digits, runs of the rest
    turned to ``-``).

    References
    ----------
    .. [1] WordPress, ``sanitize_title_with_dashes``,
       https://developer.wordpress.org/reference/functions/sanitize_title_with_dashes/
    """
    return re.sub(r"[\W_]+", "", normalize_title(text))


def _path_parts(path: str) -> list[str]:
    """A link's path segments, without scheme and host, query, anchor, ``.`` and ``..``."""
    bare = re.sub(r"^[a-z][a-z0-9+.\-]*:(?://[^/]*)?", "", path, flags=re.I)
    return [s for s in bare.split("#", 1)[0].split("?", 1)[0].split("/")
            if s not in ("", ".", "..")]


class TitleIndex:
    """Resolve cited titles and archive ids to posts.

    Resolution of a cited title, in order: exact match of the normalised title
    (:func:`graphkit.text.normalize_title`); a unique variant of a post title
    (:func:`title_variants`); then, if ``fuzzy``, the closest title by
    ``rapidfuzz.fuzz.ratio`` when it scores at least ``FUZZY_CUTOFF``, leads the next
    candidate by ``FUZZY_MARGIN`` and has exactly the same numbers — so that members of
    a series, which differ only by their number, are never confused.

    References
    ----------
    .. [1] RapidFuzz, https://github.com/rapidfuzz/RapidFuzz
    """

    FUZZY_CUTOFF = 88.0
    FUZZY_MARGIN = 4.0
    FUZZY_MIN_LENGTH = 6

    def __init__(self, posts: tuple[Post, ...] | list[Post], *, fuzzy: bool = True):
        self.fuzzy = fuzzy
        self.by_title: dict[str, str] = {}
        self.by_id: dict[int, str] = {}
        self.by_alias: dict[str, set[str]] = {}
        self.dates: dict[str, str] = {}
        self.titles: dict[str, str] = {}
        self.hosts: set[str] = set()   # hosts of the posts' own addresses: the site
        self.folders: set[str] = set()  # host/first folder of the posts' own addresses
        self.paths: dict[str, str] = {}  # a post's own address's path, as an alias
        self.post_hosts: dict[str, str] = {}   # a post's own address's host
        ambiguous: set[str] = set()
        variants: dict[str, set[str]] = {}
        papers: dict[str, set[str]] = {}   # a link's text → the papers it is the text of
        for p in posts:
            if p.archive_id is not None:
                self.by_id[p.archive_id] = p.key
            for link in p.links:
                paper = paper_id(outbound_target(link.url.strip())) if link.anchor else None
                if paper:
                    papers.setdefault(normalize_title(link.anchor.strip().strip("《》")),
                                      set()).add(f"paper:{paper}")
            for alias in p.aliases:
                self.by_alias.setdefault(alias, set()).add(p.key)
            if p.url and p.archive_id is None:
                own = url_aliases(p.url)
                if own:
                    self.paths[p.key] = max(own, key=len)
                host = url_host(p.url)
                if host:
                    self.hosts.add(host)
                    self.post_hosts[p.key] = host
                    top = urlsplit(p.url.strip()).path.strip("/").split("/", 1)[0]
                    if top:
                        self.folders.add(f"{host}/{top.casefold()}")
            if p.date:
                self.dates[p.key] = p.date
            if p.title:
                self.titles[p.key] = p.title
                k = normalize_title(p.title)
                if k in self.by_title and self.by_title[k] != p.key:
                    ambiguous.add(k)
                self.by_title[k] = p.key
                for v in title_variants(p.title):
                    variants.setdefault(v, set()).add(p.key)
        for k in ambiguous:
            del self.by_title[k]
        self.by_variant = {v: next(iter(ks)) for v, ks in variants.items()
                           if len(ks) == 1 and v not in self.by_title}
        # a paper cited by its title (《Matrix Capsules with EM Routing》) is the paper some
        # post links by that title (arXiv, OpenReview, a DOI), when only one is
        self.papers = {k: next(iter(ps)) for k, ps in papers.items() if len(ps) == 1 and k}
        self._keys = sorted(self.by_title)
        self._cache: dict[str, str | None] = {}
        # pages of a Notion export: links name them by their id (see resolve_url)
        self.notion = any(a.startswith("notion/") for a in self.by_alias)
        # posts of Tumblr: links name them by number (see resolve_url)
        self.tumblr = any(a.startswith("tumblr/") for a in self.by_alias)
        self._velog: dict[str, str] | None = None   # made on the first Velog link
        self._slugs: dict[str, str] | None = None   # made on the first link no path names

    def _slugs_of_titles(self, slug) -> dict[str, str]:
        """The post each slug ``slug(title)`` makes of a title names (a slug of several
        titles, or empty, names none)."""
        by_slug: dict[str, set[str]] = {}
        for key, title in self.titles.items():
            by_slug.setdefault(slug(title), set()).add(key)
        return {s: next(iter(ks)) for s, ks in by_slug.items() if len(ks) == 1 and s}

    def _velog_slugs(self) -> dict[str, str]:
        """The post each Velog slug made from a title names (a slug of several, none)."""
        if self._velog is None:
            self._velog = self._slugs_of_titles(velog_slug)
        return self._velog

    def _title_slugs(self) -> dict[str, str]:
        """The post whose title each title slug key (:func:`title_slug_key`) names (a key
        of several titles names none; nor does a short or all-digit key)."""
        if self._slugs is None:
            self._slugs = {s: k for s, k in self._slugs_of_titles(title_slug_key).items()
                           if len(s) >= TITLE_SLUG_MIN and not s.isdigit()}
        return self._slugs

    def _by_title_slug(self, path: str) -> str | None:
        """The post whose title a link's last path part is written as, on the post's own
        host, when no post has that path and no post's address or file that name (see
        :meth:`resolve_url`), else None."""
        parts = _path_parts(path)
        if not parts or (len(parts) >= 2 and parts[-2].casefold() in LIST_FOLDERS):
            return None
        name = re.sub(rf"\.({DOC_EXTENSIONS}|html?|php|aspx?)$", "", parts[-1], flags=re.I)
        if name.casefold() in self.by_alias:   # (a name posts' addresses use: not a title)
            return None
        found = self._title_slugs().get(title_slug_key(name))
        host = url_host(path) if OWN_SCHEME_RE.match(path) else None
        if found is None or (host and self.post_hosts.get(found, host) != host):
            return None
        return found

    def is_exact(self, cited: str, key: str) -> bool:
        """True when ``cited`` is the title of post ``key`` itself (normalised)."""
        return normalize_title(self.titles.get(key, "")) == normalize_title(cited)

    def resolve(self, cited: str) -> str | None:
        """Return the node id of the post that ``cited`` names, or None."""
        key = normalize_title(cited)
        if key in self.by_title:
            return self.by_title[key]
        if key in self.by_variant:
            return self.by_variant[key]
        for v in title_variants(cited):
            if v in self.by_title:
                return self.by_title[v]
        if not self.fuzzy or len(key) < self.FUZZY_MIN_LENGTH or looks_like_paper(cited):
            return None
        if key not in self._cache:
            self._cache[key] = self._fuzzy(key)
        return self._cache[key]

    def resolve_url(self, url: str, *, base: str | None = None) -> str | None:
        """Return the node id of the post a link points to, or None.

        ``base`` is the address of the page the link is on. A relative link
        (``../slug/``) is first read from it, as a browser does, and, when that finds no
        post, by its own path as below; so two posts of one slug in two sections or
        languages (``/posts/x/``, ``/en/posts/x/``) are told apart by where the link is.

        In order: archive URLs of kexue.fm or spaces.ac.cn and ``/archives/ID`` paths by
        id (such a path on a page of another site, or naming no archived post, is read as
        any other site path: Typecho's default address is ``/archives/ID/`` on every
        blog); ``site-ref:`` links (a generator's own link syntax, see
        :func:`graphkit.sites.expand_site_links`) by the target's file names, else by
        the one post whose whole title it is (a wikilink ``[[Linear Attention]]`` to the
        note titled so, as Foam, Logseq and Jekyll's digital gardens resolve it); absolute
        URLs (the web's, and a Gemini capsule's ``gemini://``) only when their host is the
        site's own (a host of the posts' addresses, or learnt: :meth:`learn_hosts`);
        relative links (``../slug/``, ``/2017/06/21/slug.html``) by URL path, relative
        path or slug (:attr:`Post.aliases`); Notion's addresses and exported file names
        by the page id they end with (:func:`graphkit.sites.notion_page_id`); Tumblr's
        addresses, short links and ``/post/ID`` paths by the post's number
        (:func:`graphkit.sites.tumblr_post_alias`); Zenn's and Qiita's addresses by an
        article's slug or id, under any user (:func:`graphkit.sites.article_platform_alias`);
        Velog's addresses by the slug Velog makes of a post's title, under any user
        (:func:`graphkit.sites.velog_post_slug`);
        Substack's
        addresses by a post's number (:func:`graphkit.sites.substack_post_id`), and its
        app's share links as the publication's own addresses
        (:func:`graphkit.sites.substack_address`); WeChat articles' long addresses by
        account, message and position (:func:`graphkit.sites.weixin_article_id`); a
        user's sub-domain as the user's folder (``NAME.blog.csdn.net/x`` is
        ``blog.csdn.net/NAME/x`` when posts live there). A link
        through a platform's outbound redirector (``link.zhihu.com/?target=…``) is its
        target (:func:`graphkit.sites.outbound_target`), and so is an AMP cache's or
        viewer's address and a Naver Blog frame's ``PostView`` address; a post's AMP
        edition (``/slug/amp/``, ``/amp/slug/``) is the post when no page has that path
        (:func:`graphkit.sites.amp_page_path`), so is a page of it (``/slug/2/``,
        ``/slug/comment-page-2/``: :func:`graphkit.sites.post_page_path`), and a site's
        edition for phones
        (``m.HOST``) the site (:func:`graphkit.sites.site_host`). A tag's, category's,
        label's, author's or page number's list page (``/tags/rope/``, ``/page/2/``:
        :data:`graphkit.sites.LIST_FOLDERS`) names no post by its last part. Anchors
        and query strings are otherwise ignored.
        A path no post has, whose last part is a post's whole title written as an address
        (``/entry/트랜스포머-입문``, ``/whats-new/``: :func:`title_slug_key`; Tistory's,
        WordPress' and Ghost's default addresses are made of the title), is that post
        when it is the only post of that title, no post's address or file has that name
        and the link is on its host.
        A name that several posts share resolves to the one whose own address's whole
        path it is (``/beta`` to the page at ``/beta``, not to ``/en/beta``), else only
        when the dates in the link's path (``/2017/06/``) pick one of them, or the
        folders it names (``/zh/blog/rope/``) are all in the address of one of them.
        """
        u = outbound_target(url.strip())
        if base and u and not re.match(r"^([a-z][a-z0-9+.\-]*:|[/#?])", u, re.I) \
                and re.match(r"^https?://", base, re.I):
            try:
                joined = urljoin(base, u)
            except ValueError:
                joined = ""
            found = self.resolve_url(joined) if joined.startswith(("http:", "https:")) else None
            if found is not None:
                return found
        m = ARCHIVE_URL_RE.match(u)
        site_path = u.startswith("/")
        if m and site_path and base and re.match(r"^https?://", base, re.I) \
                and not ARCHIVE_URL_RE.match(base):
            m = None                        # another blog's own /archives/ID/ path
        if m and (int(m.group(1)) in self.by_id or not site_path):
            return self.by_id.get(int(m.group(1)))
        target = site_ref_target(u)
        if not self.by_alias:      # (posts of no address: a note app's export)
            return self.by_title.get(normalize_title(target)) if target else None
        if self.notion:                     # Notion: a page's id, in any address form
            notion = self.by_alias.get(f"notion/{notion_page_id(u)}", ())
            if len(notion) == 1:
                return next(iter(notion))
        if self.tumblr:             # Tumblr: a post's number, on any host or none
            tumblr = self.by_alias.get(tumblr_post_alias(u, any_host=True) or "", ())
            if len(tumblr) == 1:
                return next(iter(tumblr))
        wp = re.search(r"[?&](?:p|page_id)=(\d+)", u)
        if target is not None:
            path = target
        elif re.match(r"^[a-z][a-z0-9+.\-]*:", u, re.I):
            medium = self.by_alias.get(f"medium/{medium_post_id(u)}", ())
            if len(medium) == 1:             # Medium: any of a post's address forms
                return next(iter(medium))
            substack = self.by_alias.get(f"substack/{substack_post_id(u)}", ())
            if len(substack) == 1:           # Substack: a post's number, on any host
                return next(iter(substack))
            weixin = self.by_alias.get(f"weixin/{weixin_article_id(u)}", ())
            if len(weixin) == 1:             # WeChat: account, message and position
                return next(iter(weixin))
            article = self.by_alias.get(article_platform_alias(u) or "", ())
            if len(article) == 1:            # Zenn's slug, Qiita's id: under any user
                return next(iter(article))
            velog = velog_post_slug(u)
            found = self._velog_slugs().get(velog) if velog else None
            if found is not None:            # Velog: the slug made of a title, any user
                return found
            u = self._user_folder(substack_address(u))
            if not OWN_SCHEME_RE.match(u) or url_host(u) not in self.hosts:
                return None                  # another site, mail, script: not a post here
            path = u
            if wp and len(self.by_alias.get(f"p={wp.group(1)}", ())) == 1:
                return next(iter(self.by_alias[f"p={wp.group(1)}"]))
        else:
            path = re.sub(r"^(\.\./|\./)+", "", u)
            if wp and re.match(r"^/?(?:index\.php)?\?", path) \
                    and len(self.by_alias.get(f"p={wp.group(1)}", ())) == 1:
                return next(iter(self.by_alias[f"p={wp.group(1)}"]))   # the site's /?p=ID
        path = unquote(path)
        if target is not None:
            # [[Title]] naming no file: the one post of that title
            return (self._by_path(path, listing_pages=False)
                    or self.by_title.get(normalize_title(target)))
        if max(url_aliases(path), key=len, default="") not in self.by_alias:
            # no page has this path: the AMP edition of a post, or one of its pages
            for plain in (amp_page_path(path), post_page_path(path)):
                found = self._by_path(plain) if plain is not None else None
                if found is not None:
                    return found
        return self._by_path(path) or self._by_dated_file(path) or self._by_title_slug(path)

    def _by_dated_file(self, path: str) -> str | None:
        """The post a link to a dated source file names (``2020-12-01-rope.md``, as
        Jekyll's ``_posts``, Hexo's dated ``new_post_name`` and Zola's dated files are
        named) when no post has that file: the one post of that slug (``rope``) dated
        that day. A built site's links to ``.md`` files that the generator left as
        written (Jekyll turns them into addresses only for its pages, unless told)
        reach the post so; a browser finds nothing there. The file names the author's
        day; the page may show the day after or before, in the site's time zone
        (Jekyll's ``20:05 -05:00`` is the next day in UTC): the post of that slug dated
        that day, else the one dated a day off."""
        parts = _path_parts(path)
        m = re.match(rf"^(\d{{4}})-(\d\d)-(\d\d)-(.+)\.(?:{DOC_EXTENSIONS})$",
                     parts[-1] if parts else "", re.I)
        if not m:
            return None
        try:
            day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
        slugs = self.by_alias.get(m.group(4).casefold(), ())
        for days in ((day,), (day - dt.timedelta(days=1), day + dt.timedelta(days=1))):
            named = {d.isoformat() for d in days}
            hits = [k for k in slugs if self.dates.get(k, "")[:10] in named]
            if hits:
                return hits[0] if len(hits) == 1 else None
        return None

    def _by_path(self, path: str, *, listing_pages: bool = True) -> str | None:
        """The post a link's path names by its aliases (longest first), else None. With
        ``listing_pages``, a tag's or category's page (``/tags/rope/``) is no post named by
        its last part; a file's path (a wikilink's ``topics/rope``) may be."""
        parts = [s.casefold() for s in _path_parts(path)]
        listing = listing_pages and len(parts) >= 2 and parts[-2] in LIST_FOLDERS
        for alias in sorted(url_aliases(path), key=len, reverse=True):
            if listing and "/" not in alias:
                continue
            keys = self.by_alias.get(alias)
            if not keys:
                continue
            if len(keys) == 1:
                return next(iter(keys))
            own = [k for k in keys if self.paths.get(k) == alias]
            if len(own) == 1:           # the whole address of one, the last part of others
                return own[0]
            picked = (self._by_link_date(path, keys)
                      or self._by_link_folders(set(parts[:-1]), keys))
            if picked is not None:
                return picked
        return None

    def _by_link_folders(self, folders: set[str], keys: set[str]) -> str | None:
        """The one post among ``keys`` whose own address holds every folder a link's path
        names before its last part (``folders``, case-folded), in any order:
        ``/zh/blog/rope/`` is the post at ``/blog/zh/rope/``, not the one at
        ``/blog/en/rope/`` (a site whose language folder comes first in its addresses, by
        a route not read); else None."""
        if not folders:
            return None
        hits = [k for k in keys if k in self.paths
                and folders <= set(self.paths[k].split("/")[:-1])]
        return hits[0] if len(hits) == 1 else None

    def _user_folder(self, url: str) -> str:
        """``https://host/NAME/x`` for ``https://NAME.host/x`` when the posts live under
        ``host/NAME/``: a platform that serves each user's blog both in a folder and on a
        sub-domain of its own (CSDN's ``NAME.blog.csdn.net/article/details/ID`` and
        ``blog.csdn.net/NAME/article/details/ID``)."""
        host = url_host(url)
        if not host or host in self.hosts or "." not in host:
            return url
        name, parent = host.split(".", 1)
        if f"{parent}/{name}" not in self.folders:
            return url
        try:
            parts = urlsplit(url.strip())
        except ValueError:
            return url
        return f"https://{parent}/{name}{parts.path or '/'}"

    def learn_hosts(self, posts) -> set[str]:
        """Add to :attr:`hosts` the hosts that are evidently the site's own.

        Exports often give no post its absolute address (a folder of Markdown, a Ghost
        export), while the posts link each other by absolute URL. A host counts as the
        site's own when links to it from the posts reach at least two different posts
        by their whole path (``https://blog.example/2017/06/21/slug/`` is the path of a
        post) and at least half of its links do. A link to another site reaches a post
        only by accident, and never half of the time.

        A site that names no address of its own (no canonical link, no feed, no
        configuration: a static export as Vercel's blog starter builds it) may link one
        of its posts by absolute URL once only: a host counts as well when its links
        reach, by a whole path of a folder and a name (``/posts/slug/``), built pages
        (HTML) that have no address of their own, and no other post, and at least half
        of its links do. Another site's page at the very path of a post read without its
        address is an accident of the same kind, and rarer.

        A site whose addresses are not its files' paths (Gridea's ``/post/SLUG/``, a
        ``permalink`` setting not given) counts when its links of one folder shape
        (``post/``; ``0000/00/`` for dated folders) reach at least two different posts
        by their last segment, the post's name, and four in five of the links of that
        shape do: another site's links (``github.com/me/REPO``) also reach names that
        are not posts here. A post's link to itself is no evidence either way (a post
        names where else it is published).

        Returns
        -------
        set of str
            The hosts added.
        """
        reached: dict[str, set[str]] = {}
        foldered: set[str] = set()            # hosts reached by a folder and a name
        # (posts that may be another's page at that path: an address of their own, or
        # no page built from a template: a note's or a capsule's file, whose paths follow
        # conventions other sites share, gemlog/2021-03-01-c.gmi)
        addressed = {p.key for p in posts
                     if p.url or not p.sources or p.sources[0].format not in PAGE_FORMATS}
        resolved: dict[str, int] = {}
        totals: dict[str, int] = {}
        by_name: dict[tuple[str, str], list[str | None]] = {}    # (host, folder shape)
        for p in posts:
            for link in p.links:
                u = substack_address(outbound_target(link.url.strip()))
                if not OWN_SCHEME_RE.match(u):
                    continue
                host = url_host(u)
                if not host or host in self.hosts:
                    continue
                totals[host] = totals.get(host, 0) + 1
                try:
                    path = unquote(urlsplit(u).path)
                except ValueError:
                    continue
                names = url_aliases(path)
                whole = max(names, key=len) if names else ""
                keys = self.by_alias.get(whole, set())
                if len(keys) == 1:
                    reached.setdefault(host, set()).update(keys)
                    resolved[host] = resolved.get(host, 0) + 1
                    if "/" in whole.strip("/"):
                        foldered.add(host)
                    continue
                name = whole.rpartition("/")[2]
                if name == whole:                     # (no folder: no shape to count)
                    continue
                keys = self.by_alias.get(name, set())
                if p.key not in keys:
                    shape = re.sub(r"\d", "0", whole[:-len(name)])
                    by_name.setdefault((host, shape), []).append(
                        next(iter(keys)) if len(keys) == 1 else None)
        added = {h for h, ks in reached.items() if 2 * resolved[h] >= totals[h] and (
            len(ks) >= 2 or (h in foldered and not ks & addressed))}
        added |= {h for (h, _), hits in by_name.items()
                  if len(set(hits) - {None}) >= 2 and 5 * sum(k is not None for k in hits)
                  >= 4 * len(hits)}
        self.hosts |= added
        return added

    def _by_link_date(self, path: str, keys: set[str]) -> str | None:
        """The one post among ``keys`` whose date the link's ``/YYYY/MM(/DD)/`` agrees with."""
        m = re.search(r"(?:^|/)(\d{4})/(\d{1,2})(?:/(\d{1,2}))?/", path)
        if not m:
            return None
        want = f"{m.group(1)}-{int(m.group(2)):02d}" + (f"-{int(m.group(3)):02d}" if m.group(3) else "")
        hits = [k for k in keys if self.dates.get(k, "").startswith(want)]
        return hits[0] if len(hits) == 1 else None

    def _fuzzy(self, key: str) -> str | None:
        from rapidfuzz import fuzz, process

        found = process.extract(key, self._keys, scorer=fuzz.ratio, limit=2,
                                score_cutoff=self.FUZZY_CUTOFF - self.FUZZY_MARGIN)
        if not found or found[0][1] < self.FUZZY_CUTOFF:
            return None
        if len(found) > 1 and found[0][1] - found[1][1] < self.FUZZY_MARGIN:
            return None
        best = found[0][0]
        if _numbers(best) != _numbers(key):
            return None
        return self.by_title[best]

# 《书名》（作者著） / (某某出版社) / (作者：…): the parenthesis that follows a book's name
BOOK_NOTE_RE = re.compile(r"\s*[（(]\s*(?:作者\s*[:：][^（）()\n]{1,30}|[^（）()\n]{1,30}?"
                          r"(?:著|编著|主编|等著|译|出版社))\s*[）)]")
# a sentence that points at the blog itself: 《X》 there is a post of the blog
BLOG_POINTER_RE = re.compile(r"本博客|本站|博客|本系列|系列文章|之前的文章|之前的博文|前面的文章|"
                             r"前文|前作|拙作|笔者|上一篇|前一篇|上篇|本文|我们之前|我之前|这篇文章")
# what a post about a work adds to the work's name
WORK_POST_WORDS = ("读后感", "浅读", "简介", "解读", "笔记", "阅读", "浅谈", "小记", "随笔", "学习",
                   "介绍", "简析", "初探", "导读", "赏析", "精读", "读书", "摘录", "书评", "一瞥",
                   "总结", "review", "notes", "reading", "summary", "的", "之", "读", "评")


def work_inside_title(cited: str, title: str) -> bool:
    """True when ``title`` is the name ``cited`` plus only words a post about a work adds.

    《Attention is All You Need》浅读 is a post about the work *Attention is All You
    Need*: what remains of the post's title once the work's name is taken out is words
    such as 浅读, 简介, 解读, 笔记, 阅读 (:data:`WORK_POST_WORDS`), possibly with a series
    prefix in brackets and a chapter number. A series prefix and a chapter number
    alone are not enough: that is how a series post is named and cited.
    """
    k, t = normalize_title(cited), normalize_title(title)
    if not k or k == t or k not in t:
        return False
    rest = t.replace(k, " ", 1)
    rest = re.sub(r"\[[^\[\]]*+\]|<[^<>]*+>", "", rest)
    rest = re.sub(r"第?[\d一二三四五六七八九十百]+[章节篇回讲部]?", "", rest)
    about = False
    for word in sorted(WORK_POST_WORDS, key=len, reverse=True):
        if word in rest:
            about = True
            rest = rest.replace(word, "")
    # a series prefix and a chapter number alone are how a series post is named
    # (【中文分词系列】 5. 基于语言模型的无监督分词 is cited as 《基于语言模型的无监督分词》)
    return about and not re.sub(r"[\W_]+", "", rest)


def citation_edges(posts: tuple[Post, ...] | list[Post], index: TitleIndex | None = None,
                   *, workers: int | None = 0) -> tuple[list[Edge], list[ExtraNode]]:
    """Extract ``cites`` edges from links and 《title》 citations.

    Parameters
    ----------
    posts : sequence of Post
        The merged posts; not modified.
    index : TitleIndex, optional
        Titles and ids to resolve against (by default, those of ``posts``).
    workers : int or None, keyword-only
        Processes that read the citations, each a contiguous share of the posts of
        about equal text (a post's citations depend on it and the index only; 0 or 1:
        this process; None: one per core from ``graphkit.keywords.PARALLEL_MIN_POSTS``
        posts when this process may fork). The result does not depend on it.

    Returns
    -------
    edges : list of Edge
        One edge per (citing post, cited post), in post order; the evidence is the first
        citing sentence.
    extra : list of ExtraNode
        Cited works that are no post, each once, named as the first post citing it
        names it.
    """
    if index is None:
        index = TitleIndex(posts)
        index.learn_hosts(posts)
    workers = _post_workers(posts, workers)
    if workers > 1:
        from ._runtime import fork_map

        parts = fork_map(_share_citations, _text_shares(posts, workers), workers,
                         shared=(posts, index))
    else:
        parts = [_post_citations(posts, index)]
    edges: list[Edge] = []
    extra: dict[str, ExtraNode] = {}
    for part_edges, part_extra in parts:
        edges += part_edges
        for node in part_extra:       # the first citing post's name for it
            extra.setdefault(node.key, node)
    return edges, sorted(extra.values(), key=lambda e: e.key)


def _post_workers(posts, workers: int | None) -> int:
    """``workers`` as :func:`citation_edges` and :func:`series_edges` read it."""
    if workers is None:
        from ._runtime import fork_workers
        from .keywords import PARALLEL_MIN_POSTS

        workers = fork_workers(len(posts), PARALLEL_MIN_POSTS)
    return workers if len(posts) >= 2 * workers else 0


def _text_shares(posts, workers: int) -> list[tuple[int, int]]:
    """``workers`` contiguous shares ``(start, end)`` of ``posts`` of about equal text
    (its characters, and 100 per link)."""
    from ._runtime import balanced_shares

    return balanced_shares((len(p.text) + 100 * len(p.links) + 1 for p in posts), workers)


def _share_citations(shared: tuple, share: tuple[int, int]):
    posts, index = shared
    return _post_citations(posts[share[0]:share[1]], index)


def _post_citations(posts, index: TitleIndex) -> tuple[list[Edge], list[ExtraNode]]:
    """:func:`citation_edges` of ``posts`` (a share of them): the edges in post order,
    and the extra nodes in the order first cited."""
    edges: dict[tuple[str, str], Edge] = {}
    extra: dict[str, ExtraNode] = {}

    sentences: dict[tuple[str, str], set[str]] = {}

    def add(src: str, dst: str, evidence: str, cited: str, span: tuple[int, int],
            via: str) -> None:
        key = (src, dst)
        seen = sentences.setdefault(key, set())
        seen.add(evidence)
        old = edges.get(key)
        if old is None:
            edges[key] = Edge(src, dst, "cites", 1.0, evidence, cited, span, via)
        else:
            vias = "+".join(sorted(set(old.via.split("+")) | {via}))
            edges[key] = Edge(src, dst, "cites", float(len(seen)), old.evidence,
                              old.cited_title, old.span, vias)

    for post in posts:
        linked: dict[str, str] = {}  # normalised anchor → post it links to
        # sentence → (where its anchor is in it, the post linked): for a 《》 inside an anchor
        anchors: dict[str, list[tuple[int, int, str]]] = {}
        for link in post.links:
            dst = index.resolve_url(link.url, base=post.url)
            if dst and dst != post.key:
                s = link.sentence.find(link.anchor) if link.anchor else -1
                span = (s, s + len(link.anchor)) if s >= 0 else (0, 0)
                if s >= 0 and "《" in link.anchor:
                    anchors.setdefault(link.sentence, []).append((*span, dst))
                add(post.key, dst, link.sentence, link.anchor.strip("《》"), span, "link")
            target = outbound_target(link.url.strip()) if dst is None else ""
            paper = paper_id(target) if target else None
            archive = ARCHIVE_URL_RE.match(target) if paper is None else None
            if paper or archive:
                # a paper (arXiv, OpenReview, a DOI), or a post of the site that is not
                # among the inputs
                dst, kind = ((f"paper:{paper}", "paper") if paper else
                             (f"unresolved:{_archive_site(target, post.url)}archives/"
                              f"{archive.group(1)}", "unresolved"))
                extra.setdefault(dst, ExtraNode(dst, kind, link.anchor.strip("《》 ") or dst))
                add(post.key, dst, link.sentence, link.anchor.strip("《》"), (0, 0), "link")
            if dst:
                linked[normalize_title(link.anchor.strip().strip("《》"))] = dst
        for m in CITATION_RE.finditer(post.text):
            written = m.group(1)          # cited_title keeps it exactly as written
            cited = written.strip()
            if not cited:
                continue
            sentence, a, b = sentence_around(post.text, m.start(), m.end())
            # a 《title》 that is the text of a resolved link, or a part of the text of a link
            # to a post (《Attention is All You Need》浅读), cites what the link points to
            dst = linked.get(normalize_title(cited)) or next(
                (to for s, e, to in anchors.get(sentence, ()) if s <= a and b <= e), None)
            kind = None
            if dst is None:
                if BOOK_NOTE_RE.match(post.text, m.end()):
                    kind = "book"            # 《微分几何》（彭家贵、陈卿著）: a book
                else:
                    dst = index.resolve(cited)
                    if (dst is not None and not index.is_exact(cited, dst)
                            and work_inside_title(cited, index.titles.get(dst, ""))
                            and not BLOG_POINTER_RE.search(sentence)):
                        dst, kind = None, ("paper" if looks_like_paper(cited) else "book")
            if dst is None:
                kind = kind or ("paper" if looks_like_paper(cited) else "unresolved")
                dst = (index.papers.get(normalize_title(cited)) if kind == "paper" else None
                       ) or f"{kind}:{normalize_title(cited)}"
                extra.setdefault(dst, ExtraNode(dst, kind, cited))
            if dst != post.key:
                add(post.key, dst, sentence, written, (a, b), "title")
        _title_mark_citations(post, index, linked, add)
    return list(edges.values()), list(extra.values())


def _title_mark_citations(post: Post, index: TitleIndex, linked: dict[str, str], add) -> None:
    """Add the citations of ``post`` written in 〈〉, 「」 or 『』 (:data:`TITLE_MARK_RE`).

    Those marks also quote speech and terms, so a mark cites a post only when what it
    holds is the whole title of one post (its key at least :data:`TITLE_MARK_MIN`
    characters long) or the text of one of the post's links to a post (it cites what
    the link points to): no variant, no fuzzy match, and nothing unresolved is kept.
    A mark inside a 《》 citation is part of that title
    (《〈Attention is All You Need〉浅读》).

    References
    ----------
    .. [1] "书名号" (双书名号 《》, 单书名号 〈〉; Taiwan's 重訂標點符號手冊, 2008),
       Wikipedia, https://zh.wikipedia.org/wiki/%E4%B9%A6%E5%90%8D%E5%8F%B7
    .. [2] "約物の使い方──鉤括弧「「」」と二重鉤括弧「『』」" (a work in 『』, an article of
       it in 「」), note.com, https://note.com/takeotamashiro/n/nf4187ad1bc49
    """
    spans = [m.span() for m in CITATION_RE.finditer(post.text)]    # (in order, disjoint)
    starts = [s for s, _ in spans]
    for m in TITLE_MARK_RE.finditer(post.text):
        i = bisect.bisect_left(starts, m.start()) - 1
        if i >= 0 and spans[i][1] > m.start():
            continue
        g = m.lastindex or 1
        written = m.group(g)
        key = normalize_title(written)
        dst = linked.get(key)
        if dst is None and len(key) >= TITLE_MARK_MIN:
            dst = index.by_title.get(key)
        if dst is None or dst == post.key:
            continue
        sentence, a, b = sentence_around(post.text, m.start(), m.end())
        add(post.key, dst, sentence, written, (a, b), "title")


def _archive_site(target: str, base: str | None) -> str:
    """The host (and ``/``) an unresolved ``/archives/ID`` path belongs to when it is not
    kexue.fm's: a site path on a page of another host (Typecho's addresses) is that
    blog's, so two blogs' ``/archives/15/`` are two nodes.

    >>> _archive_site("/archives/15/", "https://b.example/archives/3/")
    'b.example/'
    >>> _archive_site("/archives/15/", "https://kexue.fm/archives/3")
    ''
    >>> _archive_site("/archives/1", None)
    ''
    """
    if (target.startswith("/") and base and re.match(r"^https?://", base, re.I)
            and not ARCHIVE_URL_RE.match(base)):
        host = url_host(base)
        return f"{host}/" if host else ""
    return ""


PREVIOUS_RE = re.compile(r"(上一篇|前一篇|上篇文章|前篇|前回の記事|前回|"
                         r"(?:지난번?|이전|저번|앞선|앞의) ?(?:글(?!자)|포스팅|포스트|게시글)|"
                         r"(?i:\b(?:previous|last) (?:post|article|part|installment|episode"
                         r"|chapter|entry)\b))")
FRONT_MATTER_SERIES = "series: "     # the stem of a series named by the posts' metadata
# a title that is a numbered part and its own subtitle, with no series name: "Day 3:
# Ownership", "Lecture 2 – Convexity", "[Week 4] Pandas", "Part 3: Deploying"; the part
# word is the series' only name (PART_ONLY_SERIES + the word, see series_group_edges)
_PART_ONLY_RE = re.compile(
    r"^\s*+[(\[]?\s*+(?P<word>day|week|lecture|lesson|chapter|part|episode|session|tutorial"
    r"|module|unit|issue)\s*+#?\s*+(?P<n>\d{1,3})(?![\d.,]\d)\s*+[)\]]?\s*+[:：.\-–—|]"
    r"\s*+\S", re.I)
PART_ONLY_SERIES = "numbered parts: "
PART_ONLY_MIN = 3      # posts a series named by its part word alone needs
# a name and a bare number, then a subtitle or the title's end: "Learning Rust 2:
# Ownership", "Kubernetes notes 3 - Services", "深度学习入门2：张量". A version or model is
# written so too ("Python 3: What's New", "Windows 11 - Setup"), so such titles make a
# series only as parts 1 and 2 and on (the post titled by the name alone is part 1 when
# none is numbered 1), each number once (see series_group_edges); not a version
# ("Python 3.12:"), a time ("Standup 10:30 - notes") or a word ("COVID-19-era")
_NAME_NUMBER_RE = re.compile(
    r"^(?P<stem>.*?[^\s\d])(?P<gap>\s*+)(?P<n>\d{1,2})(?![\d.,]\d|[:：]\d|\d)"
    r"\s*+(?:[:：\-–—|]\s*+\S|$)")
NAME_NUMBER_SERIES = "numbered name: "
# the metadata that orders a series: Hugo's <taxonomy>_weight, and the names themes use
SERIES_ORDER_KEYS = ("series_weight", "series_order", "series_part", "part")


def series_edges(posts: tuple[Post, ...] | list[Post], *, workers: int | None = 0
                 ) -> list[Edge]:
    """Link the members of each series in order (later member → previous member).

    A series is named by the posts' metadata (``series`` of Hugo's taxonomy,
    jekyll-series or DEV, :func:`graphkit.readers.frontmatter.series_field`), its
    members ordered by ``series_weight`` (or another of :data:`SERIES_ORDER_KEYS`), then
    date, then the number in the title; or else by titles that share a series stem
    (:func:`series_of`) with different positions. A sequel (:func:`sequel_of`) follows
    the post it continues, and a post whose whole title is a stem is that series' first
    post (:func:`series_members`). When a member's text says
    上一篇/前一篇, 前回, 지난 글 or "the previous post" (:data:`PREVIOUS_RE`), its edge
    carries that sentence as evidence and ``via="previous"``.

    Parameters
    ----------
    posts : sequence of Post
    workers : int or None, keyword-only
        Processes that find the posts' series (:func:`series_members`), each a
        contiguous share of the posts, as :func:`citation_edges`' ``workers``. The edges
        do not depend on it.

    Returns
    -------
    list of Edge
        ``series`` edges, each with an evidence such as ``series 「transformer升级之路」: 4 → 1``.

    References
    ----------
    .. [1] Hugo, "Taxonomies" (``<taxonomy>_weight``),
       https://gohugo.io/content-management/taxonomies/
    """
    workers = _post_workers(posts, workers)
    if workers > 1:
        from ._runtime import fork_map

        parts = fork_map(_share_members, _text_shares(posts, workers), workers, shared=posts)
    else:
        parts = [_share_members(posts, (0, len(posts)))]
    groups: dict[str, list[SeriesMember]] = {}
    for part in parts:
        for stem, member in part:
            groups.setdefault(stem, []).append(member)
    return join_series(
        (stem, series_group_edges(stem, members)) for stem, members in groups.items()
        if any(m[0] != 0 for m in members))


def _share_members(posts, share: tuple[int, int]) -> list[tuple[str, SeriesMember]]:
    return [m for p in posts[share[0]:share[1]] for m in series_members(p)]


def join_series(groups) -> list[Edge]:
    """The edges of every series, ``groups`` of ``(stem, edges)`` in any order: by stem,
    and a pair of posts linked once (a sequel of a numbered part is in two series)."""
    seen: set[tuple[str, str]] = set()
    out = []
    for _, edges in sorted(groups, key=lambda g: g[0]):
        for e in edges:
            if (e.source, e.target) not in seen:
                seen.add((e.source, e.target))
                out.append(e)
    return out


SeriesMember = tuple  # (position, key, title, previous) with previous (sentence, a, b) or None


def _metadata_series(post: Post) -> "tuple[str, tuple] | None":
    """The series a post's metadata names, as a stem, and the post's place in it:
    ``(order, date, number in the title, title)``, which :func:`series_group_edges`
    ranks."""
    fields = dict(post.fields)
    name = " ".join(fields.get(SERIES_KEY, "").split()).casefold()
    if not name:
        return None
    order = float("inf")
    for key in SERIES_ORDER_KEYS:
        try:
            order = float(fields[key])
            break
        except (KeyError, ValueError):
            continue
    in_title = series_of(post.title) if post.title else None
    return FRONT_MATTER_SERIES + name, (order, post.date or "~", in_title[1] if in_title else 0,
                                        normalize_title(post.title))


def series_members(post: Post) -> "list[tuple[str, SeriesMember]]":
    """The series stems of a post and what its series edges need of it in each.

    A post is a member of the series its metadata names, else of the series its title
    numbers (:func:`series_of`, or a name and a bare number: :data:`_NAME_NUMBER_RE`);
    of the series a sequel's mark makes (:func:`sequel_of`); and, at position 0, of the
    series whose stem its whole title is (the first post of "Writing a Parser, Part 2"
    is often "Writing a Parser"; a series of that post alone has no edge).
    ``previous`` is the sentence where the post says 上一篇/前一篇 and the span of that
    word, so that a series can be linked without the posts' texts (:mod:`graphkit.spark`
    groups members by stem).
    """
    found = [_metadata_series(post)]
    part = _PART_ONLY_RE.match(post.title) if post.title else None
    if not found[0] and post.title:
        # ("Day 2: Ownership" is a part word's, not a name's: see PART_ONLY_MIN)
        found = [series_of(post.title) or (None if part else _name_number(post.title))]
    if post.title:
        whole = title_stem_key(post.title)
        found += [sequel_of(post.title), (whole, 0),
                  (NAME_NUMBER_SERIES + whole, 0) if whole else None]
        if part:
            found.append((PART_ONLY_SERIES + part.group("word").casefold(), int(part.group("n"))))
    found = [f for f in found if f and f[0]]
    if not found:
        return []
    # (a post that only names a possible series' stem needs no previous sentence: every
    # titled post is one, and the search reads its whole text)
    m = PREVIOUS_RE.search(post.text) if any(pos != 0 for _, pos in found) else None
    previous = sentence_around(post.text, m.start(), m.end()) if m else None
    return [(stem, (pos, post.key, post.title, None if pos == 0 else previous))
            for stem, pos in found]


def name_number(title: str) -> tuple[str, int] | None:
    """The name (NFKC) and number of a title that is a name and a bare number
    (:data:`_NAME_NUMBER_RE`): a space between them after a letter, none needed after a
    CJK character; None otherwise.

    >>> name_number("Learning Rust 2: Ownership"), name_number("Python 3.12: What's New")
    (('Learning Rust', 2), None)
    """
    m = _NAME_NUMBER_RE.match(unicodedata.normalize("NFKC", title.strip()))
    if not m:
        return None
    last = m.group("stem")[-1]
    if not (last.isalpha() and (m.group("gap") or _CJK_RE.match(last))):
        return None
    return (m.group("stem"), int(m.group("n"))) if len(title_stem_key(m.group("stem"))) >= 2 \
        else None


def _name_number(title: str) -> tuple[str, int] | None:
    """``(NAME_NUMBER_SERIES + stem key, number)`` of :func:`name_number`."""
    found = name_number(title)
    return (NAME_NUMBER_SERIES + title_stem_key(found[0]), found[1]) if found else None


def series_group_edges(stem: str, members: list[SeriesMember]) -> list[Edge]:
    """The edges of one series (later member → previous member), see :func:`series_edges`.

    Positions are numbers, or (for a series the metadata names) sort keys that are
    ranked 1, 2, 3… here. Position 0 is the post whose whole title is the stem: the
    series' first post when no member is numbered 1, else an introduction before it
    (:func:`series_members`). A series named by its part word alone ("Day 1: Setup",
    "Day 2: Ownership", :data:`PART_ONLY_SERIES`) needs :data:`PART_ONLY_MIN` posts, no
    two with one number: two posts, or a number twice, may be parts of two series. A
    series of a name and bare numbers ("Learning Rust 2: Ownership",
    :data:`NAME_NUMBER_SERIES`) needs parts 1 and 2, no two with one number: "Python 3:
    What's New" and "Python 2: Unicode" are versions, not parts."""
    numbers = [m[0] for m in members if m[0] != 0]
    if stem.startswith(NAME_NUMBER_SERIES) and (
            not {2} <= set(numbers) or not (1 in numbers or len(numbers) < len(members))
            or len(set(numbers)) < len(numbers)):
        return []      # no parts 1 (or the name alone) and 2, or a number twice: versions
    if any(m[0] == 0 for m in members) and not stem.startswith(FRONT_MATTER_SERIES):
        first = 0 if any(m[0] == 1 for m in members) else 1
        members = [(first, *m[1:]) if m[0] == 0 else m for m in members]
    if stem.startswith(PART_ONLY_SERIES) and (
            len(members) < PART_ONLY_MIN or len({m[0] for m in members}) < len(members)):
        return []      # two posts, or one number twice: parts of different series
    members = sorted(members, key=lambda m: (m[0], m[1], m[2]))
    named = stem.startswith(FRONT_MATTER_SERIES)
    how = " (metadata)" if named else ""
    if named:
        members = [(rank, *m[1:]) for rank, m in enumerate(members, start=1)]
        stem = stem[len(FRONT_MATTER_SERIES):]
    elif stem.startswith(PART_ONLY_SERIES):
        stem, how = stem[len(PART_ONLY_SERIES):], " (numbered parts)"
    elif stem.startswith(NAME_NUMBER_SERIES):
        stem = stem[len(NAME_NUMBER_SERIES):]
    edges = []
    for (p1, k1, t1, _), (p2, k2, t2, previous) in zip(members, members[1:]):
        if p1 == p2:
            continue
        if previous is not None and p2 - p1 == 1:
            sentence, a, b = previous
            edges.append(Edge(k2, k1, "series", 1.0, sentence, span=(a, b), via="previous"))
        else:
            edges.append(Edge(k2, k1, "series", 1.0,
                              f"series 「{stem}」{how}: {p2} → {p1} ({t2} → {t1})"))
    return edges


def coupling_edges(cites: list[Edge], *, kind: str) -> list[Edge]:
    """Bibliographic coupling or co-citation from ``cites`` edges.

    Parameters
    ----------
    cites : list of Edge
        Citation edges.
    kind : {"coupling", "cocitation"}
        ``coupling``: two posts that cite the same work, weighted by how many works
        they share [1]_. ``cocitation``: two works cited together by the same post,
        weighted by how many posts cite both [2]_.

    Returns
    -------
    list of Edge
        Undirected (``source < target``), evidence naming up to three shared items.

    References
    ----------
    .. [1] M. M. Kessler, "Bibliographic coupling between scientific papers",
       American Documentation 14(1), 10–25 (1963).
    .. [2] H. Small, "Co-citation in the scientific literature: a new measure of the
       relationship between two documents", JASIS 24(4), 265–269 (1973).
    """
    groups: dict[str, set[str]] = {}
    for e in cites:
        if e.kind != "cites":
            continue
        owner, member = (e.target, e.source) if kind == "coupling" else (e.source, e.target)
        groups.setdefault(owner, set()).add(member)
    shared: dict[tuple[str, str], list[str]] = {}
    for owner, members in sorted(groups.items()):
        ordered = sorted(members)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1:]:
                shared.setdefault((a, b), []).append(owner)
    label = "both cite" if kind == "coupling" else "cited together by"
    return [Edge(a, b, kind, float(len(via)), f"{label}: " + ", ".join(via[:3]),
                 keywords=tuple(via[:3]))
            for (a, b), via in sorted(shared.items())]


DISTINCTIVE_DF_SHARE = 0.02   # a distinctive term is in at most 2 % of the posts …
DISTINCTIVE_DF_MIN = 3        # … or in at most 3 posts, whichever is more


def distinctive_term(term: str) -> bool:
    """True for a term long enough to stand for a subject on its own: at least three
    CJK characters (最小熵, 傅里叶) or four Latin letters (rope, bert)."""
    cjk = sum(1 for ch in term if "\u3400" <= ch <= "\u9fff")
    return cjk >= 3 or (cjk == 0 and sum(ch.isalpha() for ch in term) >= 4)


def topic_edges(tm: "TermMatrix", *, top_k: int, min_score: float,
                title_only: frozenset[str] | set[str] = frozenset(),
                pairs: "list[tuple[int, int, float]] | None" = None,
                workers: int | None = 0) -> list[Edge]:
    """Return undirected ``topic`` edges between the most similar posts.

    Parameters
    ----------
    tm : TermMatrix
        Keyword weights of the posts.
    top_k : int, keyword-only
        Neighbours kept per post.
    min_score : float, keyword-only
        Smallest cosine similarity kept.

    title_only : set of str, keyword-only
        Posts known by their title only (:attr:`graphkit.model.Post.title_only`). A
        title shares one or two words with many posts by chance (科学, 空间, 之谜), so an
        edge that touches such a post is kept only when the two posts share a
        distinctive term: one that :func:`distinctive_term` accepts and that occurs in
        at most ``max(DISTINCTIVE_DF_MIN, DISTINCTIVE_DF_SHARE × posts)`` posts.
    pairs : list of (int, int, float), optional, keyword-only
        The similar pairs of rows, computed elsewhere (the Spark engine's blocked join,
        :mod:`graphkit.spark`); default: :func:`graphkit.keywords.similar_pairs`.
    workers : int or None, keyword-only
        Processes that find the shared keywords of the pairs, each a contiguous share
        (0 or 1: this process; None: one per core from
        ``graphkit.keywords.PARALLEL_MIN_POSTS`` posts when this process may fork). The
        edges do not depend on it.

    Returns
    -------
    list of Edge
        ``source < target``; weight is the cosine similarity; evidence and keywords name
        the shared keywords that weigh most.
    """
    from .keywords import PARALLEL_MIN_POSTS, similar_pairs

    df = None
    rare = 0.0
    if title_only:
        import numpy as np

        df = np.bincount(tm.matrix.indices, minlength=len(tm.terms))
        rare = max(DISTINCTIVE_DF_MIN, DISTINCTIVE_DF_SHARE * len(tm.keys))
    if pairs is None:
        pairs = similar_pairs(tm, top_k=top_k, min_score=min_score)
    if workers is None:
        from ._runtime import fork_workers

        workers = fork_workers(len(tm.keys), PARALLEL_MIN_POSTS)
    shared = (tm, pairs, title_only, df, rare)
    if workers > 1 and len(pairs) >= 2 * workers:
        from ._runtime import fork_map

        size = -(-len(pairs) // workers)
        parts = fork_map(_topic_edges_of, [(lo, min(len(pairs), lo + size))
                                           for lo in range(0, len(pairs), size)], workers,
                         shared=shared)
        return [e for part in parts for e in part]
    return _topic_edges_of(shared, (0, len(pairs)))


def _topic_edges_of(shared: tuple, bounds: tuple[int, int]) -> list[Edge]:
    """The topic edges of ``pairs[lo:hi]`` (see :func:`topic_edges`; ``shared``: the
    term matrix, the pairs, the title-only posts, document frequencies, the rare bound)."""
    from .keywords import shared_terms

    tm, pairs, title_only, df, rare = shared
    edges = []
    for i, j, score in pairs[bounds[0]:bounds[1]]:
        a, b = sorted((tm.keys[i], tm.keys[j]))
        if df is not None and (a in title_only or b in title_only):
            shared = shared_terms(tm, i, j, k=50)
            if not any(distinctive_term(t) and df[_column(tm, t)] <= rare for t in shared):
                continue
        words = tuple(shared_terms(tm, i, j))
        edges.append(Edge(a, b, "topic", score, "shared keywords: " + ", ".join(words),
                          keywords=words))
    return edges


def _column(tm: "TermMatrix", term: str) -> int:
    import bisect

    return bisect.bisect_left(tm.terms, term)   # terms are sorted (see term_matrix)
