"""Merge post sightings from several sources into one post per post."""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import unquote

from .dates import is_full, is_partial, year_of
from .model import Post
from .sites import address_path, normalize_url
from .text import normalize_title

MAX_TITLES_PER_ADDRESS = 2
# formats whose every file is one post its author wrote (a generator's source files,
# notes): two such files are two posts, whatever their titles
ONE_POST_FILE_FORMATS = frozenset({"front-matter", "markdown", "metadata-header",
                                   "restructuredtext", "notebook", "org", "gemtext"})
# formats whose every sighting is one post at the address it names (a saved page by its
# canonical link, an item of a feed or an export by its link): two such sightings at two
# addresses of one site are two posts, whatever their titles
OWN_ADDRESS_FORMATS = frozenset({"html", "feed", "json-feed", "wordpress-wxr", "ghost-json",
                                 "page-capture"})
# saved pages: a page that names no address of its own is known by its title and text
SAVED_PAGE_FORMATS = frozenset({"html", "mhtml", "webarchive"})
# entries of an export, a feed or a table: one of them that names no web address (a
# Blogger Takeout entry has only its tag: id) is known by its title and text too
ENTRY_FORMATS = frozenset({"feed", "json-feed", "wordpress-wxr", "ghost-json", "table"})
TEXT_HEAD_CHARS = 200     # the start of a text that tells two posts apart
# names of a post by a platform's number for it, one post across the whole platform
# (Tumblr's, Medium's and Substack's post numbers, a WeChat article's, a Zenn article's
# slug, a Qiita item's id): two sightings that give one are one post
PLATFORM_ID_PREFIXES = ("tumblr/", "medium/", "substack/", "weixin/", "zenn/", "qiita/")

def _date_rank(date: str | None) -> int:
    if not date:
        return 0
    if is_full(date):
        return 3
    if year_of(date) is not None:
        return 2
    return 1


def _union(*groups: tuple) -> tuple:
    seen: dict = {}
    for g in groups:
        for v in g:
            seen.setdefault(v, None)
    return tuple(seen)


# Which source names and dates a post best: the site's archive index, then a post page,
# then the rest. A lower number leads.
FORMAT_PRIORITY = {"kexue-archive": 0, "kexue-page": 1, "kexue-html": 1, "kexue-body": 2,
                   "front-matter": 2, "notion-page": 2, "wordpress-wxr": 2, "ghost-json": 2,
                   "markdown": 3, "feed": 3, "json-feed": 3, "table": 3, "listing-b": 4,
                   "listing-a": 5}


def _priority(p: Post) -> int:
    return min((FORMAT_PRIORITY.get(s.format, 9) for s in p.sources), default=9)


def _combine(a: Post, b: Post) -> Post:
    """Combine two sightings of one post; ``a`` leads where both are equally rich.

    The title comes from the leading source that has one; the date is the most complete
    one (a full date beats ``--MM-DD``); readers the largest count; text and links the
    longest text (a site's search index gives way to its pages before: see
    :func:`_entry_page`); the address with its host before a path alone; categories
    and tags united, but for a feed's (:func:`_terms`); related posts and sources
    united.
    """
    title = a.title or b.title
    date = a.date if _date_rank(a.date) >= _date_rank(b.date) else b.date
    readers_values = [r for r in (a.readers, b.readers) if r is not None]
    text_src = a if len(a.text) >= len(b.text) else b
    return Post(
        key=a.key,
        title=title,
        label=title or (a.label if a.text or not b.text else b.label),
        untitled=not title,
        date=date,
        date_inferred=(a.date_inferred if date == a.date else b.date_inferred),
        readers=max(readers_values) if readers_values else None,
        archive_id=a.archive_id if a.archive_id is not None else b.archive_id,
        url=next((u for u in (a.url, b.url) if u and re.match(r"(?i)^https?://", u)),
                 a.url or b.url),       # (an address with its host before a path alone)
        text=text_src.text,
        links=text_src.links if text_src.links else (a.links or b.links),
        **_terms(a, b),
        related=_union(a.related, b.related),
        aliases=_union(a.aliases, b.aliases),
        sources=_union(a.sources, b.sources),
        slug=a.slug or b.slug,
        fields=a.fields or b.fields,
    )


