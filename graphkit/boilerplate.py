"""Boilerplate found by repetition: the paragraphs a site repeats under every post.

Reprint notices, donation and follow blocks, "share this" lines and navigation captured
into bodies are the same paragraph in post after post. Such a paragraph says nothing
about the post it ends, yet its links would make the page it links the most-cited post
of the blog and its words would join unrelated posts by topic. It is found by counting,
per source, in how many posts each normalised paragraph occurs, as boilerplate removal
for web corpora does with repeated text blocks [1]_; no site's wording is built in.

References
----------
.. [1] J. Pomikálek, "Removing Boilerplate and Duplicate Content from Web Corpora",
   PhD thesis, Masaryk University (2011), ch. 3 and 4.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import replace

from .model import Fragment, Post
from .text import preview

MIN_SHARE = 0.05   # a paragraph in at least this share of a source's posts with text …
MIN_POSTS = 5      # … and in at least this many of them is boilerplate
MIN_CHARS = 6      # shorter paragraphs ("证明：", "Proof.") are never counted



_HASHTAG_RE = re.compile(r"(?:^|\s)#\S+")
_CJK_RE = re.compile(r"[\u3400-\u9fff]")
_WORD_RE = re.compile(r"[^\W\d_]{2,}")
_CODE_RE = re.compile(r"[\\={};]|^\s*(?:import|from|def|class|return|print|#include)\b")


def is_prose(paragraph: str) -> bool:
    """True for a paragraph of prose: at least 4 CJK characters or 5 words of letters, and
    none of the marks of formulas and code (backslash, ``= { } ;``, ``import``…).

    Repeated lines of LaTeX (``\\begin{equation}``) or code (``import numpy as np``)
    belong to the posts that hold them and are never counted as boilerplate.
    """
    if _CODE_RE.search(paragraph):
        return False
    words = _HASHTAG_RE.sub(" ", paragraph)     # a line of #tags is metadata, not prose
    return len(_CJK_RE.findall(words)) >= 4 or len(_WORD_RE.findall(words)) >= 5


def _norm(paragraph: str) -> str:
    """White space runs made one space, ends stripped, case folded (``str.split`` and
    ``re``'s ``\\s`` agree on what white space is; this is the faster of the two)."""
    return " ".join(paragraph.split()).casefold()


def source_of(post: Post) -> str:
    """The source a post belongs to: the first part of its first file's report name
    (the folder given on the command line, or the file itself)."""
    if not post.sources:
        return ""
    return post.sources[0].path.split("/", 1)[0]


def strip_repeated_paragraphs(posts: list[Post], *, min_share: float = MIN_SHARE,
                              min_posts: int = MIN_POSTS, min_chars: int = MIN_CHARS
                              ) -> tuple[list[Post], list[Fragment]]:
    """Remove the paragraphs that repeat across many posts of one source.

    A paragraph (a line of a post's text) of prose (:func:`is_prose`) of at least
    ``min_chars`` characters is boilerplate when, after white space and case are normalised, it occurs in at least
    ``max(min_posts, ceil(min_share × n))`` of the ``n`` posts with text of its source
    (:func:`source_of`). It is removed from those posts' text, and their links whose
    sentence lies in it are dropped, so that it takes part in neither citations,
    keywords nor excerpts.

    Parameters
    ----------
    posts : list of Post
        Post sightings; not modified.
    min_share : float, keyword-only
        Share of a source's posts, in [0, 1].
    min_posts : int, keyword-only
        Smallest number of posts.
    min_chars : int, keyword-only
        Shortest paragraph counted, in characters.

    Returns
    -------
    posts : list of Post
        The posts, in the same order, without their boilerplate.
    fragments : list of Fragment
        One per boilerplate paragraph and source: the first post file it was seen in,
        how many posts repeat it, and its start.
    """
    by_source: dict[str, list[int]] = {}
    for i, p in enumerate(posts):
        if p.text:
            by_source.setdefault(source_of(p), []).append(i)
    out = list(posts)
    fragments: list[Fragment] = []
    for source, members in sorted(by_source.items()):
        need = max(min_posts, math.ceil(min_share * len(members)))
        if len(members) < need:
            continue
        counts: Counter[str] = Counter()
        for i in members:
            counts.update({_norm(par) for par in posts[i].text.split("\n")
                           if len(par) >= min_chars})
        # the prose test only for the few paragraphs that repeat (it is the costly part)
        repeated = {par for par, k in counts.items() if k >= need and is_prose(par)}
        if not repeated:
            continue
        first_seen: dict[str, tuple[Post, str]] = {}
        for i in members:
            p = posts[i]
            kept, dropped = [], []
            for par in p.text.split("\n"):
                n = _norm(par)
                if n in repeated:
                    dropped.append(n)
                    first_seen.setdefault(n, (p, par))
                else:
                    kept.append(par)
            if not dropped:
                continue
            links = tuple(link for link in p.links
                          if not any(_norm(link.sentence) in d for d in dropped))
            out[i] = replace(p, text="\n".join(kept), links=links)
        for par in sorted(repeated, key=lambda x: (-counts[x], x)):
            p, raw = first_seen[par]
            src = p.sources[0]
            fragments.append(Fragment(
                path=src.path, line=src.line, end_line=src.line,
                reason=f"boilerplate: the same paragraph in {counts[par]} of {len(members)} "
                       f"posts of {source!r} (kept out of citations, keywords and excerpts)",
                text=preview(raw)))
    return out, fragments
