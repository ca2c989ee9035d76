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
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Collection
from dataclasses import replace
from urllib.parse import unquote, urljoin, urlsplit

from .model import Fragment, Post
from .sites import NO_SITE, folded_path, normalize_url, url_host
from .text import normalize_title, preview

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
    (the folder given on the command line, or the file itself); for a fetched page, its
    site (``https://example.org``)."""
    if not post.sources:
        return ""
    path = post.sources[0].path
    if "://" in path:
        scheme, _, rest = path.partition("://")
        return f"{scheme}://{rest.split('/', 1)[0]}"
    return path.split("/", 1)[0]


def strip_repeated_paragraphs(posts: list[Post], *, min_share: float = MIN_SHARE,
                              min_posts: int = MIN_POSTS, min_chars: int = MIN_CHARS
                              ) -> tuple[list[Post], list[Fragment]]:
    """Remove the paragraphs that repeat across many posts of one source.

    A paragraph (a line of a post's text) of prose (:func:`is_prose`) of at least
    ``min_chars`` characters is boilerplate when, after white space and case are
    normalised, it occurs in at least ``max(min_posts, ceil(min_share × n))`` of the
    ``n`` posts with text of its source (:func:`source_of`; counted by post, not by
    sighting, :func:`_identities`: a post's page and its entries in the site's feeds, the
    home page's and each tag's, are one), linking the same few pages wherever it is:
    no more pages in all (:func:`_targets`) than twice as many as it links in one post
    (a line alike whose links reach another post in each, an author's ``See also: [that
    note](…)``, is the author's). It is removed from those posts' text, and their links
    whose sentence lies in it are dropped, so that it takes part in neither citations,
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
    identity = _identities(posts)
    for source, members in sorted(by_source.items()):
        # (counted by post: one post's page and its entries in the site's feeds, a tag's
        # feed, the home page's, hold the same paragraphs and are one post)
        held: dict[str, set[str]] = {}
        for i in members:
            held.setdefault(identity[i], set()).update(
                _norm(par) for par in posts[i].text.split("\n") if len(par) >= min_chars)
        need = max(min_posts, math.ceil(min_share * len(held)))
        if len(held) < need:
            continue
        counts: Counter[str] = Counter()
        for paragraphs in held.values():
            counts.update(paragraphs)
        # the prose test only for the few paragraphs that repeat (it is the costly part)
        repeated = {par for par, k in counts.items() if k >= need and is_prose(par)}
        if not repeated:
            continue
        # ... that links the same few pages wherever it is (its text alike, its links not:
        # an author's "See also: [that note](…)" under posts, each to another post)
        names: dict[str, set[str]] = {}
        most: Counter[str] = Counter()
        for i in members:
            for n in {_norm(par) for par in posts[i].text.split("\n")} & repeated:
                linked = _targets(posts[i], n)
                names.setdefault(n, set()).update(linked)
                most[n] = max(most[n], len(linked))
        repeated = {n for n in repeated if len(names.get(n, ())) <= 2 * most[n]}
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
        fragments += _reported(repeated, counts, first_seen, lambda par: (
            f"boilerplate: the same paragraph in {counts[par]} of {len(held)} posts of "
            f"{source!r} (kept out of citations, keywords and excerpts)"))
    return out, fragments


def _identities(posts: list[Post]) -> dict[int, str]:
    """The :func:`_identity` of each post with text, by index; a sighting with no
    address of its own (a built page without a canonical link) takes the one identity
    of the sightings with an address that give its title, if one (Pelican's page and
    its entries in the site's feeds, which name its address: one post, not two)."""
    identity = {i: _identity(p) for i, p in enumerate(posts) if p.text}
    addressed: dict[str, set[str]] = {}
    for i, key in identity.items():
        if posts[i].url and posts[i].title:
            addressed.setdefault(normalize_title(posts[i].title), set()).add(key)
    for i in identity:
        if not posts[i].url and posts[i].title:
            keys = addressed.get(normalize_title(posts[i].title), ())
            if len(keys) == 1:
                identity[i] = next(iter(keys))
    return identity


def _identity(post: Post) -> str:
    """One key for the sightings of one post in one source: its own address
    (:func:`_address`, not one its file gives: a file may hold many posts), spelled as
    :func:`graphkit.sites.normalize_url` spells it with its query kept (a WeChat
    article's ``/s?__biz=…&mid=…`` is named by its query), else its key."""
    address = _address(post) if post.url else None
    key = normalize_url(address) if address else None
    if key is None:
        return post.key
    try:
        query = urlsplit(address).query
    except ValueError:
        query = ""
    return f"{key}?{query}" if query and "?" not in key else key


def _targets(post: Post, paragraph: str) -> tuple[str, ...]:
    """The pages the links of ``post`` whose sentence lies in ``paragraph``
    (normalised) name, by :func:`_page_name`, sorted, but the post's own (an in-page
    anchor, its address: a footer's "本文链接" names each post's own)."""
    return tuple(sorted({_page_name(link.url) for link in post.links
                         if _norm(link.sentence) in paragraph and not _own(link.url, post)}))


def _page_name(url: str) -> str:
    """The name a link gives its page, however it is written: the last part of its
    path without its ending, case folded (``/posts/faq.html``, ``faq``, ``../faq/`` are
    one page), else its host and query (``/?p=12``)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    last = unquote(folded_path(parts.path)).rsplit("/", 1)[-1]
    last = re.sub(r"\.(?:html?|md|markdown|php|aspx?)$", "", last, flags=re.I)
    return (last or f"{parts.netloc}?{parts.query}").casefold()


def _own(url: str, post: Post) -> bool:
    """True for an in-page anchor, or an address of the post's own page (its path on
    its host, ``index.html`` and the last ``/`` aside)."""
    url = url.strip()
    if not url or url.startswith("#"):
        return True
    if not post.url:
        return False
    try:
        there, here = urlsplit(url), urlsplit(post.url)
    except ValueError:
        return False
    if there.netloc and there.netloc.lower() != here.netloc.lower():
        return False
    return bool(there.path) and folded_path(there.path) == folded_path(here.path)


def _reported(found: set, counts: Counter, first_seen: dict[object, tuple[Post, str]],
              reason) -> list[Fragment]:
    """One fragment for each of ``found`` (most repeated first), at the file of the post
    it was first seen in, with ``reason(key)`` and the text seen there."""
    out = []
    for key in sorted(found, key=lambda x: (-counts[x], x)):
        p, raw = first_seen[key]
        src = p.sources[0]
        out.append(Fragment(path=src.path, line=src.line, end_line=src.line,
                            reason=reason(key), text=preview(raw)))
    return out


NAV_SHARE = 0.5         # a link line's label in at least this share of a source's posts …
MAX_NAV_LABEL = 20      # … of at most this many characters besides its links' text
ELLIPSIS = "…"          # stands for a link's text in a line's label
# a label that is a sentence ("相关的讨论也可以参考…，以及…。") is the author's words: a
# comma or a full stop (Chinese, or Western after a word) inside it or at its end
_SENTENCE_MARK_RE = re.compile(r"[。！？；，、]|[^\W\d_][.!?;,](?:\s|$)")


def _internal(url: str, host: str | None) -> bool:
    """True when ``url`` is a path of the site (``/posts/x/``, ``../x.html``) or an
    address on ``host``, the post's own."""
    try:
        split = urlsplit(url)
    except ValueError:
        return False
    if not split.scheme and not split.netloc:
        return bool(split.path)
    return host is not None and url_host(url) == host


def _internal_sentences(post: Post) -> tuple[set[str], dict[str, list[str]]]:
    """The sentences of ``post``'s links to its own site, and the link texts of each
    sentence (every link's, internal or not)."""
    host = url_host(post.url) if post.url else None
    anchors: dict[str, list[str]] = {}
    internal: set[str] = set()
    for link in post.links:
        if link.anchor and link.anchor in link.sentence:
            anchors.setdefault(link.sentence, []).append(link.anchor)
            if _internal(link.url, host):
                internal.add(link.sentence)
    return internal, anchors


def _short_note(label: str, max_label: int) -> bool:
    """True for at most ``max_label`` characters besides white space and
    :data:`ELLIPSIS`, and no sentence punctuation."""
    return (len("".join(label.split()).replace(ELLIPSIS, "")) <= max_label
            and not _SENTENCE_MARK_RE.search(label))


def _short_label(label: str, max_label: int) -> bool:
    """True for a label: a letter, and :func:`_short_note`."""
    return (_short_note(label, max_label)
            and any(c.isalpha() for c in label.replace(ELLIPSIS, "")))


Found = dict[tuple[str, str], tuple[set[str], str]]   # (kind, label) → (lines, as written)


def _labels(post: Post, max_label: int) -> Found:
    """The link lines of ``post`` that link its site and are whole lines of its text,
    by label: the sentence with the text of every link in it made :data:`ELLIPSIS`,
    kept when :func:`_short_label` (``next: …``, not ``参考…，以及…。``); each label
    to the normalised lines that hold it and one as written. A template writes its link
    line as an element of its own (``<li>``, ``<p>``); a link sentence inside a
    paragraph of prose (``… See [that post](/x/). …``) is the author's."""
    internal, anchors = _internal_sentences(post)
    lines = {_norm(line) for line in post.text.split("\n")}
    out: Found = {}
    for sentence in internal:
        label = sentence
        for anchor in sorted(set(anchors[sentence]), key=len, reverse=True):
            label = label.replace(anchor, ELLIPSIS)
        if _short_label(label, max_label) and _norm(sentence) in lines:
            out.setdefault((LINE, _norm(label)), (set(), sentence))[0].add(_norm(sentence))
    return out


def _listed(post: Post, max_label: int) -> Found:
    """The lists of links to ``post``'s site under a heading, by the heading's text:
    a line of the text that :func:`_short_label` (``Related posts``, ``相关文章``)
    followed by lines that are each one link to the site and a short note at most
    (``Title (2021-03-01)``: the label's limits, no letter needed); each heading to its
    normalised line and those of its list, and the heading as written."""
    internal, anchors = _internal_sentences(post)
    listed = {_norm(s) for s in internal if len(anchors[s]) == 1 and _short_note(
        s.replace(anchors[s][0], ELLIPSIS), max_label)}
    lines = post.text.split("\n")
    out: Found = {}
    k = 0
    while k < len(lines):
        end = k + 1
        while end < len(lines) and _norm(lines[end]) in listed:
            end += 1
        head = lines[k]
        if end > k + 1 and _norm(head) not in listed and _short_label(head, max_label):
            out.setdefault((LIST, _norm(head)), (set(), head.strip()))[0].update(
                _norm(line) for line in lines[k:end])
        k = end
    return out


LINE, LIST = "line", "list"       # the two kinds of a template's links: a line, a list


def strip_navigation_lines(posts: list[Post], *, formats: Collection[str] | None = None,
                           min_share: float = NAV_SHARE, min_posts: int = MIN_POSTS,
                           max_label: int = MAX_NAV_LABEL
                           ) -> tuple[list[Post], list[Fragment]]:
    """Remove the lines and lists a site's template writes under every post to link
    other posts.

    A theme's links to the next and previous post, written without a class that names
    them (eleventy-base-blog's ``Next: <a>…</a>``, a captured page's
    ``上一篇：《…》``), read as a line of the post whose link text changes from post
    to post while the words around it do not. A sentence that links a page of the
    post's own site (a path, or an address on the post's host) and is a whole line of
    its text has a label: the sentence with the text of each of its links replaced by
    :data:`ELLIPSIS` (``next: …``). A label of at most ``max_label`` characters besides
    its links' text, holding a letter and no sentence punctuation (a comma, a full
    stop), that occurs in at least ``max(min_posts, ceil(min_share × n))`` of the ``n``
    posts with text of its source (:func:`source_of`) and format (a template is the
    pages', not the feed's) is the template's: its sentences' links are dropped, and a
    line that is such a sentence is removed from the text. This is the repeated-text
    test of :func:`strip_repeated_paragraphs` applied to the words around the links
    [1]_. A template's line is under every post but the first or the last, and stands
    alone (an ``<li>``, a ``<p>``): an author's own labelled links (a series' "上一篇",
    "See also") are written in fewer posts, or inside a paragraph of prose; a link to
    another site ("论文链接：…") is never the template's navigation. A theme's list of
    related posts without a class that names it (``<div><h3>Related posts</h3><ul>``)
    is found the same way: a short line (the label's limits, no link) followed by
    lines that are each one link to the site is labelled by that heading, and the
    heading in as many posts is the template's, with its list. A line whose links to
    other posts mostly reach posts that are not just before or after the linking one by
    date is the author's (:func:`_not_next_or_previous`). Only pages as a template
    rendered them hold its lines (``formats``): a post's source as its author wrote it
    (a Jekyll post's Markdown) holds the author's lines alone.

    Parameters
    ----------
    posts : list of Post
        Post sightings; not modified.
    formats : collection of str or None, keyword-only
        The formats (:attr:`Source.format` of a post's first sighting) of rendered pages,
        whose posts are searched; None searches every post.
    min_share : float, keyword-only
        Share of a source's posts, in [0, 1].
    min_posts : int, keyword-only
        Smallest number of posts.
    max_label : int, keyword-only
        Longest label, in characters besides white space and its links' text.

    Returns
    -------
    posts : list of Post
        The posts, in the same order, without the template's link lines.
    fragments : list of Fragment
        One per label and source: the first post file it was seen in, how many posts
        hold it, and one such line.

    References
    ----------
    .. [1] J. Pomikálek, "Removing Boilerplate and Duplicate Content from Web Corpora",
       PhD thesis, Masaryk University (2011), ch. 3 and 4.
    """
    def group(p: Post) -> tuple[str, str]:
        return source_of(p), p.sources[0].format if p.sources else ""

    by_group: dict[tuple[str, str], list[int]] = {}
    for i, p in enumerate(posts):
        if p.text and p.links and (formats is None or group(p)[1] in formats):
            by_group.setdefault(group(p), []).append(i)
    if not by_group:    # no rendered page with links (a source's Markdown, JSON rows)
        return list(posts), []
    out = list(posts)
    fragments: list[Fragment] = []
    # (counted by post, not sighting; each sighting's identity found once)
    identity = _identities(posts)
    with_text: dict[tuple[str, str], set[str]] = {}
    for i, key in identity.items():
        with_text.setdefault(group(posts[i]), set()).add(key)
    for (source, fmt), members in sorted(by_group.items()):
        n = len(with_text[source, fmt])
        need = max(min_posts, math.ceil(min_share * n))
        if len({identity[i] for i in members}) < need:
            continue
        labels = {i: {**_labels(posts[i], max_label), **_listed(posts[i], max_label)}
                  for i in members}
        held: dict[str, set] = {}
        for i in members:
            held.setdefault(identity[i], set()).update(labels[i])
        counts = Counter(lab for found in held.values() for lab in found)
        template = {lab for lab, k in counts.items() if k >= need}
        template -= _not_next_or_previous(template, [posts[i] for i in members], labels=[
            labels[i] for i in members])
        if not template:
            continue
        first_seen: dict[tuple[str, str], tuple[Post, str]] = {}
        for i in members:
            p = posts[i]
            nav = set().union(*(lines for lab, (lines, _) in labels[i].items()
                                if lab in template))
            if not nav:
                continue
            for lab in template & labels[i].keys():
                first_seen.setdefault(lab, (p, labels[i][lab][1]))
            out[i] = replace(
                p, text="\n".join(line for line in p.text.split("\n") if _norm(line) not in nav),
                links=tuple(link for link in p.links if _norm(link.sentence) not in nav))
        fragments += _reported(template, counts, first_seen, lambda lab: (
            f"navigation: {'the line' if lab[0] == LINE else 'the heading'} {lab[1]!r}"
            f"{'' if lab[0] == LINE else ' over a list'} with links to other posts in "
            f"{counts[lab]} of {n} {fmt} posts of {source!r}, the site's template's "
            f"(kept out of citations, keywords and excerpts)"))
    return out, fragments


# a template line's links to posts: at least this share reach the next or previous post
ADJACENT_SHARE = 2 / 3


def _address(post: Post) -> str | None:
    """A post's address; its path on a host of no site when it names no host (a feed
    entry's ``/2020/a.html``, a canonical link without the site's ``url``); else, for
    a page read from a file (an HTML page), the one its file's place in the folder read
    gives it (``site/posts/a/index.html`` → ``http://site.invalid/posts/a/``); else
    None."""
    url = (post.url or "").strip()
    if url:
        return url if "//" in url[:12] else f"{NO_SITE}/{url.lstrip('/')}"
    if not post.sources or "." not in post.sources[0].path.rsplit("/", 1)[-1]:
        return None
    inside = post.sources[0].path.replace("\\", "/").split("/", 1)[1:]
    return f"{NO_SITE}/{inside[0]}" if inside else None


def _not_next_or_previous(found: set, members: list[Post], *, labels: list[Found]) -> set:
    """The link lines of ``found`` (:data:`LINE` labels) whose links to other posts of
    ``members`` do not mostly reach a post just before or after the linking one by date,
    no post dated between them (less than :data:`ADJACENT_SHARE` of them): an author's
    ``See also: [X](…)`` under half of the posts links any post, a template's line
    (``Next: …``) the next, as Jekyll's ``page.next``, Hugo's ``.NextInSection``, Hexo's
    and Eleventy's collections order them, by date. Lines whose links reach no dated
    post here, or that link from undated posts, are not judged (a theme's ``Posted by
    … at …`` links its author's page and the post itself)."""
    where: dict[str, Post] = {}
    for p in members:
        key = normalize_url(_address(p) or "")
        if key and p.date:
            where.setdefault(key, p)
    days = sorted(p.date for p in where.values())

    def adjacent(one: str, other: str) -> bool:        # no post dated between them
        low, high = sorted((one, other))
        return bisect_left(days, high) - bisect_right(days, low) <= 0

    near: Counter = Counter()
    reaching: Counter = Counter()
    for p, found_here in zip(members, labels):
        if not p.date:
            continue
        base = _address(p) or NO_SITE         # (once per post, not per link)
        for lab, (lines, _) in found_here.items():
            if lab not in found or lab[0] != LINE:
                continue
            for link in p.links:
                if _norm(link.sentence) not in lines:
                    continue
                try:
                    target = where.get(normalize_url(urljoin(base, link.url.strip())) or "")
                except ValueError:
                    target = None
                if target is None or target is p:
                    continue
                reaching[lab] += 1
                near[lab] += adjacent(p.date, target.date)
    return {lab for lab, k in reaching.items() if near[lab] < ADJACENT_SHARE * k}


def strip_boilerplate(posts: list[Post], *, page_formats: Collection[str] | None = None
                      ) -> tuple[list[Post], list[Fragment]]:
    """The paragraphs repeated under many posts (:func:`strip_repeated_paragraphs`), then
    the template's link lines whose links change from post to post in the posts of
    ``page_formats``, rendered pages (:func:`strip_navigation_lines`), with their
    defaults."""
    posts, repeated = strip_repeated_paragraphs(posts)
    posts, nav = strip_navigation_lines(posts, formats=page_formats)
    return posts, repeated + nav