# formats whose terms mix tags and categories: an RSS or Atom entry's <category>
# elements (WordPress, Jekyll and Pelican write a post's categories and tags alike)
MIXED_TERM_FORMATS = frozenset({"feed", "json-feed"})


def _terms(a: Post, b: Post) -> dict[str, tuple[str, ...]]:
    """The categories and tags of two sightings of one post, as :class:`Post` fields:
    united, but where one is a feed's entry alone (:data:`MIXED_TERM_FORMATS`) and the
    other gives tags or categories, the other's: it says which term is which, where
    the entry lists the category among the tags."""
    feed_a, feed_b = (all(s.format in MIXED_TERM_FORMATS for s in p.sources)
                      for p in (a, b))
    if feed_a != feed_b:
        other = b if feed_a else a
        if other.tags or other.categories:
            return {"categories": other.categories, "tags": other.tags}
    return {"categories": _union(a.categories, b.categories), "tags": _union(a.tags, b.tags)}


def post_key(post: Post, *, shared_title: bool = False) -> str:
    """Return the node id a merged post gets (see :class:`graphkit.model.Post`).

    A post whose title other posts have too (``shared_title``) is told apart by its
    address, else by the file it was read from: ``post:title:weeklynotes@blog.example/w/3``.
    """
    if post.archive_id is not None:
        return f"post:{post.archive_id}"
    if post.title:
        key = "post:title:" + normalize_title(post.title)
        if shared_title:
            where = normalize_url(post.url) if post.url else None
            if where is None and post.sources:
                src = post.sources[0]
                where = src.path if _one_post_file(post) else f"{src.path}:{src.line}"
            key += "@" + (where or post.key)
        return key
    return post.key


def _one_post_file(p: Post) -> str | None:
    """The file a sighting is the whole of (a Markdown source, a note), else None."""
    src = p.sources[0] if p.sources else None
    return src.path if src is not None and src.format in ONE_POST_FILE_FORMATS else None


def _document(p: Post) -> str | None:
    """The path less its extension of the file a sighting is the whole of (a source file,
    a saved page), else None: ``x.Rmd`` and ``x.html`` beside it are one document, its
    source and its rendering (R Markdown's knit, blogdown's, Quarto's and Distill's
    render, Jupyter's nbconvert all write the HTML beside the source)."""
    src = p.sources[0] if p.sources else None
    if src is None or src.format not in ONE_POST_FILE_FORMATS | SAVED_PAGE_FORMATS:
        return None
    head, dot, ext = src.path.rpartition(".")
    return head if dot and "/" not in ext and head else src.path


def _entry_page(p: Post, pages: set[str]) -> str | None:
    """The saved page (one of ``pages``, as :func:`_document` names them) that a row of
    a file in a site's folder names by its address, else None.

    A site's search index (hexo-generator-search's ``search.json`` and ``search.xml``,
    a Hugo site's ``index.json`` for Fuse.js or Lunr) lies at the root of the built site
    and names each post by its address: ``/posts/a/`` (or ``https://host/posts/a/``)
    is the page ``posts/a/index.html`` beside it, ``/posts/a.html`` the page
    ``posts/a.html``. A row that gives no address names its page by its path alone
    (Hexo Stellar's ``"path": "/about/"``): its longest alias.
    """
    if not (p.sources and p.sources[0].format in ENTRY_FORMATS and (p.url or p.aliases)):
        return None
    path = unquote(address_path(p.url)) if p.url else "/" + max(p.aliases, key=len)
    if not path.startswith("/") or "/../" in path + "/":
        return None
    folder = p.sources[0].path.replace("\\", "/").rpartition("/")[0]
    name = f"{folder}{path}".rstrip("/")
    for candidate in (f"{name}/index", re.sub(r"\.html?$", "", name, flags=re.I)):
        if candidate in pages:
            return candidate
    return None


