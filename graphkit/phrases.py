"""Phrase mining: the segmenter's user dictionary, built from the posts themselves.

A general dictionary does not know a blog's own terms: jieba cuts 路径积分 into 路径 ·
积分, 谱范数 into 谱 · 范数, and where a term is unknown its HMM invents words across
word boundaries (从费马大定理 → 从费 · 马大). Before keywords are counted,
:func:`mine_phrases` finds the terms a blog uses and the segmenter keeps them whole.

A candidate is a run of Chinese characters in a title (titles name subjects) or a tag or
category (the author's own names for subjects) that the dictionary does not hold. It is
kept when the posts' text gives the evidence of a word, the classic statistics of new-word
discovery [1]_ [2]_:

* it **recurs**: at least ``min_count`` times, in at least ``min_posts`` posts;
* its **boundaries are free**: the characters just before and just after it vary (their
  entropy is at least ``min_entropy`` bits on each side), so it is not a fragment of a
  longer unit (马大 is always preceded by 费);
* its **parts are bound**: at its weakest split between dictionary words it occurs at
  least ``2 ** min_pmi`` times more often than its two sides would meet by chance
  *within the same texts* (a pointwise mutual information conditioned on the text), so
  it is not two words of one subject that merely meet (训练 · 模型). Conditioning on the
  text matters: over the whole blog, any two words of one subject meet far more often
  than chance because they share posts (on 10,000 synthetic posts of shuffled topic
  words, pairs such as 一致性 · 一脉相承 passed an unconditioned threshold of 2⁸;
  conditioned on the text, every pair of two words stays below 2^2.5);
* it **lies between words**: in most of its occurrences it starts and ends where the
  dictionary's own segmentation puts word boundaries, so it fills a stretch the
  dictionary does not know instead of cutting a word it knows (座流星雨 would cut
  狮子座, 斯坦 爱因斯坦);
* it **holds no function word**: no part of it is a stop word (的模型, 是一个).

Tags and categories are the author's own terms: they are kept when they recur
(``min_count`` occurrences, in titles, tags or text).

On the kexue.fm corpus (1,313 posts) this finds 234 terms in 0.4 s (路径积分, 谱范数,
低秩近似, 旋转位置编码, 条件随机场, …); a few are not terms (有多少, 跟测试集).

References
----------
.. [1] Matrix67 (顾森), "互联网时代的社会语言学：基于SNS的文本数据挖掘" (2012),
   http://www.matrix67.com/blog/archives/5044 — frequency, cohesion (凝固程度) and
   freedom (自由程度, the entropy of neighbouring characters) of candidate words.
.. [2] H. Feng, K. Chen, X. Deng, W. Zheng, "Accessor variety criteria for Chinese word
   extraction", Computational Linguistics 30 (1) (2004) 75–93 — the variety of a
   string's neighbours as the evidence that it is a word.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

import numpy as np
import scipy.sparse as sp

if TYPE_CHECKING:
    from .model import Post

_CJK_RUN_RE = re.compile(r"[\u4e00-\u9fff]+")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")   # lone ones, which UTF-8 cannot carry

MAX_MINING_POSTS = 2000   # posts whose text is scanned; evenly spaced beyond this
MIN_COUNT = 5
MIN_POSTS = 2
MIN_ENTROPY = 1.5         # bits, on each side
MIN_PMI = 5.0             # bits
MIN_CHARS, MAX_CHARS = 2, 8
MAX_TAG_CHARS = 12


def mine_phrases(posts: "Sequence[Post]", *, max_chars: int = 4000,   # keyword_chars' default
                 max_posts: int = MAX_MINING_POSTS, min_count: int = MIN_COUNT,
                 min_posts: int = MIN_POSTS, min_entropy: float = MIN_ENTROPY,
                 min_pmi: float = MIN_PMI) -> tuple[str, ...]:
    """Return the blog's own terms that the segmenter's dictionary lacks.

    Parameters
    ----------
    posts : sequence of Post
    max_chars : int, keyword-only
        Characters of each post's text scanned, from its start (the part keywords are
        counted in; 0: all of it).
    max_posts : int, keyword-only
        At most this many posts are scanned, evenly spaced in ``posts`` (the same ones
        on every run): the statistics need a sample, not every post, and the cost stays
        bounded (about 1 s for 2,000 posts of 4,000 characters).
    min_count, min_posts : int, keyword-only
        Occurrences (in titles, tags and text) and posts a phrase needs.
    min_entropy : float, keyword-only
        Entropy in bits of the characters before, and of those after, the phrase's
        occurrences (the start or end of a text counts as a character of its own).
    min_pmi : float, keyword-only
        Pointwise mutual information in bits, conditioned on the text, between the two
        sides of the phrase's weakest split into dictionary words (see the module
        docstring). Tags need only ``min_count`` and no stop word.

    Returns
    -------
    tuple of str
        Sorted; empty when no post has Chinese text.

    Notes
    -----
    Occurrences are found by one Aho–Corasick automaton over all candidates
    (ahocorasick_rs, https://github.com/G-Research/ahocorasick_rs), overlapping matches
    included.
    """
    from .keywords import base_tokenizer, stop_words

    if max_posts and len(posts) > max_posts:
        step = len(posts) / max_posts
        posts = [posts[int(i * step)] for i in range(max_posts)]
    tk = base_tokenizer()
    stops = stop_words()
    titles, tags = set(), set()
    for p in posts:
        titles.add(p.title)
        tags.update(t for t in (*p.tags, *p.categories) if _CJK_RUN_RE.fullmatch(t))
    candidates: set[str] = {t for t in tags if MIN_CHARS <= len(t) <= MAX_TAG_CHARS}
    for title in titles:
        for run in _CJK_RUN_RE.findall(title):
            for size in range(MIN_CHARS, min(MAX_CHARS, len(run)) + 1):
                candidates.update(run[i:i + size] for i in range(len(run) - size + 1))
    patterns = sorted(c for c in candidates if not tk.has_word(c))
    if not patterns:
        return ()
    # the texts the evidence comes from: each title once, tags, the text heads
    texts = [*sorted(titles), *sorted(tags),
             *((p.text[:max_chars] if max_chars else p.text) for p in posts)]
    occ = _occurrences(patterns, texts, first_post=len(titles) + len(tags))
    kept: list[str] = []
    splits: dict[int, list[str]] = {}   # pattern index → its dictionary words
    for i, c in enumerate(patterns):
        if occ.count[i] < min_count:
            continue
        words = tk.cut(c, False)
        if len(words) < 2 or any(w in stops for w in words):
            continue
        if c in tags:
            kept.append(c)
        elif (occ.posts_with[i] >= min_posts and min(occ.before[i], occ.after[i]) >= min_entropy
              and _between_words(occ, i, tk)):
            splits[i] = words
    if splits:
        kept.extend(_bound(splits, occ, texts, min_pmi=min_pmi))
    return tuple(sorted(kept))


BOUNDARY_SAMPLE = 20   # occurrences of a phrase whose word boundaries are checked


def _between_words(occ: "_Occurrences", i: int, tk) -> bool:
    """True when pattern ``i`` starts and ends where the dictionary's own segmentation
    (without the HMM) puts word boundaries in at least half of its occurrences (the
    first ``BOUNDARY_SAMPLE``): a blog's term fills a stretch the dictionary does not
    know, it does not cut a word the dictionary knows (座流星雨 in 狮子座流星雨, 斯坦
    in 爱因斯坦)."""
    lo, hi = occ.span_of[i], occ.span_of[i + 1]
    starts = occ.starts[occ.order[lo:hi][:BOUNDARY_SAMPLE]]
    size = len(occ.patterns[i])
    clean = 0
    for start in starts.tolist():
        left = max(0, start - 6)
        cuts = {a for _, a, _ in tk.tokenize(occ.joined[left:start + size + 6], "default", False)}
        clean += (start - left) in cuts and (start + size - left) in cuts
    return 2 * clean >= len(starts)


def _bound(splits: dict[int, list[str]], occ: "_Occurrences", texts: list[str], *,
           min_pmi: float) -> list[str]:
    """The phrases whose parts meet more often than chance within the same texts: at
    the weakest split into a left and a right side (at a word boundary), the phrase's
    occurrences over those expected if each text's occurrences of the two sides were
    placed independently, ``sum over texts of left × right / length``, is at least
    ``2 ** min_pmi``. Conditioning on the text removes what the sides owe to a shared
    topic: two words of one subject meet by chance in that subject's posts."""
    lefts = [["".join(w[:i]) for i in range(1, len(w))] for w in splits.values()]
    rights = [["".join(w[i:]) for i in range(1, len(w))] for w in splits.values()]
    sides = sorted({x for xs in lefts + rights for x in xs})
    row = {x: i for i, x in enumerate(sides)}
    of_side = _occurrences(sides, texts, first_post=len(texts), joined=occ.joined).by_text
    inverse_length = np.array([1.0 / max(len(t), 1) for t in texts])
    kept = []
    for k, i in enumerate(splits):
        observed = occ.count[i]
        expected = max(float((of_side[row[a]].multiply(of_side[row[b]]) @ inverse_length)[0])
                       for a, b in zip(lefts[k], rights[k]))
        if expected > 0 and math.log2(observed / expected) >= min_pmi:
            kept.append(occ.patterns[i])
    return kept


class _Occurrences(NamedTuple):
    """Where patterns occur in texts joined by line ends (arrays by pattern index)."""

    patterns: list[str]
    joined: str            # the texts, each between two line ends
    count: np.ndarray      # occurrences, overlapping ones included
    posts_with: np.ndarray  # texts from ``first_post`` on that hold it
    before: np.ndarray     # entropy in bits of the character before an occurrence
    after: np.ndarray      # ... and after (a text's start or end counts as one character)
    by_text: sp.csr_matrix  # (n_patterns, n_texts) occurrences
    starts: np.ndarray     # of every occurrence in ``joined``
    order: np.ndarray      # occurrences sorted by pattern (stable)
    span_of: np.ndarray    # pattern i's occurrences are order[span_of[i]:span_of[i + 1]]


def _occurrences(patterns: list[str], texts: list[str], *, first_post: int,
                 joined: str | None = None) -> _Occurrences:
    """Find every occurrence of ``patterns`` in ``texts`` (overlapping ones included);
    ``joined`` is the texts as an earlier call joined them."""
    import ahocorasick_rs  # loaded on first use only

    if joined is None:
        joined = "\n" + "\n".join(texts) + "\n"     # every text between two line ends
        joined = _SURROGATE_RE.sub("\ufffd", joined)   # one for one: the indices stay
    hits = np.array(ahocorasick_rs.AhoCorasick(patterns).find_matches_as_indexes(
        joined, overlapping=True), dtype=np.int64).reshape(-1, 3)
    n = len(patterns)
    ids, starts, ends = hits[:, 0], hits[:, 1], hits[:, 2] - 1   # ends: the last character
    chars = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
    count = np.bincount(ids, minlength=n)
    text_starts = np.cumsum([1] + [len(t) + 1 for t in texts[:-1]])
    text_of = np.searchsorted(text_starts, starts, side="right") - 1
    cells, per_text = np.unique(ids * len(texts) + text_of, return_counts=True)
    in_posts = cells[cells % len(texts) >= first_post]
    posts_with = np.bincount(in_posts // len(texts), minlength=n)
    by_text = sp.csr_matrix((per_text, (cells // len(texts), cells % len(texts))),
                            shape=(n, len(texts)))
    order = np.argsort(ids, kind="stable")
    return _Occurrences(patterns=patterns, joined=joined, count=count, posts_with=posts_with,
                        before=_entropies(ids, chars[starts - 1].astype(np.int64), n),
                        after=_entropies(ids, chars[ends + 1].astype(np.int64), n),
                        by_text=by_text, starts=starts, order=order,
                        span_of=np.searchsorted(ids[order], np.arange(n + 1)))


def _entropies(ids, neighbours, n: int):
    """Entropy in bits of each id's neighbours (numpy arrays of equal length)."""
    pairs, k = np.unique(ids * 0x110000 + neighbours, return_counts=True)
    of = pairs // 0x110000
    total = np.bincount(of, weights=k, minlength=n)
    p = k / total[of]
    return np.bincount(of, weights=-p * np.log2(p), minlength=n)