def rows_of_pages_aside(sightings: list[Post], fragments: list) -> tuple[list[Post], list]:
    """Set aside the rows of a site's search index, feed or export whose saved page was
    read and found no post (an about page, a tag's list): the page's judgement holds for
    the row that names it (a Hexo theme's ``search.json`` lists the about page beside
    the posts, with no date).

    Parameters
    ----------
    sightings : list of Post
        Sightings as read; not modified.
    fragments : list of Fragment
        What was set aside so far: a saved page with a fragment and no sighting left
        was read and found no post (a file refused for its size or bytes has none).

    Returns
    -------
    sightings : list of Post
    fragments : list of Fragment
        One per row set aside, with the page that decided it.
    """
    from .model import Fragment
    from .text import preview

    kept = {d for d in map(_document, sightings) if d is not None}
    aside = {head for f in fragments for head, dot, ext in [f.path.rpartition(".")]
             if dot and ext.lower() in ("html", "htm") and head not in kept}
    if not aside:
        return sightings, []
    out, frags = [], []
    for p in sightings:
        page = _entry_page(p, aside)
        if page is None:
            out.append(p)
            continue
        src = p.sources[0]
        frags.append(Fragment(path=src.path, line=src.line, end_line=src.line,
                              text=preview(p.title or p.label),
                              reason=f"a row for the page {page}.html, which is no post "
                                     "(see its fragment), not a post"))
    return out, frags


def _post_pages(addresses: set[str]) -> dict[str, str]:
    """Each normalised address → the address of the post it is a page of: itself, or the
    shortest one of ``addresses`` whose path holds it (WordPress's ``/a/comment-page-2``,
    ``/a/amp``, ``/a/2`` are pages of ``/a``)."""
    def post_of(u: str) -> str:
        parts = u.split("/")
        return next((v for v in ("/".join(parts[:k]) for k in range(1, len(parts)))
                     if v in addresses), u)

    return {u: post_of(u) for u in addresses}      # (each address's folders looked up)


def merge_posts(sightings: list[Post] | tuple[Post, ...]) -> tuple[Post, ...]:
    """Merge sightings of the same post.

    Two sightings are the same post when they share an archive id (kexue.fm and
    spaces.ac.cn URLs give the id), a platform's number for the post
    (:data:`PLATFORM_ID_PREFIXES`: a Tumblr backup's page and its API object), a
    canonical address (:func:`graphkit.sites.normalize_url`:
    scheme, ``www.``, trailing slash and ``.html`` do not matter; an address given to more
    than ``MAX_TITLES_PER_ADDRESS`` different titles is a home page and merges nothing),
    one file's path but for its extension (a source and the HTML rendered beside it:
    ``x.Rmd`` and ``x.html``, see :func:`_document`) or,
    failing those, a normalised title (:func:`graphkit.text.normalize_title`). Untitled
    sightings are never merged by title, and neither are sightings of a title that two
    source files of one post each (two Markdown files, two notes: a blog's "Weekly
    notes" of every week), posts of two archive ids, or pages and feed or export items
    (:data:`OWN_ADDRESS_FORMATS`) at two addresses of one host give (an address under
    another's path, such as WordPress's ``/a/comment-page-2/``, is a page of that post):
    such a title names no post alone, and each post keeps a node of its own (see
    :func:`post_key`). The same title on two hosts is one post cross-posted. Nor are
    saved pages that name no address merged by a title they give over different texts
    (the first :data:`TEXT_HEAD_CHARS` characters): a theme that titles every page by
    the site's name gives each post that title; nor are entries of an export, a feed or
    a table (:data:`ENTRY_FORMATS`) that name no web address (a Blogger Takeout's entries,
    known by their ``tag:`` ids) merged by a title they give over different texts.

    Parameters
    ----------
    sightings : sequence of Post
        Posts as read, one per sighting; not modified.

    Returns
    -------
    tuple of Post
        One post per post, sorted by key; each keeps every source of its sightings.
    """
    from networkx.utils import UnionFind

    same = UnionFind()
    titles = [normalize_title(p.title) for p in sightings]
    # A title shared by posts of different archive ids identifies none of them.
    title_ids: dict[str, set[int]] = {}
    for p, t in zip(sightings, titles):
        if p.title and p.archive_id is not None:
            title_ids.setdefault(t, set()).add(p.archive_id)
    # A title that two source files of one post each give names two posts (a source
    # and its rendering beside it are one: see _document).
    documents = [_document(p) for p in sightings]
    title_files: dict[str, set[str]] = {}
    for p, t, d in zip(sightings, titles, documents):
        f = d if p.title and _one_post_file(p) is not None else None
        if f is not None:
            title_files.setdefault(t, set()).add(f)
    shared = {t for t, files in title_files.items() if len(files) > 1}
    # A title that saved pages naming no address give over different texts is the
    # site's (a theme that titles every page by the blog's name), not one post's; one
    # that entries naming no web address give so is two posts' ("Weekly links").
    pages = {documents[i] for i, p in enumerate(sightings)
             if p.sources and p.sources[0].format in SAVED_PAGE_FORMATS and documents[i]}
    entry_pages = [_entry_page(p, pages) if pages else None for p in sightings]
    heads: dict[int, str] = {}
    title_texts: dict[str, set[str]] = {}
    for i, (p, t) in enumerate(zip(sightings, titles)):
        if p.title and p.sources and entry_pages[i] is None and (
                (not p.url and p.sources[0].format in SAVED_PAGE_FORMATS)
                or (p.sources[0].format in ENTRY_FORMATS
                    and not re.match(r"(?i)^https?://", p.url or ""))):
            heads[i] = " ".join(p.text.split())[:TEXT_HEAD_CHARS]
            title_texts.setdefault(t, set()).add(heads[i])
    by_text = {t for t, texts in title_texts.items() if len(texts) > 1}
    shared |= by_text
    shared |= {t for t, ids in title_ids.items() if len(ids) > 1}
    # An address given to posts of many titles is a home page, not a post's own.
    url_titles: dict[str, set[str]] = {}
    addresses = [normalize_url(p.url) if p.url else None for p in sightings]
    for t, u in zip(titles, addresses):
        if u:
            url_titles.setdefault(u, set()).add(t)
    # A platform's number given to posts of many titles names none of them either.
    numbers = [[a for a in p.aliases if a.startswith(PLATFORM_ID_PREFIXES)] for p in sightings]
    number_titles: dict[str, set[str]] = {}
    for t, names in zip(titles, numbers):
        for a in names:
            number_titles.setdefault(a, set()).add(t)
    # A title that pages or items of one site give at two addresses of their own names two.
    title_pages: dict[tuple[str, str], set[str]] = {}
    for p, t, u in zip(sightings, titles, addresses):
        if (p.title and u and len(url_titles[u]) <= MAX_TITLES_PER_ADDRESS and p.sources
                and p.sources[0].format in OWN_ADDRESS_FORMATS):
            title_pages.setdefault((t, u.split("/", 1)[0]), set()).add(u)
    page_of: dict[tuple[str, str], str] = {}
    for (t, _), us in title_pages.items():
        posts_at = _post_pages(us)
        if len(set(posts_at.values())) > 1:
            shared.add(t)
        page_of.update(((t, u), v) for u, v in posts_at.items() if u != v)
    # a row of a site's search index gives way to the page it names: the same text,
    # without the page's markup and links
    with_text = {documents[i] for i, p in enumerate(sightings)
                 if documents[i] in pages and p.text.strip()}
    sightings = [replace(p, text="", links=()) if entry_pages[i] in with_text else p
                 for i, p in enumerate(sightings)]
    for i, p in enumerate(sightings):
        keys = [f"#{i}"]
        if entry_pages[i] is not None:   # (a site's search index and the page a row names)
            keys.append(f"document:{entry_pages[i]}")
        if p.archive_id is not None:
            keys.append(f"id:{p.archive_id}")
        u = addresses[i]
        if u and len(url_titles[u]) <= MAX_TITLES_PER_ADDRESS:
            keys.append(f"url:{u}")
            if (titles[i], u) in page_of:      # a comment page of the post: the post
                keys.append(f"url:{page_of[titles[i], u]}")
        keys += [f"number:{a}" for a in numbers[i]
                 if len(number_titles[a]) <= MAX_TITLES_PER_ADDRESS]
        if documents[i] is not None:     # (x.Rmd and the x.html rendered beside it)
            keys.append(f"document:{documents[i]}")
        if p.title and titles[i] not in shared:
            keys.append("t:" + titles[i])
        elif titles[i] in by_text and i in heads:     # (a page saved twice: one post)
            keys.append(f"tt:{titles[i]}\0{heads[i]}")
        same.union(*keys)
    groups: dict[str, list[Post]] = {}
    for i, p in enumerate(sightings):
        groups.setdefault(same[f"#{i}"], []).append(p)
    merged = []
    for members in groups.values():
        # The most authoritative source first, so that its values lead.
        members = sorted(members, key=lambda p: (_priority(p), p.archive_id is None,
                                                 -len(p.text), p.key))
        post = members[0]
        for other in members[1:]:
            post = _combine(post, other)
        merged.append(replace(post, key=post_key(
            post, shared_title=normalize_title(post.title) in shared)))
    merged.sort(key=lambda p: p.key)
    seen: dict[str, int] = {}
    for i, p in enumerate(merged):      # no two nodes share an id, whatever the input
        n = seen[p.key] = seen.get(p.key, 0) + 1
        if n > 1:
            merged[i] = replace(p, key=f"{p.key}#{n}")
    if len(seen) < len(merged):
        merged.sort(key=lambda p: p.key)
    return tuple(merged)


MAX_INFERENCE_GAP_DAYS = 62


def infer_listing_years(posts: tuple[Post, ...]) -> tuple[Post, ...]:
    """Give a year to ``--MM-DD`` dates of layout-A listings from dated neighbours.

    In a home-page listing, posts run from newest to oldest. An entry without a year
    takes the year of the nearest entry above it that has a full date read from a source
    (not inferred) when its month-day is not later than that entry's and at most
    62 days earlier, or the year of the nearest dated entry below it when its
    month-day is not earlier and at most 62 days later; when both neighbours speak and
    disagree, or neither fits, the date stays partial. Inferred dates are marked with
    ``date_inferred=True``.

    Parameters
    ----------
    posts : tuple of Post
        Merged posts; not modified.

    Returns
    -------
    tuple of Post
        The same posts, with inferred years where the rule allows.
    """
    import datetime as dt

    listings: dict[str, list[tuple[int, str]]] = {}
    for p in posts:
        for s in p.sources:
            if s.format == "listing-a":
                listings.setdefault(s.path, []).append((s.line, p.key))
    by_key = {p.key: p for p in posts}
    inferred: dict[str, str] = {}

    def full(key: str) -> dt.date | None:
        p = by_key[key]
        if is_full(p.date) and not p.date_inferred:
            return dt.date.fromisoformat(p.date)
        return None

    for entries in listings.values():
        entries.sort()
        keys = [k for _, k in entries]
        for i, key in enumerate(keys):
            date = by_key[key].date
            if not is_partial(date):
                continue
            month, day = int(date[2:4]), int(date[5:7])
            years = set()
            above = next((full(k) for k in reversed(keys[:i]) if full(k)), None)
            below = next((full(k) for k in keys[i + 1:] if full(k)), None)
            for anchor, newer in ((above, True), (below, False)):
                if anchor is None:
                    continue
                try:
                    guess = dt.date(anchor.year, month, day)
                except ValueError:
                    continue
                gap = (anchor - guess).days if newer else (guess - anchor).days
                if 0 <= gap <= MAX_INFERENCE_GAP_DAYS:
                    years.add(anchor.year)
            if len(years) == 1:
                inferred[key] = f"{years.pop():04d}-{month:02d}-{day:02d}"
    if not inferred:
        return posts
    return tuple(replace(p, date=inferred[p.key], date_inferred=True) if p.key in inferred
                 else p for p in posts)
