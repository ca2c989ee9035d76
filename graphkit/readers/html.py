"""Reader of saved HTML pages (kexue.fm pages and generic blog pages), with selectolax.

On kexue.fm the post body sits in ``<div id="PostContent">``; title, date and readers are
in the title block above it. Other blogs: a microformats2 h-entry [1]_ (``e-content``,
``p-name``, ``dt-published``, ``u-url``, ``p-category``: IndieWeb themes, Medium's
export), else ``<article>``, ``<main>`` or ``<body>``, the first ``<h1>`` or
``<title>``, ``<time datetime>`` (or a ``<time>`` whose text is a date),
``article:published_time`` or the ``datePublished`` of its JSON-LD. Links may be
absolute or site paths (``/archives/ID``).

References
----------
.. [1] microformats2, h-entry, https://microformats.org/wiki/h-entry
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import replace
from functools import partial
from pathlib import PurePosixPath
from typing import NamedTuple
from urllib.parse import unquote, urljoin, urlsplit

from .. import dates
from ..dates import ISO_DATE_RE
from ..model import Fragment, Link, Post, Source
from ..sites import (HOST_NAME_RE, LIST_FOLDERS, NO_SITE, address_path, archived_address,
                     date_archive_path, folded_path, path_aliases, site_page_kind, url_host,
                     weixin_article_id)
from ..text import ZERO_WIDTH_RE, loads_json, preview, sentence_around
from .frontmatter import url_aliases
from .archive import archive_kind
from .dom import parse_html
from .kexue import SITE_URL, archive_link_id

HTML_FORMAT = "html"
BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "th",
              "figcaption", "dd", "dt")
BLOCKS = ", ".join(BLOCK_TAGS)
DATE_RE, READERS_RE = ISO_DATE_RE, dates.READERS_RE
_PAGE_TAG_RE = re.compile(r"<(?:html|head|body)[\s>]", re.I)
_TITLE_SUFFIX = re.compile(r"(?<!\s)\s*+[-|–—]\s*+(科学空间|Scientific Spaces).*$")


def detect(text: str, path: str) -> bool:
    """True for a file named ``*.html``/``*.htm`` or whose text starts like HTML."""
    head = text.lstrip()[:200].lower()
    return path.lower().endswith((".html", ".htm")) or head.startswith(("<!doctype html", "<html"))


_MEDIA = "img, picture, video, audio, iframe, object, embed, canvas, svg"
# Docsify's page: its script configures the site (window.$docsify = {…}) and draws every
# page of it from Markdown (https://docsify.js.org/#/configuration)
_DOCSIFY_RE = re.compile(r"\$docsify\s*=")


def _scripts_shell(tree, text: str) -> bool:
    """True for the shell a single-page app fills in: a page whose body, its scripts
    removed, holds no text and no image or other media (a JavaScript blog saved before
    its scripts ran), or Docsify's ``index.html`` (whose "Loading…" is no post)."""
    body = tree.body
    return (body is None or (not body.text(strip=True) and body.css_first(_MEDIA) is None)
            or _DOCSIFY_RE.search(text) is not None)


def _block_text(node) -> str:
    if node.css_first("br") is None:
        raw = node.text(separator="", strip=False)
    else:     # a line break parts words as a space does (lines of code, lines of a verse)
        raw = "".join(" " if n.tag == "br" else n.text(deep=False, strip=False)
                      for n in node.traverse(include_text=True) if n.tag in ("br", "-text"))
    return re.sub(r"[ \t\r\f\v]+", " ", ZERO_WIDTH_RE.sub("", raw)).strip()


def whole_page(text: str) -> bool:
    """True for HTML that is a whole page (an ``<html>``, ``<head>`` or ``<body>`` tag),
    not a post's content alone."""
    return _PAGE_TAG_RE.search(text) is not None


def read_html(text: str, path: str, *, saved_address: str | None = None
              ) -> tuple[list[Post], list[Fragment]]:
    """Read one saved HTML page.

    Parameters
    ----------
    text : str
        The page.
    path : str
        Name used in sources and fragments.
    saved_address : str, optional, keyword-only
        The address the page was saved from, when its container names it (an MHTML
        archive's ``Snapshot-Content-Location``): the page's address when the page
        names none itself.

    Returns
    -------
    posts : list of Post
        One post, or none when the page has no body text.
    fragments : list of Fragment
        What lies outside the body (navigation, comments...), a note when the page is
        truncated (no closing ``</html>``), and one when it was read flat
        (:func:`flat_reading`).
    """
    nlines = text.count("\n") + 1
    tree, nesting = parse_html(text)
    ld_date = _json_ld_date(tree)
    for junk in tree.css("script, style, noscript, template"):
        junk.decompose()            # (no text: an app's shell is no post of its scripts)
    listed = _listed(tree)          # (before the cards and the furniture are removed)
    frags: list[Fragment] = []
    if nesting is not None:   # (a tag soup: read flat, its text and links kept)
        frags.append(flat_reading(nesting, path=path, line=1, end_line=nlines, markup=text))
    # a post's body alone (Substack's export, a CMS's content): no page around it
    body_only = _PAGE_TAG_RE.search(text) is None
    shell = not body_only and _scripts_shell(tree, text)   # (before the furniture goes)
    if not body_only and "</html>" not in text.lower():
        frags.append(Fragment(path=path, line=nlines, end_line=nlines,
                              reason="truncated HTML (no closing </html>): read what is there",
                              text=preview(text[-120:])))
    entry = tree.css_first(".h-entry")
    weixin = tree.css_first("#js_content")      # a WeChat official-account article
    body = (tree.css_first("#PostContent")
            or (entry.css_first(".e-content") if entry is not None else None)
            or weixin or tree.css_first("article") or tree.css_first("main"))
    summaries = None
    if body is None and not body_only:           # a page without those: Readability's
        body, summaries = content_element(tree)
    body = body or tree.body
    if body is None:
        frags.append(Fragment(path=path, line=1, end_line=nlines, reason="HTML without a body",
                              text=preview(text)))
        return [], frags
    not_post = _not_a_post(tree, entry, path)
    if not_post is not None:
        frags.append(Fragment(path=path, line=1, end_line=nlines, reason=not_post,
                              text=preview(_block_text(body))))
        return [], frags
    # cards of other posts after the post (their titles, dates and links are not its own)
    entries, cards = post_entries(tree, body) if not body_only else (None, [])
    frags += drop_cards(cards, path=path, end_line=nlines)
    # title and id
    title, aid, url = "", None, None
    # (one pass over the headings' links: a search inside each heading is quadratic in
    # headings nested in one another, as a tag soup of unclosed <h2><a> makes them)
    for a in tree.css("h1 a[href], h2 a[href]"):
        aid = archive_link_id(a.attributes.get("href") or "")
        if aid is not None:
            h = a.parent
            while h is not None and h.tag not in ("h1", "h2"):
                h = h.parent
            title = _block_text(h) if h is not None else ""
            break
    name = entry.css_first(".p-name") if entry is not None else None
    if not title and name is not None:
        title = _block_text(name)
    if not title and weixin is not None and tree.css_first("#activity-name") is not None:
        title = _block_text(tree.css_first("#activity-name"))
    if aid is None:
        for sel, attr in (('link[rel="canonical"]', "href"), ('meta[property="og:url"]', "content"),
                          (".h-entry a.u-url[href]", "href"),
                          (".h-entry a.p-canonical[href]", "href")):   # Medium's class
            node = tree.css_first(sel)
            if node is not None and node.attributes.get(attr):
                url = _original(node.attributes[attr])
                aid = archive_link_id(url)
                break
    if aid is None and url is None:
        url = _original(microdata_address(tree) or saved_from(text) or saved_address)
        aid = archive_link_id(url) if url else None
    if not title:
        title = _page_title(tree, body, address=url)
    url = SITE_URL.format(aid) if aid is not None else url
    scripts = _weixin_vars(text) if weixin is not None else {}   # (one pass over the page)
    article_id = _weixin_ids(scripts, url) if weixin is not None else None
    # date and readers: the title block above the body, else the page
    head_text = ""
    holder = tree.css_first("#PostContent")
    if holder is not None and holder.parent is not None:
        head_text = _block_text(holder.parent).split(_block_text(holder)[:30] or "\0")[0]
    page_text = head_text or (tree.body.text(separator=" ") if tree.body is not None else "")
    date = None
    node = tree.css_first(".dt-published[datetime]") or tree.css_first("time[datetime]")
    if node is not None and DATE_RE.search(node.attributes.get("datetime") or ""):
        date = _shown_day(node, DATE_RE.search(node.attributes["datetime"]).group(1))
    meta = tree.css_first('meta[property="article:published_time"]')
    if date is None and meta is not None and DATE_RE.search(meta.attributes.get("content") or ""):
        date = DATE_RE.search(meta.attributes["content"]).group(1)
    if date is None:
        date = ld_date
    if date is None and weixin is not None:
        date = _weixin_date(tree, scripts)
    if date is None:   # <time>July 8, 2021</time>, without datetime (Notion's export, themes)
        date = next((d for d in (dates.parse_date(t.text().strip().lstrip("@"))
                                 for t in tree.css("time")[:4]) if d), None)
    if date is None and head_text and DATE_RE.search(head_text[:2000]):
        date = DATE_RE.search(head_text[:2000]).group(1)
    if date is None and not body_only:
        date = _htmldate(tree.html if cards else text)   # (without the cards removed)
    if date is None and not body_only:
        date = _date_marked(tree)
    if date is None and body is not None:   # (the post's element, else the one around it)
        date = _lead_date(body) or (_lead_date(body.parent) if body.parent is not None
                                    and body.parent.tag not in ("body", "html") else None)
    if date is None and DATE_RE.search(page_text[:2000]):
        date = DATE_RE.search(page_text[:2000]).group(1)
    rm = READERS_RE.search(page_text[:2000])
    readers = int(rm.group(1)) if rm else None
    # (tags before the furniture goes: themes put the tag links in the post's meta line)
    tags, categories = page_tags(tree, body, title=title)
    menu = _menu_links(tree, body) if not body_only else ()
    paragraphs, links, parts = post_element_text(body, path=path, end_line=nlines,
                                                 body_only=body_only,
                                                 look_inside=body is not weixin)
    frags += parts
    if paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]  # the title repeated as the body's heading
    body_text = "\n".join(paragraphs)
    if not body_text and not title:
        frags.append(Fragment(path=path, line=1, end_line=nlines,
                              reason="HTML page without post text or title", text=preview(text)))
        return [], frags
    if shell:
        frags.append(Fragment(path=path, line=1, end_line=nlines,
                              reason="a page its scripts draw (a single-page app's shell: "
                                     "Docsify's index.html, a page saved before its scripts "
                                     "ran): no text, images or media of its own, not a post",
                              text=preview(title)))
        return [], frags
    mirrored = mirror_address(path)
    if url is None and mirrored is not None:
        url = mirrored
    listing = list_page_reason(tree, path, paragraphs, links, entries=entries, address=url)
    year_page = any(a and _YEAR_PAGE_RE.search(address_path(a)) for a in (path, url))
    listing = (listing or summaries
               or (_dated_links(body, text_dates=year_page) if body is not None else None)
               or (_heading_entries(body) if body is not None and not body_only else None)
               or _titled_as_site(tree))
    if listing is not None:
        frags.append(Fragment(path=path, line=1, end_line=nlines,
                              reason=f"{LIST_PAGE} ({listing}): its links are not "
                                     f"citations", text=preview(title or body_text)))
        return [], frags
    if not body_only:
        frags.append(Fragment(path=path, line=1, end_line=nlines,
                              reason="HTML outside the post body (navigation, sidebar, comments)",
                              text=preview(tree.body.text(separator=" ") if tree.body else "")))
    key = f"post:{aid}" if aid is not None else f"post:html:{path}"
    aliases = set(path_aliases(path))
    if url:
        aliases |= url_aliases(url)
    if article_id:
        aliases.add(f"weixin/{article_id}")
    wp_id = _wordpress_id(tree)
    if wp_id:
        aliases.add(f"p={wp_id}")          # WordPress' ?p=ID address
    og_type = tree.css_first('meta[property="og:type"]')
    kind = " ".join((og_type.attributes.get("content") or "").split())[:40].casefold() \
        if og_type is not None else ""
    shown = tree.css_first("title")
    shown = " ".join(_block_text(shown).split())[:MAX_SHOWN_TITLE] if shown is not None else ""
    marks = tuple((name, value) for name, value in
                  ((OG_TYPE, kind), (WP_TYPE, _wordpress_type(tree)),
                   (SHOWN_TITLE, shown if shown != title else ""),
                   (MENU, "\n".join(menu))) if value)
    post = Post(key=key, title=title, label=title or preview(body_text, 40),
                untitled=not title, date=date, readers=readers, archive_id=aid, url=url,
                text=body_text, links=tuple(links), tags=tags, categories=categories,
                aliases=tuple(sorted(aliases)), fields=marks,
                sources=(Source(path=path, line=1, format=HTML_FORMAT),), listed=listed)
    return [post], frags


# a page's links kept to name other pages (named_by_listings): at most so many, with an
# anchor text of so many characters
MAX_LISTED_LINKS = 500
LISTED_ANCHOR_CHARS = (2, 200)
# the start of the reason a list page is not read as a post
LIST_PAGE = "a list page, not a post"
LISTED = "listed"        # a FileReport.site entry of a list page: a path it links
# a list page's addresses kept to judge the pages it does not name (unlisted_pages_aside)
MAX_LIST_PATHS = 5000


def list_page_paths(text: str, path: str) -> tuple[str, ...]:
    """The pages a saved list page links, each as :func:`listing_key` of its path on the
    site: a relative link read from the list page's own path inside the folder read
    (``archives/index.html`` is at ``/archives/index.html``); an absolute address by its
    path. A page that links more than :data:`MAX_LIST_PATHS` gives none (the other
    list pages of its folder judge alone), so that what is kept stays bounded.

    Parameters
    ----------
    text : str
        The page, which :func:`read_html` read as a list page.
    path : str
        Its name, the folder read first (``public/archives/index.html``).

    Returns
    -------
    tuple of str
    """
    tree, _ = parse_html(text)
    inside = path.replace("\\", "/").split("/", 1)
    here = "http://site/" + (inside[1] if len(inside) > 1 else "")
    out: dict[str, None] = {}
    for a in tree.css("a[href]"):
        href = (a.attributes.get("href") or "").strip()
        if not href or href.startswith(("#", "mailto:", "javascript:")):
            continue
        try:
            key = listing_key(urlsplit(urljoin(here, href)).path)
        except ValueError:
            continue
        out[key] = None
        if len(out) > MAX_LIST_PATHS:
            return ()
    return tuple(out)


def listing_key(path: str) -> str:
    """A page's path as list pages and the page's own file name it alike: folded
    (:func:`graphkit.sites.folded_path`), in lower case, without ``.html``:
    ``/a/index.html``, ``/a/``, ``/a.html`` and ``/A`` are ``/a``.

    >>> listing_key("/2021/Post-One/index.html")
    '/2021/post-one'
    """
    return re.sub(r"\.html?$", "", folded_path(unquote(path).casefold())).rstrip("/") or "/"


def _suffixes(key: str) -> list[str]:
    """``/a/b/c``, ``/b/c``, ``/c``: a key's paths from each of its segments on."""
    parts = key.strip("/").split("/")
    return ["/" + "/".join(parts[i:]) for i in range(len(parts))] if key != "/" else ["/"]


def _listed(tree) -> tuple[tuple[str, str], ...]:
    out: dict[tuple[str, str], None] = {}
    low, high = LISTED_ANCHOR_CHARS
    for a in tree.css("a[href]"):
        href = (a.attributes.get("href") or "").strip()
        anchor = " ".join(a.text(separator=" ").split())
        if low <= len(anchor) <= high and href and not href.startswith(("#", "javascript:")):
            out[(anchor, href)] = None
            if len(out) >= MAX_LISTED_LINKS:
                break
    return tuple(out)


def named_by_listings(posts: list, *, formats: tuple[str, ...] = (HTML_FORMAT,)) -> list:
    """Name the saved pages that name no address of their own by the address other
    pages list them under.

    A page saved without a canonical link, ``og:url``, microdata or a browser's mark
    (Firefox marks nothing) has no address, so links to it reach nothing. The pages
    saved with it list it: the sidebar's newest posts, the previous and next post, the
    recommendations and the page's own title link its address under its whole title. A
    page takes the one address (without query and anchor) that links whose text is its
    title name, on any page read, when that address is no other post's and no other
    post has that title. Relative links are read from the listing page's address; a
    link into a tag, category, author or page-number folder (:data:`LIST_FOLDERS`) names
    a list, never the page.

    Parameters
    ----------
    posts : list of Post
        Sightings of every file read; :attr:`Post.listed` is emptied on all of them.
    formats : tuple of str, keyword-only
        The formats of the sightings that may be named so (saved pages; pages captured
        as Markdown, :data:`graphkit.readers.capture.CAPTURE`, whose lists are their
        Markdown links). A protocol-relative link (``//host/a/``) names ``https:``; a
        path alone (``/a/``) that one of the addresses names is that address.

    Returns
    -------
    list of Post
    """
    def norm(title: str) -> str:
        return " ".join(title.split()).casefold()

    unnamed = {id(p) for p in posts if p.url is None and p.title
               and p.sources and p.sources[0].format in formats}
    if not unnamed:
        return [replace(p, listed=()) if p.listed else p for p in posts]
    titles: dict[str, int] = {}
    for p in posts:
        if p.title:
            titles[norm(p.title)] = titles.get(norm(p.title), 0) + 1
    wanted = {norm(p.title) for p in posts if id(p) in unnamed and titles[norm(p.title)] == 1}
    taken = {p.url.split("#", 1)[0].split("?", 1)[0] for p in posts if p.url}
    found: dict[str, set[str]] = {}
    for p in posts:
        for anchor, href in p.listed:
            key = norm(anchor)
            if key not in wanted:
                continue
            if p.url and not re.match(r"^[a-z][a-z0-9+.\-]*:", href, re.I):
                try:
                    href = urljoin(p.url, href)
                except ValueError:
                    continue
            href = href.split("#", 1)[0].split("?", 1)[0]
            if href.startswith("//"):           # (protocol-relative: the page's scheme)
                href = "https:" + href
            folders = re.sub(r"^[a-z][a-z0-9+.\-]*://[^/]*", "", href, flags=re.I).split("/")
            if not LIST_FOLDERS.intersection(f.casefold() for f in folders[:-1]):
                found.setdefault(key, set()).add(href)   # (a tag or category page: not it)
    for key, addresses in found.items():     # (a path alone, where its address is named)
        paths = {re.sub(r"^[a-z][a-z0-9+.\-]*://[^/]*", "", a, flags=re.I) or "/"
                 for a in addresses if re.match(r"^https?://", a, re.I)}
        found[key] = {a for a in addresses if not (a.startswith("/") and a in paths)}
    out = []
    for p in posts:
        addresses = found.get(norm(p.title), set()) if id(p) in unnamed else set()
        if len(addresses) == 1 and not addresses & taken:
            (address,) = addresses
            named = re.match(r"^https?://", address, re.I) is not None
            p = replace(p, url=address if named else None,
                        aliases=tuple(sorted(set(p.aliases) | url_aliases(address))))
        out.append(replace(p, listed=()) if p.listed else p)
    return out


MIN_NAMED_PAGES = 3     # pages of a site whose titles end alike that name the site so


def without_site_name(posts: list, *, formats: tuple[str, ...] = (HTML_FORMAT,)
                      ) -> tuple[list, list[Fragment]]:
    """The posts with the site's name taken off the end of their titles, where most
    pages of the site end their titles with it; the pages titled by that name alone
    set aside.

    A theme writes each page's ``<title>`` as the post's title, a separator and the
    site's name (``注意力的几何 | 小林的笔记``); a page that names its site nowhere
    else (no ``og:site_name``, no heading of the site) keeps it in the title it is read
    with. The pages of one site (one host; pages without an address, the host of their
    folder's pages, else one folder read: :func:`_sites_of`) whose titles' last part
    (after `` | ``, `` - ``, `` — ``…: :data:`TITLE_PARTS_RE`) is the same,
    :data:`MIN_NAMED_PAGES` or more and at least half of the site's titled pages, lose
    that part; a page of that site whose whole title is the name is
    its home page or another of its lists (a theme that draws its posts without
    ``<article>``), not a post. A page's ``<title>`` counts where the post was titled
    by a heading instead (:data:`SHOWN_TITLE`): vuepress-theme-reco titles its posts'
    pages ``注意力的几何 | 小林的笔记``, its home page ``小林的笔记``, and both by their
    ``<h1>``.

    Parameters
    ----------
    posts : list of Post
        Sightings of every file read.
    formats : tuple of str, keyword-only
        The formats of the sightings whose titles are a page's ``<title>``.

    Returns
    -------
    posts : list of Post
    aside : list of Fragment
        The pages titled by the site's name alone.
    """
    def last(title: str) -> str | None:
        parts = TITLE_PARTS_RE.split(title)
        return parts[-1].strip() if len(parts) > 1 and parts[-1].strip() else None

    def shown(p) -> str:
        return dict(p.fields).get(SHOWN_TITLE) or p.title

    pages = [p for p in posts if p.title and p.sources and p.sources[0].format in formats]
    sites = _sites_of(pages)
    pages = {id(p): (sites[id(p)], p) for p in pages}
    counts: dict[tuple[str, str | None], int] = {}
    sizes: dict[str, int] = {}
    for where, p in pages.values():
        sizes[where] = sizes.get(where, 0) + 1
        counts[where, last(shown(p))] = counts.get((where, last(shown(p))), 0) + 1
    names = {k for k, n in counts.items()
             if k[1] is not None and n >= MIN_NAMED_PAGES and 2 * n >= sizes[k[0]]}
    if not names:
        return posts, []
    chosen = {i for i, (where, p) in pages.items() if (where, last(p.title)) in names}
    homes = {i for i, (where, p) in pages.items()
             if {(where, " ".join(t.split())) for t in (p.title, shown(p))} & names}
    def renamed(p):
        *_, sep = TITLE_PARTS_RE.finditer(p.title)
        title = p.title[:sep.start()].strip()
        return replace(p, title=title, label=title if p.label == p.title else p.label)

    out, aside = _pages_aside(posts, dict.fromkeys(
        homes, "a page titled by the site's name alone, which the other pages' titles end "
               "with: its home page or another list, not a post"))
    return [renamed(p) if id(p) in chosen else p for p in out], aside


OG_TYPE = "og:type"      # a page's Open Graph type, kept in Post.fields (site_pages_aside)
SHOWN_TITLE = "html:title"  # the page's <title> where the post's title is another (likewise)
MAX_SHOWN_TITLE = 300       # characters of it kept
WP_TYPE = "wp:type"      # WordPress' type of the page's entry (post, page), likewise
MENU = "html:menu"       # the addresses the page's menu links, likewise (menu_pages_aside)
MAX_MENU_LINKS = 40      # of them kept
# (field, the type of a site's posts, the type of its other pages)
PAGE_MARKS = ((OG_TYPE, "article", "website"), (WP_TYPE, "post", "page"))


def site_pages_aside(posts: list, *, formats: tuple[str, ...] = (HTML_FORMAT,)
                     ) -> tuple[list, list[Fragment]]:
    """The posts without the pages that their own site marks as no post.

    A generator's templates mark each page with its kind: its Open Graph type
    (``og:type``), ``article`` for a post's page and ``website`` for its other pages
    (about, links, the home page: jekyll-seo-tag, Hexo's ``open_graph`` helper, Ghost);
    and WordPress' ``<body>`` classes (``body_class()``, every theme), ``postid-N`` for a
    post and ``page-id-N`` for one of its pages (about, sample page, contact). Where
    :data:`MIN_NAMED_PAGES` or more pages of one site (one host; pages without an
    address, one folder read), and at least half of its pages that carry the mark, are
    marked as posts, that site's pages marked as other pages are set aside (:data:`PAGE_MARKS`):
    an about page's links to the posts are no citations. A site that marks every page
    alike says nothing, and its pages stay posts.

    Parameters
    ----------
    posts : list of Post
        Sightings of every file read; not modified.
    formats : tuple of str, keyword-only
        The formats of the sightings that carry those marks (:attr:`Post.fields`).

    Returns
    -------
    posts : list of Post
    aside : list of Fragment
        The pages set aside, each with its reason.

    References
    ----------
    .. [1] The Open Graph protocol, object types, https://ogp.me/#types
    .. [2] WordPress Developer Resources, ``body_class()``,
       https://developer.wordpress.org/reference/functions/body_class/
    """
    counts: dict[tuple[str, str, str], int] = {}
    sizes: dict[tuple[str, str], int] = {}
    for p in posts:
        if not p.fields or not p.sources or p.sources[0].format not in formats:
            continue
        fields = dict(p.fields)
        for field, _, _ in PAGE_MARKS:
            if fields.get(field):
                where = (_site_of(p), field)
                counts[(*where, fields[field])] = counts.get((*where, fields[field]), 0) + 1
                sizes[where] = sizes.get(where, 0) + 1
    judged = {(w, field): other for (w, field, kind), n in counts.items()
              for f, post, other in PAGE_MARKS
              if f == field and kind == post and n >= MIN_NAMED_PAGES and 2 * n >= sizes[w, f]}
    if not judged:
        return posts, []
    reasons: dict[int, str] = {}
    for p in posts:
        fields = dict(p.fields) if p.sources and p.sources[0].format in formats else {}
        mark = next(((field, post) for field, post, other in PAGE_MARKS
                     if fields.get(field) and fields[field] == judged.get((_site_of(p), field))),
                    None)
        if mark is not None:
            field, post = mark
            where = _site_of(p)
            reasons[id(p)] = (f"a page of its site, not a post: its {field} is {fields[field]}, "
                              f"the {counts[where, field, post]} posts' of {where} {post}")
    return _pages_aside(posts, reasons)


def unfed_pages_aside(posts: list, *, feeds: tuple[str, ...] = (),
                      formats: tuple[str, ...] = (HTML_FORMAT,),
                      entries: Iterable[tuple[str, str]] = ()) -> tuple[list, list[Fragment]]:
    """The posts without the pages that a site's complete feed leaves out.

    A blog's feed (RSS, Atom, JSON Feed) lists its posts, and no other page: not the
    about page, a list of pages, the projects page. When the feed of a folder read
    names every one of its dated pages, :data:`MIN_NAMED_PAGES` or more, it is complete
    (Eleventy's and Hugo's feeds hold every post; Jekyll's and Hexo's the latest 10
    or 20, which a larger blog's older dated pages show), and an undated page of that
    folder that it does not name is one of the site's pages, set aside: its links to
    the posts are no citations. A page is named by its title (white space and case
    folded) or by its address' path (for a page without an address, its file's path
    inside the folder: ``about/index.html`` is ``/about/``). A dated page that the feed
    leaves out is set aside as well when its folder lies above the folders of all the
    dated pages it names, :data:`MIN_NAMED_PAGES` or more (Astro's blog template gives
    its ``/about/`` page the posts' layout and a date, and its feed holds the
    ``/blog/…`` posts alone); no other dated page is, and nothing is while one dated
    page elsewhere is missing from the feed (a feed of the latest posts).

    Parameters
    ----------
    posts : list of Post
        Sightings of every file read; not modified.
    feeds : tuple of str, keyword-only
        The formats of feed entries (:data:`graphkit.readers.exports.FEED`, …).
    formats : tuple of str, keyword-only
        The formats of the pages judged (saved or crawled pages).
    entries : iterable of (str, str), keyword-only
        The title and address of each entry of feeds read apart (the crawler's, of
        the one site it reads), naming pages of every folder.

    Returns
    -------
    posts : list of Post
    aside : list of Fragment
        The pages set aside, each with its reason.

    References
    ----------
    .. [1] RSS 2.0 Specification, https://www.rssboard.org/rss-specification; RFC 4287,
       The Atom Syndication Format; JSON Feed Version 1.1, https://www.jsonfeed.org/version/1.1/
    """
    def path_of(p) -> str | None:
        return _page_path(p, formats=formats)

    def names_of(title: str, path: str | None) -> set[str]:
        title = " ".join(title.split()).casefold()
        return {n for n in (title and "title:" + title, path and "path:" + path) if n}

    fed: dict[str, set[str]] = {}
    for p in posts:
        if p.sources and p.sources[0].format in feeds:
            fed.setdefault(_folder_of(p), set()).update(names_of(p.title, path_of(p)))
    apart: set[str] = set()
    for title, address in entries:
        try:
            apart |= names_of(title, urlsplit(address).path.rstrip("/") or "/")
        except ValueError:
            continue
    if apart:
        for p in posts:
            if p.sources and p.sources[0].format in formats:
                fed.setdefault(_folder_of(p), set()).update(apart)
    if not fed:
        return posts, []

    def named(p) -> bool:
        names = fed.get(_folder_of(p), set())
        return any(n in names for n in names_of(p.title, path_of(p)))

    pages = [p for p in posts if p.sources and p.sources[0].format in formats
             and _folder_of(p) in fed]
    fed_spans: dict[str, _Span] = {}
    for p in pages:
        if p.date and named(p) and (mine := _page_folder(p, formats=formats)) is not None:
            fed_spans[_folder_of(p)] = _span(fed_spans.get(_folder_of(p)), mine)
    above = {id(p) for p in pages if p.date and not named(p)
             and _folder_above(_page_folder(p, formats=formats), fed_spans.get(_folder_of(p)))}
    dated: dict[str, int] = {}
    complete = {f: True for f in fed}
    for p in pages:
        if p.date and id(p) not in above:
            dated[_folder_of(p)] = dated.get(_folder_of(p), 0) + 1
            complete[_folder_of(p)] = complete[_folder_of(p)] and named(p)
    judged = {f for f, ok in complete.items() if ok and dated.get(f, 0) >= MIN_NAMED_PAGES}
    reasons = {id(p): f"a page of its site, not a post: left out of the site's feed, which "
                      f"names all {fed_spans[_folder_of(p)].n} dated pages below its folder"
               for p in pages if id(p) in above}
    reasons.update({
        id(p): f"a page of its site, not a post: undated, and left out of the site's feed, "
               f"which names all {dated[_folder_of(p)]} of its dated pages" for p in pages
        if not (p.date or _folder_of(p) not in judged or named(p))})
    return _pages_aside(posts, reasons) if reasons else (posts, [])


def without_zero_dates(posts: list, *, formats: tuple[str, ...] = (HTML_FORMAT,)
                       ) -> tuple[list, list[Fragment]]:
    """The posts, those of ``formats`` dated before :data:`graphkit.dates.MIN_YEAR`
    undated: ``<time datetime="0001-01-01T00:00:00+00:00">`` is how a Hugo template
    dates a page without a date (Go's zero time), the about page, which the rules on
    undated pages then judge.

    Parameters
    ----------
    posts : list of Post
        Sightings of every file read (or of every page fetched); not modified.
    formats : tuple of str, keyword-only
        The formats of the pages whose zero dates are taken off (saved or crawled pages).

    Returns
    -------
    posts : list of Post
    zeroed : list of Fragment
        One for each date taken off, with the date.

    References
    ----------
    .. [1] The Go standard library, ``time.Time``: "The zero value of type Time is
       January 1, year 1, 00:00:00.000000000 UTC", https://pkg.go.dev/time#Time
    """
    zeroed = {id(p) for p in posts if p.sources and p.sources[0].format in formats
              and dates.is_zero_date(p.date)}
    if not zeroed:
        return posts, []
    return [replace(p, date=None) if id(p) in zeroed else p for p in posts], [
        Fragment(path=p.sources[0].path, line=1, end_line=1, text=p.date,
                 reason=f"a zero date ({p.date}: Go's zero time, which a Hugo template "
                        f"writes for a page without a date), read as none")
        for p in posts if id(p) in zeroed]


def _pages_aside(posts: list, reasons: dict[int, str]) -> tuple[list, list[Fragment]]:
    """``posts`` without the pages that ``reasons`` names (by ``id``), and a fragment
    for each of those, with its reason."""
    out, aside = [], []
    for p in posts:
        if id(p) not in reasons:
            out.append(p)
            continue
        aside.append(Fragment(path=p.sources[0].path, line=1, end_line=1,
                              text=preview(p.title or p.text), reason=reasons[id(p)]))
    return out, aside


def unlisted_pages_aside(posts: list, *, formats: tuple[str, ...] = (HTML_FORMAT,),
                         listings: dict[str, set[str]] | None = None
                         ) -> tuple[list, list[Fragment]]:
    """The posts without the undated pages that none of the site's list pages names,
    when those name all of its dated pages.

    A blog's list pages (its home page and the pages after it, the archive, the tags and
    categories) list its posts, and its own pages not among them: an about page that the
    theme's menu does not link either (hexo-theme-keep's default menu is home and
    archives) is reached from no list. When the list pages read from a folder name every
    one of its dated pages, :data:`MIN_NAMED_PAGES` or more, an undated page of that
    folder that no list page names is one of the site's pages, set aside: its links to
    the posts are no citations. A page is named by its path (see :func:`listing_key`),
    or by a path that ends with the other's segments (a site built for ``/blog/`` and
    read from its folder). Nothing is set aside while one dated page is missing from the
    lists (a blog saved without its older list pages), nor any dated page.

    Parameters
    ----------
    posts : list of Post
        Sightings of every file read; not modified.
    formats : tuple of str, keyword-only
        The formats of the pages judged (saved pages).
    listings : dict of str to set of str, keyword-only
        For each folder read (the first part of the files' names), the paths its list
        pages link (:func:`list_page_paths`); None or empty: nothing is judged.

    Returns
    -------
    posts : list of Post
    aside : list of Fragment
        The pages set aside, each with its reason.
    """
    if not listings:
        return posts, []
    named_by: dict[str, set[str]] = {}
    for folder, keys in listings.items():
        named_by[folder] = {x for k in keys for x in _suffixes(k)}

    def named(p) -> bool:
        path = _page_path(p, formats=formats)
        if path is None:
            return False
        key = listing_key(path)
        names = named_by.get(_folder_of(p), set())
        return key in names or any(x in listings[_folder_of(p)] for x in _suffixes(key))

    pages = [p for p in posts if p.sources and p.sources[0].format in formats
             and _folder_of(p) in listings]
    dated: dict[str, int] = {}
    complete = {f: True for f in listings}
    for p in pages:
        if p.date:
            dated[_folder_of(p)] = dated.get(_folder_of(p), 0) + 1
            complete[_folder_of(p)] = complete[_folder_of(p)] and named(p)
    judged = {f for f, ok in complete.items() if ok and dated.get(f, 0) >= MIN_NAMED_PAGES}
    return _pages_aside(posts, {
        id(p): f"a page of its site, not a post: undated, and named by none of the site's "
               f"list pages, which name all {dated[_folder_of(p)]} of its dated pages"
        for p in pages if not p.date and _folder_of(p) in judged and not named(p)})


def _menu_links(tree, body) -> tuple[str, ...]:
    """The addresses the links of a page's menu name, as written: the links of its
    ``<header>`` and ``<nav>`` elements outside the post's element (``body``) and any
    ``<article>``; at most :data:`MAX_MENU_LINKS`."""
    inside = {n.mem_id for n in ([body] if body is not None else []) + tree.css("article")}
    out: list[str] = []
    for a in tree.css("header a[href], nav a[href]"):
        node, held = a.parent, False
        while node is not None and not held:
            held = node.mem_id in inside
            node = node.parent
        href = (a.attributes.get("href") or "").strip()
        if not held and href and not href.startswith("#") and href not in out:
            out.append(href[:500])
            if len(out) >= MAX_MENU_LINKS:
                break
    return tuple(out)


def menu_pages_aside(posts: list, *, formats: tuple[str, ...] = (HTML_FORMAT,)
                     ) -> tuple[list, list[Fragment]]:
    """The posts without the undated pages that their site's menu links.

    A theme draws the site's menu (a ``<header>``, a ``<nav>``) on every page, linking
    the site's own pages: the about page, the archive, the projects. An undated page of
    one site (:func:`_sites_of`) whose address the menus of at least half of the site's
    pages link (and :data:`MIN_NAMED_PAGES` of them), on a site with
    :data:`MIN_NAMED_PAGES` dated pages or more, is such a page, set aside: its links
    to the posts are no citations. It finds the about page where no feed and no folder
    tell it from the posts (posts at the top, ``/a.html``, beside ``/about/``). A post
    the menu links (a featured post) is dated, and stays. A page with no address is
    known by its file's place, which a folder read above the site's root lengthens
    (``output/pages/about.html``): the menu names it by the end of that path, and by
    the site's whole address where the menu names that as its home (Pelican's).

    Parameters
    ----------
    posts : list of Post
        Sightings of every file read; not modified.
    formats : tuple of str, keyword-only
        The formats of the pages judged (saved or crawled pages).

    Returns
    -------
    posts : list of Post
    aside : list of Fragment
        The pages set aside, each with its reason.
    """
    pages = [p for p in posts if p.sources and p.sources[0].format in formats]
    sites = _sites_of(pages)
    linked: dict[str, dict[str, int]] = {}
    menus: dict[str, int] = {}
    dated: dict[str, int] = {}
    paths = {id(p): _page_path(p, formats=formats) for p in pages}
    for p in pages:
        site, here = sites[id(p)], paths[id(p)]
        dated[site] = dated.get(site, 0) + bool(p.date)
        written = dict(p.fields).get(MENU)
        if not written or here is None:
            continue
        menus[site] = menus.get(site, 0) + 1
        counts = linked.setdefault(site, {})
        hrefs = written.split("\n")
        homes = _home_hosts(hrefs) if not p.url else frozenset()
        for path in {_menu_path(href, here, p.url, homes=homes) for href in hrefs} - {None}:
            counts[path] = counts.get(path, 0) + 1
    reasons = {}
    # (the paths linked often enough, for the pages named by their files from a folder
    # above the site's root: output/pages/about.html is the menu's /pages/about.html)
    often = {site: [(path, k) for path, k in counts.items() if path != "/"
                    and k >= max(MIN_NAMED_PAGES, menus.get(site, 0) / 2)]
             for site, counts in linked.items()}
    for p in pages:
        site, here = sites[id(p)], paths[id(p)]
        folded = folded_path(here) if here else ""
        k = linked.get(site, {}).get(folded, 0)
        if not k and here and not p.url and not p.date:
            k = max((n for path, n in often.get(site, ()) if folded.endswith(path)), default=0)
        if (not p.date and dated.get(site, 0) >= MIN_NAMED_PAGES
                and k >= max(MIN_NAMED_PAGES, menus.get(site, 0) / 2)):
            reasons[id(p)] = (f"a page of its site, not a post: undated, linked by the "
                              f"site's menu on {k} of its {menus[site]} pages")
    return _pages_aside(posts, reasons)


# the folder Pelican writes its drafts to (DRAFT_SAVE_AS, drafts/{slug}.html), published
# nowhere: a built page below it is a draft
DRAFTS_FOLDER = "drafts"


def drafts_aside(posts: list, *, formats: tuple[str, ...] = (HTML_FORMAT,)
                 ) -> tuple[list, list[Fragment]]:
    """The posts without the drafts a generator built beside the site: the pages whose
    path on their site (:func:`_page_path`) has a folder :data:`DRAFTS_FOLDER`, where
    Pelican writes each draft (``drafts/{slug}.html``), which no list, feed or menu
    of the site links. Takes and returns what :func:`pages_above_posts_aside` does.

    References
    ----------
    .. [1] Pelican, "Settings" (``DRAFT_URL``, ``DRAFT_SAVE_AS``),
       https://docs.getpelican.com/en/latest/settings.html
    """
    reasons = {}
    for p in posts:
        if not (p.sources and p.sources[0].format in formats):
            continue
        path = _page_path(p, formats=formats) or ""
        if DRAFTS_FOLDER in path.strip("/").split("/")[:-1]:     # (as Pelican writes it)
            reasons[id(p)] = (f"a draft, not a post: a page in the folder {DRAFTS_FOLDER}/, "
                              "where Pelican writes drafts")
    return _pages_aside(posts, reasons)


def _menu_path(href: str, here: str, url: str | None, *,
               homes: frozenset[str] = frozenset()) -> str | None:
    """The path on the page's site that a menu's link names (:func:`folded_path`), read
    against the page's own address (``url``, else its path ``here``); None for a link
    to another host (but ``homes``, the hosts the menu of a page with no address links
    as its home) or no path."""
    try:
        base = url or f"{NO_SITE}{here}"
        target = urlsplit(urljoin(base, href))
        if target.netloc != urlsplit(base).netloc and target.netloc not in homes:
            return None
    except ValueError:
        return None
    return folded_path(target.path) if target.path else None


def _home_hosts(hrefs: list[str]) -> frozenset[str]:
    """The hosts that a menu's links name as a home (``https://host/``): a page with
    no address of its own is on that site (Pelican's banner and menu link the site by
    its whole address, from pages that give none)."""
    out = set()
    for href in hrefs:
        try:
            parts = urlsplit(href.strip())
        except ValueError:
            continue
        if parts.scheme in ("http", "https") and parts.netloc and parts.path in ("", "/"):
            out.add(parts.netloc)
    return frozenset(out)


def own_pages_aside(posts: list, *, formats: tuple[str, ...] = (HTML_FORMAT,),
                    feeds: tuple[str, ...] = (), entries: Iterable[tuple[str, str]] = (),
                    listings: dict[str, set[str]] | None = None
                    ) -> tuple[list, list[Fragment]]:
    """The posts with the site's name off their titles and without the site's own
    pages, as each rule finds them in turn, once :func:`without_zero_dates` has taken
    the zero dates off the pages: :func:`without_site_name` (its home page),
    :func:`site_pages_aside` (the pages it marks as no post), :func:`numbered_pages_aside`
    (a paginated list), :func:`drafts_aside` (drafts a generator wrote beside the
    site), :func:`unfed_pages_aside` (undated pages a complete feed leaves
    out), :func:`pages_above_posts_aside` (undated pages above all its posts),
    :func:`menu_pages_aside` (undated pages its menu links),
    :func:`title_lists_aside` (undated pages made of its posts' titles) and
    :func:`unlisted_pages_aside` (undated pages its list pages leave out).

    Parameters
    ----------
    posts : list of Post
        Sightings of every file read (or of every page fetched); not modified.
    formats : tuple of str, keyword-only
        The formats of the pages judged (saved or crawled pages).
    feeds, entries : keyword-only
        As :func:`unfed_pages_aside` takes them.
    listings : dict of str to set of str, keyword-only
        As :func:`unlisted_pages_aside` takes them.

    Returns
    -------
    posts : list of Post
    aside : list of Fragment
        The pages set aside, each with its reason.
    """
    aside: list[Fragment] = []
    for step in (without_zero_dates, without_site_name, site_pages_aside, drafts_aside,
                 numbered_pages_aside,
                 partial(unfed_pages_aside, feeds=feeds, entries=entries),
                 pages_above_posts_aside, menu_pages_aside, title_lists_aside,
                 partial(unlisted_pages_aside, listings=listings)):
        posts, found = step(posts, formats=formats)
        aside += found
    return posts, aside


def _page_path(p, *, formats: tuple[str, ...]) -> str | None:
    """A page's path on its site: its address's (``/posts/a``, without the last
    ``/``), else, for a page of ``formats``, its file's path inside the folder read
    (``about/index.html`` is ``/about``); else None."""
    if p.url:
        try:
            return urlsplit(p.url).path.rstrip("/") or "/"
        except ValueError:
            return None
    if p.sources[0].format not in formats:
        return None
    inside = p.sources[0].path.replace("\\", "/").split("/", 1)[1:]
    return "/" + re.sub(r"(?:^|/)index\.html?$", "", inside[0] if inside else "",
                        flags=re.I).rstrip("/") if inside else None


def pages_above_posts_aside(posts: list, *, formats: tuple[str, ...] = (HTML_FORMAT,)
                            ) -> tuple[list, list[Fragment]]:
    """The posts without the undated pages that lie above all of their site's posts.

    Generators put a blog's posts in a folder of their own or under their dates
    (``/posts/a/``, ``/2021/03/01/a/``, ``/blogs/ml/a.html``) and the site's own pages
    at its top (``/about/``, ``/about.html``, ``/``). An undated page of one site
    (:func:`_sites_of`) whose folder is above the folder of every dated page of that
    site, :data:`MIN_NAMED_PAGES` or more, is such a page (vuepress-theme-hope's and
    -reco's about page, which no feed leaves out, as they write none by default), set
    aside: its links to the posts are no citations. Nothing is set aside where a dated
    page is at the top as well (WordPress' ``/%postname%/`` addresses), nor an undated
    page among the posts.

    Parameters
    ----------
    posts : list of Post
        Sightings of every file read; not modified.
    formats : tuple of str, keyword-only
        The formats of the pages judged (saved or crawled pages).

    Returns
    -------
    posts : list of Post
    aside : list of Fragment
        The pages set aside, each with its reason.
    """
    pages = [p for p in posts if p.sources and p.sources[0].format in formats]
    sites = _sites_of(pages)
    folders = {id(p): f for p in pages if (f := _page_folder(p, formats=formats)) is not None}
    dated: dict[str, _Span] = {}
    for p in pages:
        if p.date and id(p) in folders:
            dated[sites[id(p)]] = _span(dated.get(sites[id(p)]), folders[id(p)])
    return _pages_aside(posts, {
        id(p): f"a page of its site, not a post: undated, at a folder above all "
               f"{dated[sites[id(p)]].n} of its dated pages" for p in pages
        if not p.date and _folder_above(folders.get(id(p)), dated.get(sites[id(p)]))})


class _Span(NamedTuple):
    """Where a site's dated pages sit: how many, the least depth of their folders and
    the folders all of theirs begin with."""
    n: int
    depth: int
    common: tuple[str, ...]


def _span(span: _Span | None, folder: tuple[str, ...]) -> _Span:
    """``span`` with one more dated page, in ``folder``."""
    if span is None:
        return _Span(1, len(folder), folder)
    same = next((i for i, (a, b) in enumerate(zip(span.common, folder)) if a != b),
                min(len(span.common), len(folder)))
    return _Span(span.n + 1, min(span.depth, len(folder)), span.common[:same])


def _folder_above(folder: tuple[str, ...] | None, span: _Span | None) -> bool:
    """Whether ``folder`` lies above the folders of all the dated pages of ``span``,
    :data:`MIN_NAMED_PAGES` or more: it is shallower than each, and theirs begin with it."""
    return folder is not None and span is not None and span.n >= MIN_NAMED_PAGES \
        and len(folder) < span.depth and span.common[:len(folder)] == folder


def _page_folder(p, *, formats: tuple[str, ...]) -> tuple[str, ...] | None:
    """The folders of a page's path on its site (:func:`_page_path`): ``/posts/a`` is
    in ``("posts",)``; None without a path."""
    path = _page_path(p, formats=formats)
    return None if path is None else tuple(x for x in path.split("/") if x)[:-1]


MIN_LISTED_TITLES = 5      # other pages' titles in an undated page that make it a list
LISTED_SHARE = 0.5         # ... when they are at least this share of its text
MIN_LISTED_TITLE_CHARS = 4     # characters of a title looked for (shorter ones are words)
_NO_SPACE_RE = re.compile(r"\s+")
_LONE_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def title_lists_aside(posts: list, *, formats: tuple[str, ...] = (HTML_FORMAT,),
                      min_titles: int = MIN_LISTED_TITLES, min_share: float = LISTED_SHARE
                      ) -> tuple[list, list[Fragment]]:
    """The posts without the undated pages made of other pages' titles.

    A site's timeline, archive or tag page lists its posts by title (and day), and a
    theme that navigates by script draws those titles without links
    (vuepress-theme-reco's ``/timeline/``), so that no rule on links or list markup
    finds it. An undated page of one site (:func:`_sites_of`) whose text holds the
    titles of at least ``min_titles`` other pages of that site, which together make at
    least ``min_share`` of its characters (white space and case aside; titles of
    :data:`MIN_LISTED_TITLE_CHARS` characters or more), is such a list, set aside: a
    post's text names a few other posts amid its own sentences. Dated pages are never
    set aside. Occurrences are found by one Aho–Corasick automaton per site over its
    titles, the longest leftmost first, in time linear in the text.

    Parameters
    ----------
    posts : list of Post
        Sightings of every file read; not modified.
    formats : tuple of str, keyword-only
        The formats of the pages judged and of the pages whose titles count.
    min_titles : int, keyword-only
        Distinct other pages' titles a list holds.
    min_share : float, keyword-only
        Share of the page's characters (white space aside) those titles make, 0 to 1.

    Returns
    -------
    posts : list of Post
    aside : list of Fragment
        The pages set aside, each with its reason.

    References
    ----------
    .. [1] A. V. Aho and M. J. Corasick, "Efficient string matching: an aid to
       bibliographic search", Communications of the ACM 18(6), 1975 (ahocorasick_rs,
       https://github.com/G-Research/ahocorasick_rs).
    """
    def folded(text: str) -> str:
        return _LONE_SURROGATE_RE.sub("\ufffd", _NO_SPACE_RE.sub("", text).casefold())

    pages = [p for p in posts if p.sources and p.sources[0].format in formats]
    judged = [p for p in pages if not p.date and p.text.strip()]
    if not judged:
        return posts, []
    sites = _sites_of(pages)
    titles: dict[str, set[str]] = {}
    for p in pages:
        if len(key := folded(p.title)) >= MIN_LISTED_TITLE_CHARS:
            titles.setdefault(sites[id(p)], set()).add(key)
    import ahocorasick_rs  # lazy: only where undated pages were read

    automata: dict[str, tuple] = {}
    lists: dict[int, str] = {}
    for p in judged:
        site = sites[id(p)]
        if len(titles.get(site, ())) <= min_titles:
            continue
        if site not in automata:
            keys = sorted(titles[site])
            automata[site] = (keys, ahocorasick_rs.AhoCorasick(
                keys, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest))
        keys, automaton = automata[site]
        text, own = folded(p.text), folded(p.title)
        found = [(keys[i], b - a) for i, a, b in automaton.find_matches_as_indexes(text)
                 if keys[i] != own]
        share = sum(n for _, n in found) / len(text) if text else 0.0
        if (n := len({k for k, _ in found})) >= min_titles and share >= min_share:
            lists[id(p)] = (f"a list of its site's posts, not a post: undated, and {n} other "
                            f"pages' titles make {share:.0%} of its text (a timeline, "
                            f"archive or tag page)")
    return _pages_aside(posts, lists) if lists else (posts, [])


def numbered_pages_aside(posts: list, *, formats: tuple[str, ...] = (HTML_FORMAT,)
                         ) -> tuple[list, list[Fragment]]:
    """The posts without the pages of a paginated list that no other rule named a list.

    A generator paginates a list (its home page, every post's index, a tag's posts)
    into pages that share one title and differ only by a page number in their address
    (``/page-list/2/``, ``/blog/3/``, ``?page=4``: Eleventy's and Hugo's pagination, any
    path a permalink gives). :data:`MIN_NAMED_PAGES` or more undated pages of one site
    (one host; pages without an address, one folder read) with one title, whose
    addresses are the same once their numbers are taken out and at least two of which
    hold a number, are those pages, and are set aside. Posts are dated, and two posts
    of one title (a weekly column) differ by their dates.

    Parameters
    ----------
    posts : list of Post
        Sightings of every file read; not modified.
    formats : tuple of str, keyword-only
        The formats of the sightings to judge (saved or crawled pages).

    Returns
    -------
    posts : list of Post
    aside : list of Fragment
        The pages set aside, each with its reason.
    """
    groups: dict[tuple[str, str, str], list[int]] = {}
    numbered: dict[tuple[str, str, str], int] = {}
    for i, p in enumerate(posts):
        if p.date or not p.title or not p.sources or p.sources[0].format not in formats:
            continue
        try:
            address = urlsplit(p.url) if p.url else None
        except ValueError:              # (a canonical address that is none: http://[x/)
            address = None
        where = address.path if address is not None else p.sources[0].path
        query = address.query if address is not None else ""
        parts = [s for s in (where.replace("\\", "/") + "/" + query.replace("&", "/")
                             ).split("/") if s and not re.match(r"^index\.html?$", s, re.I)]
        shape = "/".join(re.sub(r"(^|=)\d{1,5}$", r"\1#", s) for s in parts)
        key = (_site_of(p), " ".join(p.title.split()), shape.replace("/#", ""))
        groups.setdefault(key, []).append(i)
        numbered[key] = numbered.get(key, 0) + ("#" in shape)
    chosen = {i: (key, len(members)) for key, members in groups.items()
              if len(members) >= MIN_NAMED_PAGES and numbered[key] >= 2 for i in members}
    if not chosen:
        return posts, []
    out, aside = [], []
    for i, p in enumerate(posts):
        if i not in chosen:
            out.append(p)
            continue
        (_, title, shape), n = chosen[i]
        aside.append(Fragment(
            path=p.sources[0].path, line=1, end_line=1, text=preview(title),
            reason=f"one of {n} pages of one list: undated, titled alike ({title}) at "
                   f"addresses that differ by a page number ({shape})"))
    return out, aside


def _site_of(p) -> str:
    """The site a sighting is of: its address's host, else the first folder read."""
    host = url_host(p.url) if p.url else None
    return host or _folder_of(p)


def _sites_of(posts: list) -> dict[int, str]:
    """The site of each sighting (by ``id``), as :func:`_site_of`, except that a page
    without an address is of the one host that the addressed pages of its folder are
    of (a theme that writes ``og:url`` on its posts' pages and not on a page the
    author placed in the site as it is)."""
    hosts: dict[str, set[str]] = {}
    for p in posts:
        if p.url and (host := url_host(p.url)):
            hosts.setdefault(_folder_of(p), set()).add(host)
    return {id(p): _site_of(p) if p.url and url_host(p.url) else
            next(iter(found)) if len(found := hosts.get(_folder_of(p), ())) == 1
            else _folder_of(p) for p in posts}


def _folder_of(p) -> str:
    """The first part of a sighting's file name: the folder read (or the file)."""
    return p.sources[0].path.replace("\\", "/").split("/", 1)[0]


_WP_SHORTLINK_RE = re.compile(r"[?&]p=(\d+)")
_WP_POSTID_RE = re.compile(r"(?:^|\s)postid-(\d+)(?:\s|$)")


_WP_PAGE_RE = re.compile(r"(?:^|\s)page-id-\d+(?:\s|$)")


def _wordpress_type(tree) -> str:
    """``page`` for a WordPress page's ``<body>`` (``page-id-N``), ``post`` for a
    post's (``postid-N``), else an empty string (``body_class()``)."""
    classes = (tree.body.attributes.get("class") or "") if tree.body is not None else ""
    if _WP_PAGE_RE.search(classes):
        return "page"
    return "post" if _WP_POSTID_RE.search(classes) else ""


def _wordpress_id(tree) -> str | None:
    """A WordPress post's number, which its ``?p=ID`` address names: from the page's
    ``<link rel="shortlink">``, else the ``postid-ID`` class WordPress gives a single
    post's ``<body>`` (every theme, ``body_class()``).

    References
    ----------
    .. [1] WordPress Developer Resources, ``body_class()`` and ``wp_get_shortlink()``,
       https://developer.wordpress.org/reference/functions/body_class/
    """
    link = tree.css_first('link[rel="shortlink"]')
    m = _WP_SHORTLINK_RE.search(link.attributes.get("href") or "") if link is not None else None
    if m is None and tree.body is not None:
        m = _WP_POSTID_RE.search(tree.body.attributes.get("class") or "")
    return m.group(1) if m else None


# a WeChat article page names itself in its scripts: var biz = ""||"MzA5…==";
_WEIXIN_VAR_RE = re.compile(r"\bvar\s+(biz|mid|idx|ct|msg_link)\s*=\s*([^;\n]{0,400})")
_QUOTED_RE = re.compile(r"\"([^\"]+)\"|'([^']+)'")
BEIJING = dt.timezone(dt.timedelta(hours=8))


def _weixin_vars(text: str) -> dict[str, str]:
    """The first non-empty string of each of a WeChat page's ``var biz``, ``mid``,
    ``idx``, ``ct`` (publication time, Unix seconds) and ``msg_link``."""
    out: dict[str, str] = {}
    for m in _WEIXIN_VAR_RE.finditer(text):
        value = next((a or b for a, b in _QUOTED_RE.findall(m.group(2)) if (a or b).strip()),
                     None)
        if value is not None:
            out.setdefault(m.group(1), value.strip())
    return out


def _weixin_ids(v: dict[str, str], url: str | None) -> str | None:
    """``BIZ/MID/IDX`` of a saved WeChat article (:func:`graphkit.sites.weixin_article_id`):
    from its own address, else from the variables its scripts set (:func:`_weixin_vars`)."""
    found = (weixin_article_id(url) if url else None) or (
        weixin_article_id(v["msg_link"]) if v.get("msg_link") else None)
    if found:
        return found
    if v.get("biz") and v.get("mid", "").isdigit() and v.get("idx", "1").isdigit():
        return f"{v['biz']}/{v['mid']}/{v.get('idx', '1')}"
    return None


def _weixin_date(tree, v: dict[str, str]) -> str | None:
    """A WeChat article's date: its ``#publish_time`` (or older ``#post-date``) text,
    else its scripts' publication time ``ct`` on Beijing's clock."""
    for sel in ("#publish_time", "#post-date"):
        node = tree.css_first(sel)
        day = dates.parse_date(node.text().strip()) if node is not None else None
        if day:
            return day
    ct = v.get("ct", "")
    if ct.isdecimal() and 9 <= len(ct) <= 10:
        return dt.datetime.fromtimestamp(int(ct), BEIJING).date().isoformat()
    return None


# schema.org types of a post, whose datePublished dates the page
_LD_POST_TYPES = frozenset({"article", "blogposting", "newsarticle", "techarticle",
                            "scholarlyarticle", "posting", "socialmediaposting", "report"})
MAX_LD_BYTES = 200_000   # a page's JSON-LD block is a few kilobytes; larger is not read


_JSON_LD_RE = re.compile(r"<script[^>]{0,400}application/ld\+json[^>]{0,400}>", re.I)
_SCRIPT_END_RE = re.compile(r"</script", re.I)


def _without_json_ld(text: str) -> str:
    """``text`` without its JSON-LD blocks, in one pass (an unclosed one ends the page)."""
    kept, pos = [], 0
    while (m := _JSON_LD_RE.search(text, pos)) is not None:
        kept.append(text[pos:m.start()])
        end = _SCRIPT_END_RE.search(text, m.end())
        if end is None:
            return "".join(kept)
        pos = end.start()
    kept.append(text[pos:])
    return "".join(kept)


_UTC_RE = re.compile(r"T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]00:?00)$", re.I)


def _shown_day(node, day: str) -> str:
    """The day a ``<time>`` shows when its ``datetime`` is in UTC and its text is a
    date one day off (a page whose scripts wrote the time on the reader's clock:
    掘金's ``2021-09-09T23:30:00.000Z`` shown as ``2021-09-10 07:30`` in Beijing, the
    day its author wrote); else ``day``."""
    if not _UTC_RE.search((node.attributes.get("datetime") or "").strip()):
        return day
    shown = dates.parse_date(_block_text(node)[:60])
    if shown is None or shown == day:
        return day
    try:
        apart = abs((dt.date.fromisoformat(shown) - dt.date.fromisoformat(day)).days)
    except ValueError:
        return day
    return shown if apart == 1 else day


MAX_DATE_MARKS = 8     # elements whose class or id names a date, looked at in page order
_DATE_MARK_RE = re.compile(r"date", re.I)


def _date_marked(tree) -> str | None:
    """The date an element whose class or id names a date holds as its whole text
    (vuepress-theme-reco's ``<i class="reco-date"><span>2024/2/27</span></i>``, a
    theme's ``span.post-date``), the first of :data:`MAX_DATE_MARKS` such elements in
    page order that lies in no sidebar, footer, comments or related posts; else None.
    htmldate reads such marks on a few tags only, and dates written as ISO's."""
    for node in _once(tree.css("[class*=date], [id*=date], [class*=Date], [id*=Date]")
                      )[:MAX_DATE_MARKS]:
        if not _DATE_MARK_RE.search(_marks(node)):
            continue
        text = _block_text(node)
        found = dates.parse_date(text) if 0 < len(text) <= dates.TEXT_DATE_MAX else None
        if found and dates.is_full(found) and not _in_furniture(node):
            return found
    return None


MAX_LEAD_LINES = 12      # lines before a post's first paragraph read for its date
# a sentence's marks: a line of prose (``2018年5月11日，是…诞辰。``) is no meta line
_LEAD_SENTENCE_RE = re.compile(r"[。！？；，]|[^\W\d_][.!?;]\s+\S")


def _lead_date(body) -> str | None:
    """The date a line of the post's element before its first paragraph of prose
    writes in words or numbers (a theme's meta line, ``发表于 2021年6月19日``,
    ``Posted on June 19, 2021``), the line no longer than twice
    :data:`dates.TEXT_DATE_MAX` characters (a date and a short label); the first of
    :data:`MAX_LEAD_LINES` such lines,
    else None; a line of prose (a sentence's marks: ``，``, ``。``, a full stop between
    two sentences) is no meta line. htmldate reads dates by its own patterns, which miss
    some (a Chinese date written out in a line of its own)."""
    first = next((p for p in body.css("p")
                  if len(_block_text(p)) >= MIN_PARAGRAPH_CHARS), None)
    whole = body.text(separator="\n")
    # (the paragraph's opening as the page's text breaks it: an inline element, a link
    # or <code>, is a line of its own there)
    opening = first.text(separator="\n").strip()[:20] if first is not None else ""
    at = whole.find(opening) if first is not None else min(len(whole), 2000)
    lead = whole[:at] if at >= 0 else ""
    lines = [line.strip() for line in lead.split("\n") if line.strip()]
    for line in lines[:MAX_LEAD_LINES]:
        if len(line) <= 2 * dates.TEXT_DATE_MAX and not _LEAD_SENTENCE_RE.search(line):
            found = dates.parse_date(line)
            if found and dates.is_full(found):
                return found
    return None


def _in_furniture(node, *, levels: int = 32) -> bool:
    """True when ``node`` or an element above it is named as no part of the post
    (:func:`_unlikely`: sidebar, footer, comments, related posts…) below the page's
    ``<main>`` or ``<article>``."""
    for _ in range(levels):
        if node is None or node.tag in ("body", "html", "main", "article"):
            return False
        if node.tag in ("aside", "nav", "footer") or _unlikely(node):
            return True
        node = node.parent
    return False


def page_tags(tree, post=None, *, title: str = "") -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The tags and categories a post's page shows for its post.

    Tags are the texts of its tag links (``rel="tag"``, microformats' ``p-category`` in
    an ``h-entry``, links in schema.org's ``keywords``) that lie where the post's own
    are (:func:`_tag_place`), without the ``#`` themes print before them (NexT's
    ``# tag``), and the Open Graph ``article:tag`` values (Docusaurus joins a post's
    tags in one, by commas). A page with none of these takes the links to a tag's page
    (``/tags/diffusion/``, ``/tag/x.html``, Blogger's ``/search/label/x``) whose text is
    the tag the address names, standing in a line of tags (:func:`_tag_lines`), in
    its ``<article>`` (AnZhiYu's unmarked meta line, PaperMod's ``ul.post-tags``), else
    around its post's element, outside furniture. Categories are the links marked
    ``rel="category"`` (WordPress marks a category ``rel="category tag"``) and
    ``article:section``; a page with none of these takes, as for tags, the links to a
    category's page (``/categories/ml/``, a Hexo tree's ``/categories/ml/vae/``,
    ``/category/x.html``) whose text is the category the address names, standing in a
    line of them (Hexo landscape's ``ml ► vae``, a "Posted in" line). Where neither the
    article nor the post's element holds such a line, the block around the post's
    heading may: Butterfly shows the title and its meta line in the page's header,
    above the article; else the page's one block of post metadata, wherever it is
    (Material for MkDocs' ``md-post__meta``, in the sidebar). Material's tags are its
    ``.md-tag`` elements atop the article, Quarto's categories the ``.quarto-category``
    elements of its title block.

    Parameters
    ----------
    tree : selectolax parser
        The whole page, its sidebars and footers included.
    post : selectolax node, optional
        The element read as the post's (its ``<article>`` or ``<main>``, else the one
        Readability's scoring finds: :func:`content_element`); when no article holds
        an unmarked line of tags, it and its parent are searched for one.
    title : str, keyword-only
        The post's title: the heading that shows it (``h1``, ``h2``) and its parent are
        searched last.

    Returns
    -------
    tags, categories : tuple of str
        In page order, each once.

    References
    ----------
    .. [1] microformats, "rel-tag", https://microformats.org/wiki/rel-tag
    .. [2] The Open Graph protocol, "article", https://ogp.me/#type_article
    """
    tags: list[str] = []
    categories: list[str] = []
    for a in tree.css('a[rel~="tag"], a[rel~="category"], .h-entry .p-category, '
                      '[itemprop~="keywords"] a'):
        text = _block_text(a).lstrip("#＃ ")
        if text and _tag_place(a) is not None:
            rel = (a.attributes.get("rel") or "").split()
            (categories if "category" in rel else tags).append(text)
    tags += [t.strip() for m in tree.css('meta[property="article:tag"]')
             for t in (m.attributes.get("content") or "").split(",") if t.strip()]
    # Material for MkDocs' tags, atop the post's content (links only with a tags index)
    tags += [t for n in tree.css("article .md-tags .md-tag") if (t := _block_text(n))]
    if not tags:
        tags = _unmarked_terms(tree, post, _tag_page_named, title, labels=_TAGS_LABEL_RE)
    section = tree.css_first('meta[property="article:section"]')
    if section is not None:
        categories.append((section.attributes.get("content") or "").strip())
    # Quarto's title block: the post's categories under its title, no links
    categories += [t for n in tree.css("#title-block-header .quarto-category")
                   if (t := _block_text(n))]
    if not any(categories):
        categories = _unmarked_terms(tree, post, _category_page_named, title,
                                     labels=_CATEGORIES_LABEL_RE)
    return (tuple(dict.fromkeys(tags)), tuple(dict.fromkeys(c for c in categories if c)))


def _unmarked_terms(tree, post, named, title: str = "", *, labels=None) -> list[str]:
    """The texts of the links to a term's page (``named``: :func:`_tag_page_named`,
    :func:`_category_page_named`) that stand in a line of them (:func:`_tag_lines`),
    else of the links after a label that names them (``labels``: ``文章标签：``,
    ``分类专栏：``, ``Categories:``; :func:`_labelled_links`), whatever their addresses
    (a platform's search page, a category's page named by its id); in the page's
    ``<article>``, else around the post's element ``post``, else around the heading
    that shows its ``title``, else in the page's one block of a post's metadata
    (:data:`_POST_META_RE`), which holds its post's terms even in a sidebar."""
    def in_lines(found: list) -> list[str]:
        lines = _tag_lines([a for a, _ in found])
        return [text for a, text in found if a.mem_id in lines]

    def found_in(links, scope, place: str, within=None) -> list[str]:
        terms = in_lines(_tag_page_links(links, place, within=within, named=named))
        if not terms and labels is not None and scope is not None:
            terms = [text for a, text in _labelled_links(scope, labels)
                     if _tag_place(a, within=within) == place]
        return terms

    terms = found_in(tree.css("article a[href], .h-entry a[href]"), tree.body, "article")
    for node in (post, "heading"):
        if terms:
            break
        if node == "heading":          # (looked for only when the search comes to it)
            node = next((h for h in tree.css("h1, h2") if " ".join(h.text().split())
                         == " ".join(title.split())), None) if title.strip() else None
        if node is None or node.tag in ("body", "html"):
            continue
        around = node.parent if node.parent is not None and node.parent.tag not in (
            "body", "html") else node
        terms = found_in(around.css("a[href]"), around, "page", within=around)
    if not terms:
        blocks = [n for n in tree.css("[class]")
                  if _POST_META_RE.search(n.attributes.get("class") or "")]
        if len(blocks) == 1:       # (more: a list's or related posts' metadata too)
            terms = in_lines([(a, text) for a in blocks[0].css("a[href]")
                              if (text := _block_text(a).lstrip("#＃ "))
                              and named(a.attributes.get("href") or "", text)])
            if not terms and labels is not None:
                terms = [text for _, text in _labelled_links(blocks[0], labels)]
    return list(dict.fromkeys(terms))


MAX_TERM_CHARS = 40     # a tag's or category's text; a longer link's text is no term
# what a label before a line of tags or of categories says (its words, each kind's)
_TAG_WORDS = (r"tags?|tagged(?: with| as)?|topics?|labels?|keywords|(?:文章)?标签|標籤|"
              r"关键[词字]|タグ")
_CATEGORY_WORDS = r"categor(?:y|ies)|filed under|posted in|(?:文章)?分类(?:专栏)?|分類|カテゴリー?"
# a label that names what the links after it are: the whole text of its node
_TAGS_LABEL_RE = re.compile(rf"^\W*(?:{_TAG_WORDS})\s*[:：]?\s*$", re.I)
_CATEGORIES_LABEL_RE = re.compile(rf"^\W*(?:{_CATEGORY_WORDS})\s*[:：]?\s*$", re.I)


_LABEL_TAGS = frozenset({"span", "strong", "b", "em", "label", "dt", "i"})
# a label's words anywhere in a text: no label there when none is found
_LABEL_WORD_RE = re.compile(rf"{_TAG_WORDS}|{_CATEGORY_WORDS}", re.I)


def _label_text(node) -> str | None:
    """The text a node may be a label by: a text's own, or a small element's
    (:data:`_LABEL_TAGS`) whose children are texts and empty elements (an icon); None
    for any other node. Read in the node's children alone."""
    if node.tag == "-text":
        return (node.text(deep=False) or "").strip()
    if node.tag not in _LABEL_TAGS:
        return None
    parts = []
    for c in node.iter(include_text=True):
        if c.tag == "-text":
            parts.append(c.text(deep=False) or "")
        elif c.child is not None:
            return None
    return "".join(parts).strip()


def _labelled_links(scope, labels) -> list:
    """The links, with their texts, that follow a label matching ``labels`` among
    their siblings in ``scope`` (``<span>文章标签：</span><a>…</a><a>…</a>``), up to
    the first words that are no link or another label; each parent's children are
    looked at once (linear in the page).

    A label is a text, or a small element's whole text (``span``, ``strong``, ``b``,
    ``em``, ``label``, ``dt``, ``i``), that :data:`_TAGS_LABEL_RE` or
    :data:`_CATEGORIES_LABEL_RE` matches whole; what it names is no matter of the
    links' addresses (CSDN links a tag to its search page, a category to its page by
    id)."""
    out: list = []
    if _LABEL_WORD_RE.search(scope.text() or "") is None:
        return out           # (no label's word anywhere: nothing to walk)
    seen: set[int] = set()
    for node in scope.traverse(include_text=True):
        parent = node.parent
        if parent is None or parent.mem_id in seen:
            continue
        seen.add(parent.mem_id)
        taking = False
        for child in parent.iter(include_text=True):
            label = _label_text(child)
            if label and (_TAGS_LABEL_RE.match(label) or _CATEGORIES_LABEL_RE.match(label)):
                taking = labels.match(label) is not None
            elif not taking:
                continue
            elif child.tag == "a":
                said = _block_text(child)
                if said and len(said) <= MAX_TERM_CHARS:
                    out.append((child, said.lstrip("#＃ ")))
            elif _WORD_CHAR_RE.search(label if label is not None else child.text() or ""):
                taking = False
    return out


def _tag_page_links(links, place: str, *, within=None, named=None) -> list:
    """Those of ``links`` that go to a term's page naming their text (``named``, by
    default :func:`_tag_page_named`) and lie at ``place`` (:func:`_tag_place`), each
    with its text."""
    named = named or _tag_page_named
    return [(a, text) for a in links if (text := _block_text(a).lstrip("#＃ "))
            and _tag_place(a, within=within) == place
            and named(a.attributes.get("href") or "", text)]


def _tag_place(link, *, within=None, levels: int = 32) -> str | None:
    """Where the tag link ``link`` lies: ``"article"`` in a post's ``<article>`` (or
    ``.h-entry``) and no sidebar, menu or widget there; ``"page"`` on a page without
    one, outside every sidebar, menu, footer and widget (:func:`_unlikely`); else None,
    furniture. A sidebar's or footer's list of the site's tags names every tag of the
    site (Hexo's landscape: ``aside#sidebar ul.tag-list``, each link ``rel="tag"``),
    while a post's own footer or aside inside its ``<article>`` holds its tags
    (landscape's ``footer.article-footer``, PaperMod's ``post-footer``). With
    ``within`` (the element around a post's, on a page without ``<article>``), only
    the elements below it are looked at, and a footer there is the post's."""
    outside = inside = False    # furniture: any, and what no post's article holds
    node = link.parent
    for _ in range(levels):
        if node is None or node.tag in ("body", "html") or (
                within is not None and node.mem_id == within.mem_id):
            break
        if node.tag == "article" or "h-entry" in (node.attributes.get("class") or ""):
            return None if inside else "article"
        if node.tag == "nav" or _SIDEBAR_RE.search(_marks(node)):
            inside = True
        if (inside or node.tag == "aside" or (node.tag == "footer" and within is None)
                or _unlikely(node)):
            outside = True
        node = node.parent
    return None if outside else "page"


def _tag_lines(links: list) -> set[int]:
    """The ``mem_id`` of those of ``links`` (links to tag pages) that stand in a line
    of tags, not in a sentence: beside each other and what holds no word (commas,
    icons), with no text of words running on after the line but the next line's label,
    and before it, if any, a label (``Tags:``, ``标签：``, ``Posted in``). A sentence
    that links a word to its tag's page (「沿用了“VAE”之名」, "see the VAE posts") has
    words on both sides. Each parent's children are looked at once: linear in the
    page."""
    ids = {a.mem_id for a in links}
    kept: set[int] = set()
    seen: set[int] = set()
    for a in links:
        parent = a.parent
        if parent is None or parent.mem_id in seen:
            continue
        seen.add(parent.mem_id)
        run: list[int] = []
        before = None            # the text of words before the run (None: an element)
        for node in parent.iter(include_text=True):
            if node.mem_id in ids:
                run.append(node.mem_id)
                continue
            said = node.text() or ""
            if _WORD_CHAR_RE.search(said) is None:
                continue
            if run and (node.tag != "-text" or _TAG_LABEL_RE.search(said)) \
                    and _labels_tags(before):
                kept.update(run)       # (an element of words, or the next line's label)
            run, before = [], said if node.tag == "-text" else None
        if run and _labels_tags(before):
            kept.update(run)
    return kept


def _labels_tags(said: str | None) -> bool:
    """True when the text before a line of tag links may stand there: none, or a
    label (:data:`_TAG_LABEL_RE`; a few words and a colon; a short ``In`` or ``Posted
    in``, Pelican's and WordPress themes' line of categories)."""
    short = said is not None and len(_WORD_CHAR_RE.findall(said)) <= MAX_TAG_LABEL_CHARS
    return said is None or _TAG_LABEL_RE.search(said) is not None or (
        short and (said.rstrip().endswith((":", "：")) or _IN_LABEL_RE.search(said)))


MAX_TAG_LABEL_CHARS = 12   # "Tagged with:", "标签：" before a line of tags
# what a theme writes before its line of tags, after a date or an author perhaps
_TAG_LABEL_RE = re.compile(rf"(?:^|\W)(?:{_TAG_WORDS}|{_CATEGORY_WORDS})\s*[:：]?\s*$", re.I)
_IN_LABEL_RE = re.compile(r"(?:^|\W)in\s*$", re.I)
# the class of a block of one post's metadata (its date, categories, reading time)
_POST_META_RE = re.compile(r"(?:^|\s)(?:md-)?(?:post|entry|article)(?:__|-|_)meta(?:\s|$)")
_WORD_CHAR_RE = re.compile(r"\w")
_SIDEBAR_RE = re.compile(r"sidebar|widget", re.I)
_TAGS = r"/(?:tags?|topics?|labels?|search/label)"
_TAG_PAGE_RE = re.compile(_TAGS + r"/([^/]+?)(?:/|\.html?)?$")
_TAGS_PAGE_RE = re.compile(_TAGS + r"(?:/|/index\.html?|\.html?)?$")
_TAG_QUERY_RE = re.compile(r"(?:^|&)tags?=([^&]+)")
_SLUG_RE = re.compile(r"[\s_-]+")


# a category's page: /categories/<name>/, a category tree's /categories/<a>/<b>/ (the
# last one named), WordPress' /category/<name>/, Pelican's /category/<name>.html
_CATEGORY_PAGE_RE = re.compile(r"/categor(?:y|ies)/(?:[^/]+/)*([^/]+?)(?:/|\.html?)?$")
_CATEGORIES_PAGE_RE = re.compile(r"/categor(?:y|ies)(?:/|/index\.html?|\.html?)?$")


def _category_page_named(href: str, text: str) -> bool:
    """True when ``href`` is the address of a category's page and ``text`` is the
    category it names, as :func:`_tag_page_named` tells a tag's: ``/categories/<name>/``
    (Hexo, Hugo), the last name of a category tree's page (Hexo's
    ``/categories/notes/research/``), ``/category/<name>/`` (WordPress),
    ``/category/<name>.html`` (Pelican), or the page of categories at its anchor."""
    name = _term_page_name(href, _CATEGORY_PAGE_RE, _CATEGORIES_PAGE_RE)
    return bool(name) and slug_names(name, text)


def _term_page_name(href: str, page_re, pages_re, query_re=None) -> str | None:
    """The term a term page's address ``href`` names: the group of ``page_re`` in its
    path, else, at the page of all terms (``pages_re``), its anchor or the term in its
    query (``query_re``); None for any other address."""
    try:
        parts = urlsplit(href)
    except ValueError:
        return None
    path = unquote(parts.path)
    m = page_re.search(path)
    if m is not None:
        return m.group(1)
    if not pages_re.search(path):
        return None
    q = query_re.search(parts.query) if query_re is not None else None
    anchor = re.sub(r"^tag:", "", unquote(parts.fragment))   # (Material's #tag:x)
    return anchor or (unquote(q.group(1).replace("+", " ")) if q else None)


def slug_names(name: str, text: str) -> bool:
    """True when a term page's slug ``name`` is the term ``text``, up to case and the
    spaces and hyphens a slug turns them into, or, for a slug of ASCII alone, the
    text's ASCII transliteration (Pelican's and Zola's slugs transliterate, ``数学`` →
    ``shu-xue``; WordPress drops accents, ``Économie`` → ``economie``).

    Parameters
    ----------
    name : str
        The slug, as an address names it (already unquoted).
    text : str
        The term, as a link or a feed writes it.

    Returns
    -------
    bool

    References
    ----------
    .. [1] Pelican, ``utils.slugify`` (``unidecode`` before the slug),
       https://github.com/getpelican/pelican
    .. [2] anyascii, "Unicode to ASCII transliteration",
       https://github.com/anyascii/anyascii
    """
    name, text = _SLUG_RE.sub("", name).casefold(), _SLUG_RE.sub("", text).casefold()
    if name == text:
        return True
    if not name.isascii() or text.isascii():
        return False
    from anyascii import anyascii    # lazy: a page's term of other letters only

    return _SLUG_RE.sub("", anyascii(text)).casefold() == name


def _tag_page_named(href: str, text: str) -> bool:
    """True when ``href`` is the address of a tag's page and ``text`` is the tag it
    names, up to case and the spaces a slug turns into hyphens: ``/tags/<name>/``
    (Hugo, Hexo, WordPress' ``/tag/``, Pelican's ``/tag/<name>.html``), the site's
    page of tags at the tag's anchor (``/tags/#<name>``, ``/tags.html#<name>``: Jekyll
    themes without a plugin) or with it in the query (``?tag=<name>``)."""
    name = _term_page_name(href, _TAG_PAGE_RE, _TAGS_PAGE_RE, _TAG_QUERY_RE)
    return bool(name) and slug_names(name, text)


def _htmldate(text: str) -> str | None:
    """The publication date htmldate finds in a page's markup (its ``id``/``class``
    markers of a date, such as cnblogs' ``#post-date`` or WordPress' ``.entry-date``,
    and the dates in its addresses), without searching the free text; or None.

    References
    ----------
    .. [1] A. Barbaresi, "htmldate: A Python package to extract publication dates from
       web pages", JOSS 5(51), 2020, https://htmldate.readthedocs.io
    """
    import htmldate     # lazy: a dependency of trafilatura, for pages of other blogs only

    try:     # (without JSON-LD, read by _json_ld_date, whose WebSite node dates no post)
        found = htmldate.find_date(_without_json_ld(text), original_date=True,
                                   extensive_search=False)
    except (ValueError, TypeError):
        return None
    return found if isinstance(found, str) and DATE_RE.match(found) else None


def _json_ld_date(tree) -> str | None:
    """``datePublished`` of the page's schema.org post (``BlogPosting``, ``Article``…) in
    its JSON-LD, as SEO plugins and themes write it (Yoast, Ghost, Hugo PaperMod).

    References
    ----------
    .. [1] schema.org, ``BlogPosting``, https://schema.org/BlogPosting; W3C, JSON-LD 1.1.
    """
    for script in tree.css('script[type="application/ld+json"]')[:5]:
        raw = script.text(deep=True)
        if len(raw) > MAX_LD_BYTES:
            continue
        try:
            doc = loads_json(raw)
        except (ValueError, RecursionError):
            continue
        nodes = doc.get("@graph", [doc]) if isinstance(doc, dict) else doc
        for node in nodes if isinstance(nodes, list) else []:
            if not isinstance(node, dict):
                continue
            kinds = node.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            if not any(isinstance(k, str) and k.casefold() in _LD_POST_TYPES for k in kinds):
                continue
            m = DATE_RE.search(str(node.get("datePublished") or ""))
            if m:
                return m.group(1)
    return None


_SEPARATORS = "-|–—·:：｜"
MAX_HEADINGS = 8     # <h1> elements weighed as the title; a real page has one or two


def _without_name(page: str, name: str) -> str:
    """``page`` (a ``<title>``) without ``name`` before or after a separator; else as is."""
    if name and name != page and page.endswith(name):
        head = page[:-len(name)].rstrip()
        if head[-1:] and head[-1] in _SEPARATORS:
            return head[:-1].strip()
    if name and name != page and page.startswith(name):
        tail = page[len(name):].lstrip()
        if tail[:1] and tail[0] in _SEPARATORS:
            return tail[1:].strip()
    return page


# a link to a site's home page: its root or its index page, by path or by whole address
# (Pelican's banner links https://host/)
_HOME_RE = re.compile(r"^\s*(?:(?:https?:)?//[^/?#\s]+/?|/)(?:index\.html?)?\s*$", re.I)


def _page_title(tree, body, *, address: str | None = None) -> str:
    """The post's title on a page that names it by neither microformats nor a link.

    In order: the first ``<h1>`` of the post's ``<article>`` or ``<main>`` element
    (unless the ``<title>`` begins with another ``<h1>`` of the page and does not name
    it: CSDN puts the title above the ``<article>``, whose ``<h1>`` heads the text's
    first section), Open Graph's ``og:title``, the first ``<h1>`` that is not the
    site's name, the page's ``<title>`` without the site's name, the first ``<h1>``.
    Themes put the site's name in an ``<h1>`` of the page header too (WordPress' Twenty
    Eleven, many Jekyll and Hugo themes); such a heading is known by ``og:site_name``,
    by a link home inside it (``rel="home"``, ``href="/"``; in the page's banner, the
    site's whole address ``https://host/`` too), by a class or id naming
    the site (``site-title``, ``logo``, ``brand``), by ending the ``<title>`` after a
    separator (``注意力的几何 | 小林的笔记``) or being one of its parts after the first
    (``注意力的几何 - 小林的笔记 - 博客园``), or by linking to an address above the page's
    own ``address`` (``https://host/name/`` from ``https://host/name/p/1.html``: the
    blog's home on a platform that hosts many). When the site's name is the page's whole
    ``<title>`` and the ``<h1>`` of its banner (a ``<header>`` in no ``<article>`` or
    ``<main>``: tumblr-backup, minimal themes), the post's title is the heading its
    ``<article>`` or ``<main>`` opens with (:func:`_opening_heading`). Only the first
    :data:`MAX_HEADINGS` ``<h1>`` are weighed, so that thousands of nested headings cost
    linear time.

    References
    ----------
    .. [1] The Open Graph protocol, https://ogp.me/ (``og:title``, ``og:site_name``).
    """
    node = tree.css_first("title")       # (one line, however the template wraps it)
    page = _TITLE_SUFFIX.sub("", " ".join(_block_text(node).split())) if node is not None else ""
    if body.tag in ("article", "main"):
        h1 = body.css_first("h1")
        first = _block_text(h1) if h1 is not None else ""
        # (CSDN: the title above the <article>, whose <h1> is the text's first section)
        if first and (first in page or not any(
                title_leads(page, _block_text(h)) for h in tree.css("h1")[:MAX_HEADINGS])):
            return first
    og = tree.css_first('meta[property="og:title"]')
    if og is not None and (og.attributes.get("content") or "").strip():
        return re.sub(r"\s+", " ", og.attributes["content"]).strip()
    meta = tree.css_first('meta[property="og:site_name"]')
    names = {(meta.attributes.get("content") or "").strip()} - {""} if meta is not None else set()
    headings = []
    for h in tree.css("h1")[:MAX_HEADINGS]:
        t = _block_text(h)
        if t:
            headings.append((h, t))
    titles = []
    parts = [x.strip() for x in TITLE_PARTS_RE.split(page)][1:]
    for h, t in headings:
        marks = " ".join(x.attributes.get(k) or "" for x in (h, *h.css("a, span, div")[:MAX_HEADINGS])
                         for k in ("id", "class")).lower()
        link = h.css_first("a[href]")
        if (t in names or h.css_first('a[rel~="home"], a[href="/"], a[href="./"]') is not None
                or (link is not None and _HOME_RE.match(link.attributes.get("href") or "")
                    and _in_banner(h))
                or any(w in marks for w in ("site", "logo", "brand", "blog-title"))
                or (page.endswith(t) and _without_name(page, t) != page) or t in parts
                or (link is not None and address
                    and _above(link.attributes.get("href") or "", address))):
            names.add(t)
        else:
            titles.append(t)
    if titles and titles[0] == page and body.tag in ("article", "main"):
        # the site's name as a page's whole <title> and its banner's <h1>: the post's
        # title is the heading its element opens with (tumblr-backup, minimal themes)
        banner = next(h for h, t in headings if t == titles[0])
        opening = _opening_heading(body) if _in_banner(banner) else None
        if opening and opening != page:
            return opening
    if titles:
        return titles[0]
    for name in sorted(names, key=len, reverse=True):
        page = _without_name(page, name)
    if page and page not in names:
        return page
    return headings[0][1] if headings else page


# elements whose <header> is theirs, not the page's banner (HTML-AAM: a <header> is the
# banner landmark unless inside one of them)
_SECTIONING = frozenset({"article", "aside", "main", "nav", "section"})


def _in_banner(node, *, levels: int = 64) -> bool:
    """True when ``node`` lies in the page's banner: a ``<header>`` inside no sectioning
    element (``<article>``, ``<main>``…), or an element of ``role="banner"``.

    References
    ----------
    .. [1] W3C, HTML Accessibility API Mappings, ``header`` ("banner" when not scoped to
       a sectioning element), https://www.w3.org/TR/html-aam-1.0/
    """
    banner, p = False, node.parent
    for _ in range(levels):
        if p is None:
            return banner
        if p.tag in _SECTIONING:
            return False
        if p.tag == "header" or (p.attributes.get("role") or "").strip() == "banner":
            banner = True
        p = p.parent
    return False


def _opening_heading(body, *, levels: int = 4) -> str | None:
    """The text of the ``<h1>``–``<h3>`` that ``body`` opens with, else None: looked for
    in its first element, in a ``<header>`` (the post's own: its title, date and tags)
    and through wrappers that hold it (``<div>``, ``<section>``), ``levels`` deep;
    anything else first (a paragraph, text) means the element opens with no heading."""
    for child in body.iter():
        if child.tag in ("h1", "h2", "h3"):
            return _block_text(child) or None
        if child.tag == "header":
            inner = child.css_first("h1, h2, h3")
            if inner is not None:
                return _block_text(inner) or None
            continue
        if child.tag in ("div", "section") and levels > 1:
            return _opening_heading(child, levels=levels - 1)
        if _block_text(child):
            return None
    return None


# the separators between the parts of a page's <title>: post, blog, platform
TITLE_PARTS_RE = re.compile(r"\s[-|–—·｜_]\s")


def title_leads(page: str, heading: str) -> bool:
    """True when the ``<title>`` ``page`` begins with ``heading``, then a separator
    (``标题_博客名-CSDN博客``, ``Title | Blog``)."""
    return (bool(heading) and len(page) > len(heading) and page.startswith(heading)
            and page[len(heading)] in _SEPARATORS + "_ ")


def _above(link: str, address: str) -> bool:
    """True when ``link`` (relative to ``address``, or absolute) is an address above
    ``address`` on its host (a folder of it)."""
    try:
        a, b = urlsplit(urljoin(address, link)), urlsplit(address)
    except ValueError:
        return False
    if a.netloc.lower().removeprefix("www.") != b.netloc.lower().removeprefix("www.") or a.query:
        return False
    top, own = a.path.rstrip("/") + "/", b.path
    return own != top and own.startswith(top)


def _original(address: str | None) -> str | None:
    """A page's own address, the one it copies when it is a Wayback Machine copy."""
    return (archived_address(address) or address) if address else address


# a schema.org item of a post: BlogPosting, Article and their kinds (NewsArticle,
# TechArticle, SocialMediaPosting, …), by the ``itemtype`` address's last part
_POST_ITEM_RE = re.compile(r"schema\.org/\w*(?:Article|Posting)/?$", re.I)


def microdata_address(tree) -> str | None:
    """The address a page's post gives itself in schema.org microdata.

    Themes that mark a post as a schema.org ``BlogPosting`` or ``Article`` item
    (``itemscope itemtype="http://schema.org/BlogPosting"``: Typecho's default theme,
    many WordPress and Hexo themes) link the post's own address as its ``url`` or
    ``mainEntityOfPage`` property, the title's link most often. That names the page when
    neither a canonical link nor ``og:url`` does. Only a page with one such item is
    read: a home page's items are the summaries of many posts. A property of an item
    nested in the post (the author, a ``Person``, has a ``url`` too) is not the post's.

    Parameters
    ----------
    tree : selectolax.parser.HTMLParser
        The parsed page.

    Returns
    -------
    str or None
        The absolute ``http(s)`` address, else None.

    References
    ----------
    .. [1] WHATWG, HTML Living Standard, "Microdata",
       https://html.spec.whatwg.org/multipage/microdata.html
    .. [2] schema.org, BlogPosting, https://schema.org/BlogPosting
    """
    items = [n for n in tree.css("[itemscope][itemtype]")
             if _POST_ITEM_RE.search((n.attributes.get("itemtype") or "").strip())]
    if len(items) != 1:
        return None
    item = items[0]
    for node in item.css("[itemprop]"):
        if not {"url", "mainEntityOfPage"} & set((node.attributes.get("itemprop") or "").split()):
            continue
        owner = node.parent
        while owner is not None and "itemscope" not in owner.attributes:
            owner = owner.parent
        value = (node.attributes.get("href") or node.attributes.get("content") or "").strip()
        if owner is not None and owner.mem_id == item.mem_id and "itemscope" not in \
                node.attributes and re.match(r"^https?://[^/\s]+", value, re.I):
            return value
    return None


# the "mark of the web" a browser writes atop a page it saves (Chrome, Edge, Internet
# Explorer): the address it was saved from, its length in parentheses; the comment the
# SingleFile extension writes after <html>; and HTTrack's, after <html> and before
# </html>, which names the address without its scheme
_SAVED_FROM_RE = re.compile(
    r"<!--\s*saved from url=\(\d{1,5}\)\s*(https?://[^\s<>\"']+?)\s*-->"
    r"|<!--\s*(?:Page saved with|Archive processed by) SingleFile\s*\n\s*url:\s*"
    r"(https?://[^\s<>\"']+)"
    r"|<!--\s*Mirrored from ((?:https?://)?[^\s<>\"'/]+\.[^\s<>\"']*) by HTTrack", re.I)
SAVED_FROM_HEAD_CHARS = 2048


def saved_from(text: str) -> str | None:
    """The address a browser saved the page from, when it marked it.

    Chrome, Edge and Internet Explorer write ``<!-- saved from url=(0042)https://… -->``
    near the top of a saved page (the "mark of the web"); the SingleFile extension a
    comment ``Page saved with SingleFile`` with a ``url:`` line; HTTrack ``<!-- Mirrored
    from blog.example/a/ by HTTrack Website Copier/3.x … -->`` at the top and at the end
    (read as ``https://``). Any of them names the page when the page names itself by
    neither a canonical link nor ``og:url``; a mark of a page not from the web
    (``about:internet``) names nothing.

    Parameters
    ----------
    text : str
        The page's HTML; only its first and last :data:`SAVED_FROM_HEAD_CHARS`
        characters are searched.

    References
    ----------
    .. [1] Microsoft, "Mark of the Web" (the ``saved from url`` comment),
       https://learn.microsoft.com/en-us/previous-versions/windows/internet-explorer/ie-developer/compatibility/ms537628(v=vs.85)
    .. [2] SingleFile, https://github.com/gildas-lormeau/SingleFile
    .. [3] HTTrack Website Copier, https://www.httrack.com/html/fcguide.html
    """
    m = (_SAVED_FROM_RE.search(text[:SAVED_FROM_HEAD_CHARS])
         or _SAVED_FROM_RE.search(text[-SAVED_FROM_HEAD_CHARS:]))
    if m is None:
        return None
    mirrored = m.group(3)
    if mirrored and not re.match(r"^https?://", mirrored, re.I):
        mirrored = "https://" + mirrored
    return m.group(1) or m.group(2) or mirrored


MHTML = "mhtml"
MHTML_ENDINGS = (".mhtml", ".mht")
_MIME_HEAD_RE = re.compile(r"^(?:From|MIME-Version|Content-Type|Subject|Date|"
                           r"Snapshot-Content-Location):", re.I)


def detect_mhtml(text: str, path: str) -> bool:
    """True for a web archive in MHTML: ``.mhtml``/``.mht``, or a MIME message of
    ``multipart/related`` parts (Chrome's and Edge's "Webpage, Single File")."""
    if path.lower().endswith(MHTML_ENDINGS):
        return True
    head = text[:4096]
    return bool(_MIME_HEAD_RE.match(head.lstrip())) and "multipart/related" in head.lower()


def read_mhtml(text: str, path: str) -> tuple[list[Post], list[Fragment]]:
    """Read a page saved as one MHTML file.

    The page is the archive's ``text/html`` part whose ``Content-Location`` is the
    ``Snapshot-Content-Location`` (else the first ``text/html`` part), decoded
    (quoted-printable or base64, in its charset) and read as :func:`read_html` reads a
    page, its address the snapshot's when the page names none. The other parts are the
    page's images, styles and the pages of its frames: those frames are reported, never
    read as posts. Report lines are the lines of the page's part in the file.

    Parameters
    ----------
    text : str
        The archive.
    path : str
        Name used in sources and fragments.

    Returns
    -------
    posts : list of Post
    fragments : list of Fragment

    References
    ----------
    .. [1] RFC 2557, "MIME Encapsulation of Aggregate Documents, such as HTML (MHTML)",
       https://www.rfc-editor.org/rfc/rfc2557
    """
    import email
    from email import policy

    nlines = text.count("\n") + 1
    msg = email.message_from_string(text, policy=policy.compat32)
    pages = [part for part in msg.walk() if part.get_content_type() == "text/html"]
    if not pages:
        return [], [Fragment(path=path, line=1, end_line=nlines,
                             reason="an MHTML archive without an HTML page", text="")]
    location = (msg.get("Snapshot-Content-Location") or "").strip() or None
    main = next((p for p in pages if (p.get("Content-Location") or "").strip() == location),
                pages[0])
    payload = main.get_payload(decode=True) or b""
    charset = main.get_content_charset() or "utf-8"
    try:
        page = payload.decode(charset, errors="replace")
    except LookupError:                      # a charset Python does not know
        page = payload.decode("utf-8", errors="replace")
    # the part's lines in the file: from its Content-Location (or first text/html) header
    where = (main.get("Content-Location") or "").strip()
    m = re.search(rf"(?im)^Content-Location:[ \t]*{re.escape(where)}[ \t]*\r?$", text) \
        if where else None
    at = m.start() if m else max(text.lower().find("content-type: text/html"), 0)
    first = text.count("\n", 0, at) + 1
    posts, frags = read_html(page, path, saved_address=location
                             or (main.get("Content-Location") or "").strip() or None)
    frags = [replace(f, line=first, end_line=nlines) for f in frags]
    posts = [replace(p, sources=tuple(replace(s, line=first) for s in p.sources)) for p in posts]
    if len(pages) > 1:
        frags.append(_frames(path, len(pages) - 1, first, nlines))
    return posts, frags


def _frames(path: str, count: int, line: int, end_line: int) -> Fragment:
    """The report of the frame pages an archive saved with its page."""
    return Fragment(path=path, line=line, end_line=end_line,
                    reason=f"{count} frame page(s) saved with the page (comments, share "
                           f"buttons): part of it, not posts", text="")


WEBARCHIVE = "webarchive"
_BINARY_PLIST = b"bplist00"


def detect_webarchive(data: bytes, path: str) -> bool:
    """True for a page Safari saved as a Web Archive: a binary property list
    (``bplist00``), or a ``.webarchive`` file (Safari writes it binary; a converted one
    may be an XML property list)."""
    return data.startswith(_BINARY_PLIST) or path.lower().endswith(".webarchive")


def read_webarchive(data: bytes, path: str) -> tuple[list[Post], list[Fragment]]:
    """Read a page Safari saved as a Web Archive (``.webarchive``).

    A Web Archive is a property list: ``WebMainResource`` holds the page's bytes
    (``WebResourceData``), its address (``WebResourceURL``) and encoding
    (``WebResourceTextEncodingName``); ``WebSubresources`` its images, styles and
    scripts; ``WebSubframeArchives`` the pages of its frames (comment widgets, share
    buttons), which are reported, never read as posts, as an MHTML archive's frames are.
    The page is read as :func:`read_html` reads one, its address the archive's when the
    page names none. The file is binary: report lines are 1.

    Parameters
    ----------
    data : bytes
        The file's bytes.
    path : str
        Name used in sources and fragments.

    Returns
    -------
    posts : list of Post
    fragments : list of Fragment

    References
    ----------
    .. [1] Apple, "WebArchive" (WebKit's ``WebResource`` keys),
       https://developer.apple.com/documentation/webkit/webarchive
    .. [2] Python, ``plistlib``, https://docs.python.org/3/library/plistlib.html
    """
    import plistlib

    def unread(why: str) -> tuple[list[Post], list[Fragment]]:
        return [], [Fragment(path=path, line=1, end_line=1, reason=why, text="")]

    try:
        archive = plistlib.loads(data)
    except (plistlib.InvalidFileException, ValueError, TypeError, KeyError, IndexError,
            OverflowError, RecursionError, MemoryError, UnicodeDecodeError) as exc:
        return unread(f"a property list that is not a web archive ({type(exc).__name__})")
    main = archive.get("WebMainResource") if isinstance(archive, dict) else None
    page = main.get("WebResourceData") if isinstance(main, dict) else None
    if not isinstance(page, bytes):
        return unread("a property list without a web archive's main resource "
                      "(WebMainResource, WebResourceData)")
    mime = str(main.get("WebResourceMIMEType") or "text/html").lower()
    if "html" not in mime:
        return unread(f"a web archive of {mime}, not of an HTML page")
    encoding = str(main.get("WebResourceTextEncodingName") or "utf-8")
    try:
        text = page.decode(encoding, errors="replace")
    except LookupError:                      # an encoding Python does not know
        text = page.decode("utf-8", errors="replace")
    address = main.get("WebResourceURL")
    posts, frags = read_html(text, path, saved_address=address if isinstance(address, str)
                             and re.match(r"^https?://", address, re.I) else None)
    frames = archive.get("WebSubframeArchives")
    if isinstance(frames, list) and frames:
        frags.append(_frames(path, len(frames), 1, 1))
    return posts, [replace(f, line=1, end_line=1) for f in frags]


SAVED_FILES_SUFFIX = "_files"


def saved_resources(posts: list, names: set[str]) -> tuple[list, list]:
    """Set aside what a browser saved with a page: the pages of its frames.

    Saving a page "complete" (Chrome, Edge, Firefox) writes ``X.html`` and, beside it,
    ``X_files/`` with the page's images, scripts and the pages of its frames
    (``saved_resource.html``: a comment widget, a share button). A file under such a
    folder, when ``X.html`` or ``X.htm`` was read beside it, is part of that page, not
    a post.

    Parameters
    ----------
    posts : list of Post
        Sightings; not modified.
    names : set of str
        The report names of every file read.

    Returns
    -------
    posts : list of Post
    fragments : list of Fragment
        One per sighting set aside, naming the page it belongs to.
    """
    out, frags = [], []
    for p in posts:
        src = PurePosixPath(p.sources[0].path) if p.sources else None
        page = None
        for folder in src.parents if src is not None else ():
            stem = folder.name[:-len(SAVED_FILES_SUFFIX)]
            if folder.name.endswith(SAVED_FILES_SUFFIX) and stem:
                page = next((str(folder.parent / f"{stem}{ext}") for ext in (".html", ".htm")
                             if str(folder.parent / f"{stem}{ext}") in names), None)
                if page is not None:
                    break
        if page is None:
            out.append(p)
            continue
        frags.append(Fragment(path=p.sources[0].path, line=p.sources[0].line,
                              end_line=p.sources[0].line,
                              reason=f"saved with the page {page} (a browser keeps a page's "
                                     f"frames and files in its _files folder), not a post",
                              text=preview(p.title or p.text)))
    return out, frags


def without_site_names(posts: list, names: set[str]) -> list:
    """Saved pages' titles without the name of a site whose configuration was read.

    A built page's ``<title>`` often carries the site's name
    (``旋转位置编码 | 小林的笔记``); when the site's sources are read too, its
    configuration names the site, and without the name the page's title is its post's,
    so that the two sightings are one post.

    Parameters
    ----------
    posts : list of Post
        Sightings; not modified.
    names : set of str
        The sites' names (``title`` of ``_config.yml``, ``.vuepress/config.js``…).

    Returns
    -------
    list of Post
        The sightings, those of HTML pages retitled where a name was cut.
    """
    if not names:
        return posts
    longest_first = sorted(names, key=len, reverse=True)
    out = []
    for p in posts:
        if p.title and p.sources and p.sources[0].format == HTML_FORMAT:
            title = p.title
            for name in longest_first:
                title = _without_name(title, name)
            if title and title != p.title:
                p = replace(p, title=title, label=title)
        out.append(p)
    return out


def _not_a_post(tree, entry, path: str) -> str | None:
    """Why a page is not a post, from its microformats: a profile (an h-card and no
    h-entry), or a draft of Medium's export (``posts/draft_….html``); else None."""
    if entry is None and tree.css_first("article.h-card, main.h-card, body.h-card") is not None:
        return "a profile page (microformats h-card), not a post"
    if entry is not None and re.match(r"^draft_", path.rsplit("/", 1)[-1], re.I):
        return "a draft (Medium's export names drafts draft_…), not a published post"
    return None


# what a generator renders each post of a list page as: HTML5's <article>, microformats'
# h-entry (and its first version's hentry, which WordPress and Blogger themes write), or
# schema.org's BlogPosting
ENTRY_CSS = 'article, .h-entry, .hentry, [itemtype$="schema.org/BlogPosting"]'


# an entry's class that names it a post's excerpt on a list page (md-post--excerpt,
# post-excerpt, node--teaser)
_EXCERPT_RE = re.compile(r"excerpt|teaser", re.I)


def post_entries(tree, body) -> tuple[str | None, list]:
    """The entries of a page: whether they make it a list page, or follow its post.

    A generator renders each post of a list page as an entry: an ``<article>``, an
    h-entry or hentry [1]_, a schema.org BlogPosting [2]_ (:data:`ENTRY_CSS`). Two or
    more entries make a list, and so does one its class names an excerpt
    (:data:`_EXCERPT_RE`: Material for MkDocs' ``md-post--excerpt``, a year's archive
    of one post), counting none inside another, inside ``<aside>`` or
    ``<nav>``, or inside an element whose class or id names the furniture
    :func:`prune_page_furniture` removes (WordPress themes draw each comment as an
    ``<article>``, themes draw related posts as cards) — unless the post's element
    holds them and, outside them, an element named as a post's content
    (``entry-content``, ``post-body``, holding no entry) or more text than they hold:
    then they are cards of other posts after the post (the "More posts" of WordPress
    block themes). Linear in the page.

    Parameters
    ----------
    tree : selectolax parser
    body : selectolax node
        The post's element.

    Returns
    -------
    reason : str or None
        ``"3 <article> summaries"`` for a list page, else None.
    cards : list of selectolax nodes
        The entries that follow the post inside its element (not the post's text).

    References
    ----------
    .. [1] microformats, h-entry (and hAtom's ``hentry``, parsed as h-entry),
       https://microformats.org/wiki/h-entry
    .. [2] schema.org, BlogPosting, https://schema.org/BlogPosting
    """
    entries = list({e.mem_id: e for e in tree.css(ENTRY_CSS)}.values())   # (one per match)
    excerpt = any(_EXCERPT_RE.search(e.attributes.get("class") or "") for e in entries)
    if len(entries) < (1 if excerpt else 2) or tree.root is None:
        return None, []
    furniture = {n.mem_id for n in tree.root.css("aside, nav, [class], [id]")
                 if n.tag in ("aside", "nav") or _FURNITURE_RE.search(_marks(n))}
    hidden = _InsideBlock(tree.root, marked=furniture | {e.mem_id for e in entries})
    separate = [e for e in entries if e.mem_id not in furniture and not hidden(e)]
    if len(separate) < 2 and not (
            separate and _EXCERPT_RE.search(separate[0].attributes.get("class") or "")):
        return None, []
    cards = _entries_after_post(body, separate)
    if cards:
        return None, cards
    kind = ("<article>" if all(e.tag == "article" for e in separate)
            else "post entries (<article>, h-entry, hentry, BlogPosting)")
    return f"{len(separate)} {kind} summaries", []


def _entries_after_post(body, entries: list) -> list:
    """The ``entries`` inside the post's element ``body`` when it holds, outside them, an
    element named as a post's content (``entry-content``, ``post-body``; empty for a
    post without text) or more text than they hold (a post, then cards of other
    posts); else none."""
    keys = {e.mem_id for e in entries}
    held = keys & {n.mem_id for n in body.css(ENTRY_CSS)}
    if body.mem_id in keys or not held:
        return []
    cards = [e for e in entries if e.mem_id in held]
    named = [n for n in _marked_nodes(body)
             if n.mem_id not in held and _CONTENT_MARK_RE.search(_content_marks(n))]
    # the outermost of them outside the entries: disjoint, so looking inside each is linear
    inside = _InsideBlock(body, marked=held | {n.mem_id for n in named})
    if any(not inside(n) and n.css_first(ENTRY_CSS) is None for n in named):
        return cards
    text = sum(len(_block_text(e)) for e in cards)
    return cards if len(_block_text(body)) - text > text else []


LINK_SHARE = 0.6     # share of a page's text in link anchors above which it is a list


def list_page_reason(tree, path: str, paragraphs: list[str], links: list[Link], *,
                     entries: str | None = None, address: str | None = None) -> str | None:
    """Why a saved page is one of the site's list pages (home, tag, archive, page 2…),
    or None when it reads as a post.

    A site's home page is at the root of its address (a mirror's host folder's
    ``index.html``, a page whose canonical address is ``https://host/``); a generator
    renders each post summary of a list page as an entry (an ``<article>``…:
    ``entries``, see :func:`post_entries`); its taxonomy, pagination and archive pages
    live in :data:`LIST_FOLDERS`, a month's or a day's list at its date
    (:func:`graphkit.sites.date_archive_path`), its archive's index and its page for
    missing addresses (:func:`graphkit.sites.site_page_kind`); and a page
    most of whose text is the anchors of its links (at least five, or three on a page
    whose ``og:type`` is ``website``) is navigation, as in readability's link density.

    Parameters
    ----------
    tree : selectolax parser
    path : str
        The page's report name (``site/tags/ml/index.html``).
    paragraphs : list of str
        The body's paragraphs.
    links : list of Link
        The body's links.
    entries : str, optional, keyword-only
        What :func:`post_entries` found the page to be a list of, if anything.
    address : str, optional, keyword-only
        The page's own address (canonical, ``og:url``, where it was saved from): at the
        root of its site (``/``, ``/index.html``, no query) it is the site's home page.

    References
    ----------
    .. [1] Arc90 Readability (link density), as in Mozilla's Readability.js,
       https://github.com/mozilla/readability
    .. [2] The Open Graph protocol, ``og:type``, https://ogp.me/#types
    """
    home = address or mirror_address(path)
    if home is not None and _site_root(home):
        return f"the site's home page ({home})"
    if entries is not None:
        return entries
    folders = {f.casefold() for f in path.replace("\\", "/").split("/")[:-1]}
    under = sorted(folders & LIST_FOLDERS)
    if under:
        return f"under /{under[0]}/"
    dated = next((a for a in (path, address) if a and date_archive_path(a)), None)
    if dated is not None:
        return f"a date archive ({dated})"
    kind = next((k for a in (path, address) if a and (k := site_page_kind(a))), None)
    if kind == "archive" or (kind == "not-found" and sum(map(len, paragraphs)) < 200):
        return ("the site's page for addresses it does not have" if kind == "not-found"
                else "the site's index of its posts (archive, tags, categories, authors)")
    chars = sum(len(p) for p in paragraphs)
    anchors = sum(len(link.anchor) for link in links)
    og = tree.css_first('meta[property="og:type"]')
    website = og is not None and (og.attributes.get("content") or "").strip() == "website"
    if chars and anchors >= LINK_SHARE * chars and (len(links) >= 5 or
                                                     (website and len(links) >= 3)):
        return f"{anchors} of its {chars} characters are link text"
    return None


MIN_HEADING_ENTRIES = 3    # alike blocks each opening with a heading that links a page


def _heading_entries(element) -> str | None:
    """Why ``element`` is a list of posts drawn without ``<article>``: three or more
    alike ``<div>`` or ``<section>`` blocks (one tag and class) that each open with a
    heading whose whole text is a link to another page (``<section><h2><a
    href="/posts/a/">title</a></h2>summary</section>``: the list layouts of Hugo's
    ``hugo new theme``, of many minimal themes) and hold most of its text, in an element
    with no post's content named inside it (cards of other posts after a post's
    ``entry-content``: WordPress' "More posts"); else None. Markdown writes no such
    blocks, so a post whose headings link other posts (a series' index) stays a post.
    """
    if content_inside(element) is not None:
        return None
    counts: dict[tuple[str, str], int] = {}
    held: dict[tuple[str, str], int] = {}
    for h in element.css("h1, h2, h3, h4"):
        parent = h.parent
        first = next(parent.iter(), None) if parent is not None else None
        if parent is None or parent.tag not in ("div", "section") or \
                parent.mem_id == element.mem_id or first is None or first.mem_id != h.mem_id:
            continue
        a = h.css_first("a[href]")
        href = (a.attributes.get("href") or "").strip() if a is not None else ""
        if not href or "#" in href or _block_text(a) != _block_text(h) or not _block_text(h):
            continue
        mark = (parent.tag, parent.attributes.get("class") or "")
        counts[mark] = counts.get(mark, 0) + 1
        held[mark] = held.get(mark, 0) + len(_block_text(parent))
    mark, n = max(counts.items(), key=lambda kv: kv[1], default=(("", ""), 0))
    if n < MIN_HEADING_ENTRIES or 2 * held[mark] < len(_block_text(element)):
        return None
    return f"{n} × {mark[0]}" + (f".{mark[1].split()[0]}" if mark[1].split() else "") + \
        ", each opening with a heading that links a page"


def _titled_as_site(tree) -> str | None:
    """Why a page is its site's home or one of its lists by its Open Graph tags: its
    ``og:title`` and its ``<title>`` are the site's name (``og:site_name``) and its
    ``og:type`` is not ``article`` (Hexo's, Hugo's and jekyll-seo-tag's templates give a
    list page the site's name and ``website``; a theme that writes the site's name as
    every page's ``og:title`` still titles its posts' pages by the post); else None.

    References
    ----------
    .. [1] The Open Graph protocol, ``og:title``, ``og:site_name``, ``og:type``,
       https://ogp.me/
    """
    def meta(name: str) -> str:
        node = tree.css_first(f'meta[property="og:{name}"]')
        return " ".join((node.attributes.get("content") or "").split()) if node else ""

    name = meta("site_name")
    title = tree.css_first("title")
    if (name and meta("title") == name and meta("type") != "article" and title is not None
            and " ".join(_block_text(title).split()) == name):
        return f"its og:title is the site's name, {name}"
    return None


MIN_DATED_LINKS = 3     # links to posts, each beside its date, that make an archive's list


def _dated_links(element, *, text_dates: bool = False) -> str | None:
    """Why ``element`` is an archive's list of posts: three or more links
    (:data:`MIN_DATED_LINKS`) each holding or beside a ``<time>`` (``<a><time>…</time>
    title</a>``, ``<li><time>…</time><a>title</a></li>``: Hexo's Fluid, Jekyll's and
    Hugo's archive layouts), whose text is most of the element's; else None. Markdown
    writes no ``<time>``: a post's own text does not hold such links. With
    ``text_dates`` (a page at a year's address, ``/2015/``: jekyll-archives' year
    pages, in a layout of the author's), a date written as text is one as well, where
    it is all the link's element holds besides the link (``<li><span>2015-12-31</span>
    » <a>title</a></li>``).
    """
    links, holders, timed = 0, {}, {}
    for a in element.css("a[href]"):
        parent = a.parent
        if a.css_first("time") is not None:
            links, holders[a.mem_id] = links + 1, a
            continue
        if parent is not None and parent.mem_id not in timed:    # (each parent looked at once)
            timed[parent.mem_id] = (any(c.tag == "time" for c in parent.iter())
                                    or (text_dates and _dated_beside(parent, a)))
        if parent is not None and timed[parent.mem_id]:
            links, holders[parent.mem_id] = links + 1, parent
    if links < MIN_DATED_LINKS:
        return None
    if 2 * sum(len(_block_text(h)) for h in holders.values()) < len(_block_text(element)):
        return None
    return f"{links} links to posts, each with its date"


# a year's page: /2015/, archives/2015/index.html (not /archives/2015, a post's number)
_YEAR_PAGE_RE = re.compile(r"(?:^|/)(?:19|20)\d\d/(?:index\.(?:html?|php))?$", re.I)
_BESIDE_LINK_RE = re.compile(r"^[\s»«·|:：,，\-–—/>]+|[\s»«·|:：,，\-–—/>]+$")
MAX_DATE_CHARS = 40     # a date written beside a link, at most


def _dated_beside(parent, a) -> bool:
    """True when what ``parent`` holds besides its link ``a`` is a date alone, between
    separators (``2015-12-31 »``, ``Dec 31, 2015 ·``)."""
    whole, own = parent.text(separator=" "), a.text(separator=" ")
    rest = _BESIDE_LINK_RE.sub("", whole.replace(own, " ", 1) if own else whole)
    return 0 < len(rest) <= MAX_DATE_CHARS and dates.parse_date(rest) is not None


def _site_root(address: str) -> bool:
    """True for an absolute address at its site's root: ``https://host/``,
    ``https://host/index.html`` (not ``https://host/?p=12``, WordPress' post address)."""
    try:
        parts = urlsplit(address)
    except ValueError:
        return False
    return (bool(parts.netloc) and not parts.query
            and re.fullmatch(r"/?(?:index\.(?:html?|php))?", parts.path, re.I) is not None)


def mirror_address(path: str) -> str | None:
    """The address a page of a mirrored site had, from the host folder its mirror keeps.

    ``wget --mirror``, HTTrack and browsers' "save site" tools save
    ``https://blog.example/posts/a/`` as ``blog.example/posts/a/index.html``: a folder
    named like a host, then the address's path. None when no folder of ``path`` is named
    like a host (``name.tld``).

    Examples
    --------
    >>> mirror_address("saved/blog.example/posts/a/index.html")
    'https://blog.example/posts/a/'
    >>> mirror_address("saved/www.blog.example/2020/01/x.html")
    'https://www.blog.example/2020/01/x.html'
    >>> mirror_address("notes/a/index.html") is None
    True
    >>> mirror_address("blog.zip/blog.example/a.html")
    'https://blog.example/a.html'
    >>> mirror_address("saved/blog.example/index.html?p=12")
    'https://blog.example/?p=12'
    """
    parts = [p for p in path.replace("\\", "/").split("/") if p]
    for i, part in enumerate(parts[:-1]):
        if (HOST_NAME_RE.match(part) and not part.lower().endswith((".html", ".htm"))
                and archive_kind(part) is None):      # (blog.zip is an archive read as a folder)
            rest = parts[i + 1:]
            if rest and rest[-1].lower() in ("index.html", "index.htm"):
                rest[-1] = ""
            elif rest and rest[-1].lower().startswith(("index.html?", "index.htm?")):
                rest[-1] = rest[-1][rest[-1].index("?"):]     # (wget's index.html?p=12)
            return f"https://{part.lower()}/" + "/".join(rest)
    return None


# what themes put inside a post's <article> that the author did not write: links to the
# previous and next post (eleventy-base-blog's ul.links-nextprev), related posts,
# comments and their form, share buttons, breadcrumbs, the meta line (date, author,
# tags: WordPress' entry-meta, minima's,
# PaperMod's and NexT's post-meta, Casper's article-byline); named by the words in
# class and id that Readability weighs as "unlikely candidates" and that WordPress,
# Jekyll, Hugo and Ghost themes use
_FURNITURE_RE = re.compile(
    r"(?:^|[\s_-])(?:comments?|commentlist|comment-list|respond|disqus_thread|giscus|"
    r"utterances|related|relatedposts|yarpp|pagination|paginav|pager|nav-links|"
    r"post-nav|post-navigation|navigation|breadcrumbs?|sharedaddy|share-buttons|"
    r"nextprev|prevnext|prev-next|next-prev|"
    r"social-share|post-meta|entry-meta|article-meta|byline)(?:$|[\s_-])", re.I)
_FURNITURE_CSS = "nav, [role=navigation], [class], [id]"

# the line numbers code highlighters print beside a block of code, by their classes:
# Hexo's and SyntaxHighlighter's `td.gutter`, Rouge's `td.rouge-gutter` (Jekyll),
# Pygments' `td.linenos`/`span.linenos` (Pelican, MkDocs, Sphinx; older `lineno`,
# `linenodiv`), Chroma's `span.ln`/`span.lnt` (Hugo), highlight.js' line-numbers plugin
# `td.hljs-ln-numbers`, Prism's `span.line-numbers-rows`, VitePress'
# `div.line-numbers-wrapper`, CSDN's `ul.pre-numbering`, Crayon's `td.crayon-nums`
_LINE_NUMBERS_CSS = ", ".join(
    f".{name}" for name in ("gutter", "rouge-gutter", "linenos", "lineno", "linenodiv", "ln",
                            "lnt", "hljs-ln-numbers", "line-numbers-rows",
                            "line-numbers-wrapper", "pre-numbering", "crayon-nums"))
_NUMBERS_ONLY_RE = re.compile(r"^[\d\s]*$")


def drop_line_numbers(body) -> int:
    """Remove the line numbers a code highlighter printed beside the code; count them.

    Highlighters of every generator can number the lines of a code block in an element
    of its own (:data:`_LINE_NUMBERS_CSS` names them): the numbers are the theme's, not
    the author's, and read as text they join the code (``1print(1)``) or make a
    paragraph of digits. An element is removed only when its class is one of those and
    its text is digits and white space alone, so that no word can be lost.

    Parameters
    ----------
    body : selectolax node
        A post's element or an HTML fragment's body; modified in place.

    Returns
    -------
    int
        The number of elements removed.

    References
    ----------
    .. [1] Hexo, "Syntax Highlighting" (``line_number``),
       https://hexo.io/docs/syntax-highlight
    .. [2] Pygments, ``HtmlFormatter`` (``linenos="table"``/``"inline"``),
       https://pygments.org/docs/formatters/#HtmlFormatter
    .. [3] Hugo, "Syntax highlighting" (``lineNos``, ``lineNumbersInTable``),
       https://gohugo.io/content-management/syntax-highlighting/
    """
    found = [n for n in body.css(_LINE_NUMBERS_CSS)
             if _NUMBERS_ONLY_RE.match(n.text(separator=" ", strip=False))]
    for node in found:
        node.decompose()
    return len(found)


def drop_cards(cards: list, *, path: str, end_line: int = 1) -> list[Fragment]:
    """Remove the cards of other posts :func:`post_entries` found; report them.

    Parameters
    ----------
    cards : list of selectolax nodes
        The cards; each is removed from its tree.
    path : str
        The page's file or address, for the report.
    end_line : int, keyword-only
        The page's last line (1 for a fetched page).

    Returns
    -------
    list of Fragment
        One fragment for all the cards with their text, or none when there are none.
    """
    if not cards:
        return []
    text = preview(" / ".join(_block_text(c) for c in cards))
    for card in cards:
        card.decompose()
    return [Fragment(path=path, line=1, end_line=end_line,
                     reason=f"inside the post's element, after its content: {len(cards)} "
                            f"entries of other posts (not read as its text or citations)",
                     text=text)]


def post_element_text(body, *, path: str, end_line: int = 1, body_only: bool = False,
                      look_inside: bool = True) -> tuple[list[str], list[Link], list[Fragment]]:
    """The paragraphs and links of a post's element, and a report of what is not read.

    The theme's furniture goes first (:func:`prune_page_furniture`), then, inside
    ``<article>``/``<main>``, everything around the one element named as the post's
    content (:func:`content_inside`); the rest is read by :func:`page_paragraphs`. Saved
    pages and fetched pages are read by this one function.

    Parameters
    ----------
    body : selectolax node
        The post's element; modified in place.
    path : str, keyword-only
        The page's file or address, for the report.
    end_line : int, keyword-only
        The page's last line (1 for a fetched page).
    body_only : bool, keyword-only
        True when ``body`` is the post's text already (a feed entry's HTML, an export's
        body): no content element is looked for, and loose text is read as paragraphs.
    look_inside : bool, keyword-only
        False to read the whole element though it holds a content-named element.

    Returns
    -------
    paragraphs : list of str
    links : list of Link
    fragments : list of Fragment
        The furniture removed, the text around the content element, and the runs of
        text without sentences, each with its reason.
    """
    frags = []
    numbered = drop_line_numbers(body)
    if numbered:
        frags.append(Fragment(path=path, line=1, end_line=end_line,
                              reason=f"line numbers beside the code ({numbered} elements the "
                                     f"highlighter printed, not the author's): not read as text",
                              text=""))
    aside = prune_page_furniture(body)
    if aside:
        frags.append(Fragment(path=path, line=1, end_line=end_line,
                              reason="inside the post's element but not the post: "
                                     f"{aside[0]} (not read as its text or citations)",
                              text=aside[1]))
    inner = content_inside(body) if look_inside and not body_only else None
    if inner is not None:        # the theme's header, meta line and footer around it
        outside = _block_text(body).replace(_block_text(inner), " ", 1).strip()
        if outside:
            frags.append(Fragment(path=path, line=1, end_line=end_line,
                                  reason=f"inside the post's element, outside its content "
                                         f"({_name(inner)}): not read", text=preview(outside)))
        body = inner
    if body_only:
        paragraphs, links = body_paragraphs(body, loose=True)
        return paragraphs, links, frags
    paragraphs, links, unread = page_paragraphs(body)
    if unread:
        frags.append(Fragment(
            path=path, line=1, end_line=end_line,
            reason=f"{len(unread)} runs of text without sentences outside the paragraphs "
                   f"of the post's element (the theme's: author, date, counts): not read",
            text=preview(" · ".join(unread))))
    return paragraphs, links, frags


def _mostly_links(node) -> bool:
    """True when at least half of ``node``'s text (white space aside) is link text:
    Readability's link density [1]_ of a list of links.

    References
    ----------
    .. [1] Mozilla Readability.js, ``_getLinkDensity`` and ``_cleanConditionally``,
       https://github.com/mozilla/readability
    """
    total = len("".join(node.text(separator=" ").split()))
    linked = sum(len("".join(a.text(separator=" ").split())) for a in node.css("a[href]"))
    return total > 0 and 2 * linked >= total


def prune_page_furniture(body) -> tuple[str, str] | None:
    """Remove from a post's element what its theme adds there (see below); say what.

    Inside the ``<article>`` of a post, themes place the links to the previous and next
    post (WordPress' ``nav.post-navigation``, Hugo PaperMod's ``nav.paginav``), related
    posts (Jetpack's ``#jp-relatedposts``, YARPP), the comments and their form
    (``#comments``, ``#respond``, Disqus, giscus, utterances), share buttons,
    breadcrumbs and the meta line of date, author and tags (``.post-meta``,
    ``.entry-meta``, ``.article-byline``): none of it is the author's text, and its
    links are no citations.
    Removed are ``<nav>`` and ``role="navigation"`` elements, elements whose class or id
    holds one of those words (:data:`_FURNITURE_RE`), an ``<aside>`` whose text is
    mostly its links' (a theme's related posts; an author's aside of prose, a callout
    with a link, stays), and the block around a link with ``rel="prev"`` or
    ``rel="next"``. The element itself is never removed.

    Parameters
    ----------
    body : selectolax node
        The post's element; modified in place (it belongs to the reader's own tree).

    Returns
    -------
    (str, str) or None
        What was removed (``"2 elements: nav.pagination-single, div#comments"``) and a
        preview of its text, or None when nothing was.

    References
    ----------
    .. [1] Mozilla Readability.js, ``REGEXPS.unlikelyCandidates``,
       https://github.com/mozilla/readability
    .. [2] HTML Living Standard, link types ``prev`` and ``next``,
       https://html.spec.whatwg.org/multipage/links.html#link-type-next
    """
    found = []
    code = _InsideBlock(body, marked={n.mem_id for n in body.css("pre, code")})
    for node in body.css(_FURNITURE_CSS):
        if (node.tag == "nav" or (node.attributes.get("role") or "").lower() == "navigation"
                or _FURNITURE_RE.search(_marks(node))) and not code(node):  # (code's comment)
            found.append(node)
    for node in body.css("aside"):
        if _mostly_links(node):
            found.append(node)
    for a in body.css('a[rel~="prev"], a[rel~="next"]'):
        found.append(a.parent if a.parent is not None and a.parent.tag != "body" else a)
    unique = {n.mem_id: n for n in found if n.mem_id != body.mem_id}
    if not unique:
        return None
    inside = _InsideBlock(body, marked=set(unique))
    outermost = [n for n in unique.values() if not inside(n)]
    names, texts = [], []
    for node in outermost:           # none inside another: each removed once
        names.append(_name(node))
        texts.append(_block_text(node))
        node.decompose()
    return (f"{len(names)} element{'s' if len(names) > 1 else ''}: {', '.join(names[:5])}"
            + (" …" if len(names) > 5 else ""), preview(" / ".join(t for t in texts if t)))


# Readability's candidate scoring, for a page with neither <article> nor <main> (older
# WordPress and Blogger themes, cnblogs, many CMS templates): words of class and id that
# mark where a post's text is likely, or unlikely, to be; an element whose marks hold an
# unlikely word and no likely one holds no text of the post
_UNLIKELY_RE = re.compile(
    r"banner|breadcrumb|combx|comment|community|disqus|extra|footer|gdpr|header|legends|"
    r"menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|"
    r"supplemental|pagination|pager|popup|feedback|recommend|widget|-ad-", re.I)
_LIKELY_RE = re.compile(r"article|body|content|entry|main|page|post|text|blog|story|column", re.I)
_UNLIKELY_WEIGHT_RE = re.compile(
    r"hidden|banner|combx|comment|contact|footer|masthead|media|meta|outbrain|promo|"
    r"related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|-ad-",
    re.I)
_TAG_WEIGHTS = {"div": 5, "pre": 3, "td": 3, "blockquote": 3, "form": -3, "ol": -3, "ul": -3,
                "dl": -3, "li": -3, "th": -5}
MIN_PARAGRAPH_CHARS = 25      # a shorter paragraph is no evidence of where the text is
CANDIDATE_LEVELS = 5          # a paragraph scores its ancestors up to this many levels up


def content_element(tree) -> tuple[object | None, str | None]:
    """The element of a page that holds its post, by Readability's scoring, and whether
    it is one of a list page's summaries.

    For pages with neither ``<article>`` nor ``<main>`` (nor ``role="main"``, which is
    returned first when present). Every paragraph (``<p>``, ``<pre>``, ``<td>``, and the
    text a ``<div>`` or ``<section>`` holds directly) of at least
    :data:`MIN_PARAGRAPH_CHARS` characters scores 1, plus one per comma (``,``, ``，``,
    ``、``), plus one per 100 characters (at most 3); its parent gets the score, its
    grandparent half, the levels above a third of it divided by the level. Paragraphs
    inside an element whose class or id names something other than the post
    (sidebar, comments, footer, menu, related posts…) and nothing post-like do not
    count. Each candidate starts from its tag's and its class's and id's weight (±25
    for a post-like or furniture-like word), and the five best are weighed down by
    their link density (the share of their text that is link text). The best is the
    post's element. A page without any such paragraph (a post without text) gives its
    first element whose class or id reads as a post's content (``post-body``,
    ``entry-content``, ``cnblogs_post_body``…), else None. Linear in the page.

    Parameters
    ----------
    tree : selectolax parser

    Returns
    -------
    element : selectolax node or None
    summaries : str or None
        What repeats when the element, or one of its four nearest ancestors, is one of
        :data:`MIN_SUMMARIES` or more siblings of one tag and class that each hold
        scored text (a home page's ``div.day``, ``div.post-preview``): a list page,
        whose summaries repeat one element where a post has one (``"6 × div.day"``);
        else None.

    References
    ----------
    .. [1] Arc90 Readability, as in Mozilla's Readability.js (``_grabArticle``,
       ``_getClassWeight``, ``_getLinkDensity``), https://github.com/mozilla/readability
    """
    role = tree.css_first("[role=main]")
    if role is not None or tree.body is None:
        return role, None
    root = tree.body
    unlikely: set[int] = set()
    named = []              # elements whose class, id or itemprop names a post's content
    for node in _marked_nodes(root):
        if _unlikely(node):
            unlikely.add(node.mem_id)
        elif _CONTENT_MARK_RE.search(_content_marks(node)):
            named.append(node)
    inside = _InsideBlock(root, marked=unlikely)
    scores: dict[int, float] = {}
    nodes: dict[int, object] = {}
    for node in root.css("p, pre, td, div, section"):
        if node.mem_id in unlikely or inside(node):
            continue
        direct = node.tag in ("div", "section")
        text = (node.text(deep=False, strip=True) if direct else _block_text(node))
        if len(text) < MIN_PARAGRAPH_CHARS:
            continue
        score = 1 + sum(text.count(c) for c in ",，、") + min(len(text) / 100, 3)
        up = node if direct else node.parent
        for level in range(CANDIDATE_LEVELS):
            if up is None or up.mem_id == root.mem_id:
                break
            key = up.mem_id
            if key not in scores:
                nodes[key] = up
                scores[key] = _candidate_weight(up)
            scores[key] += score / (1 if level == 0 else 2 if level == 1 else level * 3)
            up = up.parent
    if not scores:      # no text: the innermost of the first elements named as content
        found = None
        for n in named:
            if inside(n):
                continue
            if found is not None and not _holds(found, n):
                break
            found = n
        return found, None
    best = sorted(scores, key=lambda k: -scores[k])[:5]

    def weighed(key: int) -> float:
        node = nodes[key]
        chars = len(_block_text(node)) or 1
        linked = sum(len(_block_text(a)) for a in node.css("a"))
        return scores[key] * (1 - min(linked / chars, 1))
    top = nodes[max(best, key=weighed)]
    return top, _repeated(top, root, scores)


MIN_SUMMARIES = 3      # alike siblings holding text that make a list page


def _marks(node) -> str:
    return f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"


def _content_marks(node) -> str:
    """What may name ``node`` a post's content: its class and id (:func:`_marks`) and
    its schema.org microdata property (``itemprop="articleBody"``: gatsby-starter-blog's
    ``<section>``, Jekyll's minima's ``<div>``)."""
    return f"{_marks(node)} {node.attributes.get('itemprop') or ''}"


def _unlikely(node) -> bool:
    """True when the class or id of ``node`` names furniture and nothing post-like. A
    word saying what the layout has or lacks (``no-sidebar``, ``has-sidebar``,
    ``with-comments``: WordPress' body classes, vuepress-theme-reco's container) names
    the element's layout, not furniture."""
    marks = _LAYOUT_MARK_RE.sub(" ", _marks(node))
    return _UNLIKELY_RE.search(marks) is not None and _LIKELY_RE.search(marks) is None


_LAYOUT_MARK_RE = re.compile(r"(?<![\w-])(?:no|has|with|without)-[\w-]+", re.I)


def _repeated(node, root, scores: dict[int, float], *, levels: int = 4) -> str | None:
    """What repeats when ``node`` is one summary of a list page (``"6 × div.day"``)."""
    for _ in range(levels):
        parent = node.parent
        if parent is None or node.mem_id == root.mem_id:
            return None
        mark = (node.tag, node.attributes.get("class") or "")
        alike = sum(1 for sib in parent.iter() if sib.mem_id in scores
                    and (sib.tag, sib.attributes.get("class") or "") == mark)
        if alike >= MIN_SUMMARIES:
            return f"{alike} × {mark[0]}" + (f".{mark[1].split()[0]}" if mark[1].split() else "")
        node = parent
    return None


_MARKED_CSS = "[class], [id], [itemprop]"     # the elements _content_marks reads


def _marked_nodes(node) -> list:
    """The elements in ``node`` (itself too) with a class, an id or an ``itemprop``, in
    the page's order, each once (:func:`_once`)."""
    return _once(node.css(_MARKED_CSS))


def _once(nodes) -> list:
    """``nodes`` in their order, each once: a selector list gives an element once per
    selector it matches (``<div id="x" class="post-body">`` twice for ``[class], [id]``)."""
    seen: set[int] = set()
    return [n for n in nodes if not (n.mem_id in seen or seen.add(n.mem_id))]


# a class or id that names a post's content: post-body, entry-content, article_content,
# blogpost-body, cnblogs_post_body, post-text; markdown-body, the class github-markdown-css
# styles, around the rendered Markdown (Hexo's Fluid, many Hugo and VuePress themes); and
# schema.org's articleBody property (https://schema.org/articleBody) in microdata
_CONTENT_MARK_RE = re.compile(r"(?:post|entry|article|blogpost|story)[\s_-]?(?:body|content|text)"
                              r"|markdown-body", re.I)


def content_inside(body):
    """The one element inside a post's element (its ``<article>``, ``<main>``…) whose
    class or id names it the post's content (``entry-content``, ``post-content``,
    ``post-body``, ``article-content``: WordPress' ``the_content()`` wrapper in every
    theme, Hugo's and Hexo's themes), when there is exactly one outermost such element;
    else None. Around it a theme puts the title, the meta line of date, author and
    categories, tags and the post's footer, none of it the post's text. A wrapper so
    named (``post-content-container``: Hexo's Keep) that holds one such element is
    passed through to it: the title and the date line lie in the wrapper."""
    named = [n for n in _marked_nodes(body)
             if n.mem_id != body.mem_id and _CONTENT_MARK_RE.search(_content_marks(n))]
    if not named:
        return None
    inside = _InsideBlock(body, marked={n.mem_id for n in named})
    outermost = [n for n in named if not inside(n)]
    if len(outermost) != 1:
        return None
    found = outermost[0]
    for _ in range(MAX_WRAPPERS):
        if not _WRAPPER_MARK_RE.search(_marks(found)):
            break
        inner = [n for n in _marked_nodes(found)
                 if n.mem_id != found.mem_id and _CONTENT_MARK_RE.search(_content_marks(n))]
        within = _InsideBlock(found, marked={n.mem_id for n in inner})
        top = [n for n in inner if not within(n)]
        if len(top) != 1:
            break
        found = top[0]
    return found


MAX_WRAPPERS = 4      # wrappers named as a post's content passed through to the content
_WRAPPER_MARK_RE = re.compile(r"(?:container|wrapper|wrap|outer)(?![a-z])", re.I)


def _name(node) -> str:
    """``div.entry-content`` or ``div#post-body``: a node named for a report."""
    marks = (node.attributes.get("class") or "").split()
    return node.tag + (f"#{node.attributes['id']}" if node.attributes.get("id")
                       else f".{marks[0]}" if marks else "")


def _holds(outer, node, *, levels: int = 64) -> bool:
    """True when ``node`` lies inside ``outer`` (looked for ``levels`` levels up)."""
    p = node.parent
    for _ in range(levels):
        if p is None:
            return False
        if p.mem_id == outer.mem_id:
            return True
        p = p.parent
    return False


def _candidate_weight(node) -> float:
    weight = float(_TAG_WEIGHTS.get(node.tag, 0))
    for name in ("class", "id"):
        marks = node.attributes.get(name) or ""
        if marks:
            weight += (25 if _LIKELY_RE.search(marks) else 0) - (
                25 if _UNLIKELY_WEIGHT_RE.search(marks) else 0)
    return weight


def body_paragraphs(body, *, loose: bool = False) -> tuple[list[str], list[Link]]:
    """The paragraphs of an HTML element and the links in them, with their sentences.

    Block elements (:data:`BLOCK_TAGS`) not nested in another block give one paragraph
    each (an element without blocks gives one), and so does a link card outside them
    (an ``<a>`` showing the linked page's title and description, as 知乎 and Ghost draw
    links to posts). With ``loose``, text that lies in no
    block (WordPress' classic content, which has its paragraphs as blank lines and
    ``<p>`` only around some; a card made of ``<div>`` inside a link) gives paragraphs
    too, in document order: a run of it ends at a block, at the edge of a container
    element (:data:`CONTAINER_TAGS`) or at a blank line. Linear in the size of the
    element.

    Parameters
    ----------
    body : selectolax node
    loose : bool, keyword-only
        Read the text outside blocks: for the content of a post as its author wrote it
        (a feed entry's, an export's, a body file's), not for a page's element, where
        such text is the theme's (menus, the date line, tag links).

    Returns
    -------
    paragraphs : list of str
    links : list of Link
    """
    return _paragraphs(body, loose=loose)[:2]


def _paragraphs(body, *, loose: bool, prose_only: bool = False
                ) -> tuple[list[str], list[Link], list[str]]:
    """:func:`body_paragraphs`, and with ``prose_only`` the loose text of a page (see
    :func:`page_paragraphs`): link cards stay paragraphs, runs that are no prose are
    unread."""
    inside_block = _InsideBlock(body)
    link_cards = not loose or prose_only
    outer = [b for b in body.css(BLOCKS + ", a[href]" if link_cards else BLOCKS)
             if not inside_block(b) and (b.tag != "a" or _link_card(b))]  # (li > p: li)
    texts = [_block_text(b) for b in outer]
    if loose and _has_loose_text(body, texts):
        found = _paragraphs_in_order(body, outer, texts, prose_only=prose_only)
        if found[0] or not prose_only:
            return found
    if not outer:
        outer, texts = [body], [_block_text(body)]
    paragraphs: list[str] = []
    links: list[Link] = []
    for b, t in zip(outer, texts):
        if t:
            links.extend(_links_in(b, t))
            paragraphs.append(t)
    return paragraphs, links, []


def _link_card(a) -> bool:
    """True for a link card: a link outside any paragraph that shows the linked page's
    title and description in elements of its own (知乎's ``LinkCard``, Ghost's
    ``kg-bookmark-card``, Notion's bookmarks), and holds no block itself."""
    if a.css_first(BLOCKS) is not None:
        return False
    shown = 0
    for part in a.css("div, span"):
        if part.text(deep=False, strip=True):
            shown += 1
            if shown == 2:
                return True
    return False


# elements whose edges end a run of text outside blocks; elements whose text is no text
CONTAINER_TAGS = frozenset({"div", "section", "article", "aside", "header", "footer", "main",
                            "nav", "figure", "form", "table", "tr", "dl", "details",
                            "summary", "address", "fieldset", "hr", "body"})
_NO_TEXT_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "math",
                           "textarea", "select", "button"})
_BLANK_LINE_RE = re.compile(r"\n[ \t\r\f\v]*\n")
_SPACES_RE = re.compile(r"[ \t\r\f\v]+")


# links of one block whose anchor is looked for in the whole block's text when it is
# not after the one before it (more would make a block of many links quadratic)
MAX_ANCHOR_SEARCHES = 64


def _links_in(node, text: str) -> list[Link]:
    """The links of ``node``, each with the sentence of ``text`` (the node's text) that
    holds its anchor (see :func:`_anchored_links`)."""
    return _anchored_links(text, [(a, _block_text(a)) for a in node.css("a[href]")])


def _anchored_links(text: str, anchored: list) -> list[Link]:
    """Links of ``anchored`` (``(node, anchor text)``, in the order of ``text``), each
    with the sentence of ``text`` that holds its anchor: looked for after the anchor
    before it (a block of 100,000 links is read in linear time, and a second "here"
    holds its own sentence, not the first's); else, for at most
    :data:`MAX_ANCHOR_SEARCHES` links, in the whole text; else the text's start."""
    out = []
    at = searched = 0
    for a, anchor in anchored:
        k = text.find(anchor, at) if anchor else -1
        if k < 0 and anchor and searched < MAX_ANCHOR_SEARCHES:
            searched += 1
            k = text.find(anchor)
        if k >= 0:
            at = max(at, k + len(anchor))
        sentence = sentence_around(text, k, k + len(anchor))[0] if k >= 0 else text[:300]
        out.append(Link(url=a.attributes.get("href") or "", anchor=anchor, sentence=sentence))
    return out


def _has_loose_text(body, block_texts: list[str]) -> bool:
    """True when ``body`` holds text (not white space) that none of its blocks holds."""
    whole = len(re.sub(r"\s+", "", body.text(separator="", strip=False)))
    return whole > sum(len(re.sub(r"\s+", "", t)) for t in block_texts)


def page_paragraphs(body) -> tuple[list[str], list[Link], list[str]]:
    """The paragraphs of a page's post element, with the prose that lies in no block.

    As :func:`body_paragraphs`, and text outside blocks (a ``<div>`` per line as some
    editors write, Blogger's ``text<br><br>text``) is read when it is prose: a run
    that, outside the text of its links, has sentence punctuation (``。，、；！？``, a
    full stop after a word) or at least :data:`PROSE_LETTERS` letters, the length below
    which Readability scores a paragraph nothing [1]_. Other runs are what themes put
    there (the author's name, a date line, a read count, tag links, "上一篇：" and its
    link) and are returned as unread.

    Parameters
    ----------
    body : selectolax node
        The post's element of a page (its ``<article>``, ``<main>``, …).

    Returns
    -------
    paragraphs : list of str
    links : list of Link
    unread : list of str
        The runs of text outside blocks that are no prose, not read, in document
        order (for the parse report).

    References
    ----------
    .. [1] Mozilla, Readability.js, ``_grabArticle``: paragraphs under 25 characters
       are not scored. https://github.com/mozilla/readability
    """
    return _paragraphs(body, loose=True, prose_only=True)


PROSE_LETTERS = 25
# punctuation inside or at the end of a sentence: Chinese and Japanese full-width marks,
# and a Western full stop, question or exclamation mark after a word
_SENTENCE_MARK_RE = re.compile(r"[。！？；，、]|[^\W\d_][.!?](?:\s|$)")


def _prose(part: str, anchors: list[str]) -> bool:
    """True when ``part``, outside the text of its links, is prose: it has sentence
    punctuation, or at least :data:`PROSE_LETTERS` letters. (What the links' texts hold
    is subtracted: linear, however many links a run has.)"""
    marks = len(_SENTENCE_MARK_RE.findall(part)) - sum(
        len(_SENTENCE_MARK_RE.findall(a)) for a in anchors)
    return marks > 0 or sum(map(str.isalpha, part)) - sum(
        sum(map(str.isalpha, a)) for a in anchors) >= PROSE_LETTERS


def _paragraphs_in_order(body, outer: list, texts: list[str], *, prose_only: bool = False
                         ) -> tuple[list[str], list[Link], list[str]]:
    """Blocks and runs of loose text, in document order (see :func:`body_paragraphs`);
    with ``prose_only``, runs that are no prose (:func:`_prose`) are returned apart,
    unread."""
    at_block = {b.mem_id: i for i, b in enumerate(outer)}
    skipped: set[int] = set()          # nodes inside a block or an element with no text
    for b in outer:
        skipped.update(n.mem_id for n in b.traverse(include_text=True) if n.mem_id != b.mem_id)
    container: dict[int, int] = {}     # node -> its nearest container (or body)
    stop = body.mem_id

    def container_of(node) -> int:
        chain, p = [], node.parent
        found = stop
        while p is not None and p.mem_id != stop:
            if p.mem_id in container:
                found = container[p.mem_id]
                break
            if p.tag in CONTAINER_TAGS:
                found = p.mem_id
                break
            chain.append(p.mem_id)
            p = p.parent
        for key in chain:
            container[key] = found
        return found

    paragraphs: list[str] = []
    links: list[Link] = []
    unread: list[str] = []
    run: list[str] = []      # the run's pieces of text, white space folded
    run_len = 0
    run_links: list = []     # (offset in the run, link) for the links whose text it holds
    pending: list = []       # links met whose text has not come yet
    run_at: int | None = None

    def flush() -> None:
        nonlocal run_len
        text = "".join(run)
        starts, parts, pos = [], [], 0
        for m in [*_BLANK_LINE_RE.finditer(text), None]:
            end = m.start() if m is not None else len(text)
            starts.append(pos)
            parts.append(re.sub(r"\s*\n\s*", "\n", _SPACES_RE.sub(" ", text[pos:end])).strip())
            pos = m.end() if m is not None else pos
        filled = [j for j, q in enumerate(parts) if q]
        held: dict[int, list] = {j: [] for j in filled}
        for offset, a in run_links if filled else ():
            i = bisect_right(starts, offset) - 1     # its part, else the next with text
            held[filled[min(bisect_left(filled, i), len(filled) - 1)]].append(
                (a, _block_text(a)))
        for j in filled:
            part = parts[j]
            if prose_only and not _prose(part, [t for _, t in held[j]]):
                unread.append(part)
                continue
            links.extend(_anchored_links(part, held[j]))
            paragraphs.append(part)
        run.clear()
        run_links.clear()
        run_len = 0

    def add(piece: str) -> None:
        nonlocal run_len
        run_links.extend((run_len, a) for a in pending)
        pending.clear()
        run.append(piece)
        run_len += len(piece)

    for node in body.traverse(include_text=True):
        key = node.mem_id
        if key in skipped or key == stop:
            continue
        tag = node.tag
        if key in at_block:
            flush()
            i = at_block[key]
            if texts[i]:
                links.extend(_links_in(node, texts[i]))
                paragraphs.append(texts[i])
            run_at = None
            continue
        if tag in _NO_TEXT_TAGS:
            skipped.update(n.mem_id for n in node.traverse(include_text=True))
            continue
        if tag == "a" and node.attributes.get("href"):
            pending.append(node)
            continue
        if tag == "br":
            if run:
                add("\n")
            continue
        if tag != "-text":
            if tag in CONTAINER_TAGS:
                flush()
                run_at = None
            continue
        value = _SPACES_RE.sub(" ", node.text(deep=False, strip=False))
        if not value.strip():
            if run:
                run.append(value)
                run_len += len(value)
            continue
        where = container_of(node)
        if where != run_at:
            flush()
            run_at = where
        add(value)
    flush()
    return paragraphs, links, unread


def read_html_content(markup: str) -> tuple[str, list[Link], str | None]:
    """Plain text (one paragraph a line), links and nesting problem of an HTML fragment,
    such as the content of a feed entry or a WordPress post.

    Parameters
    ----------
    markup : str
        The HTML of a post's content, without the page around it.

    Returns
    -------
    text : str
        One paragraph a line.
    links : list of Link
        Every ``<a href>``, with its anchor and sentence.
    problem : str or None
        Why the content was read flat, without its structure
        (:func:`graphkit.readers.dom.nesting_problem`; report it with
        :func:`flat_reading`), None when it was parsed as written.

    Examples
    --------
    >>> text, links, problem = read_html_content("<p>见<a href='/p/1/'>前文</a>。</p>")
    >>> text, links[0].url, problem
    ('见前文。', '/p/1/', None)
    """
    tree, problem = parse_html(f"<html><body>{markup}</body></html>")
    if tree.body is None:
        return "", [], problem
    for junk in tree.css("script, style, noscript, template"):
        junk.decompose()
    drop_line_numbers(tree.body)    # (like scripts: the highlighter's, never the author's)
    paragraphs, links = body_paragraphs(tree.body, loose=True)
    return "\n".join(paragraphs), links, problem


def flat_reading(problem: str, *, path: str, line: int, end_line: int | None = None,
                 markup: str, content: bool = False) -> Fragment:
    """The parse report's note that HTML was read flat (its text and links kept).

    Parameters
    ----------
    problem : str
        What :func:`graphkit.readers.dom.parse_html` found (its line numbers count from
        the start of ``markup``).
    path : str
        The file (or address) the HTML comes from.
    line, end_line : int, keyword-only
        1-based lines of the page, or of the post whose content it is, in ``path``.
    markup : str
        The HTML, whose start the note shows.
    content : bool, keyword-only
        True for a post's content inside another file (a feed, an export, a note).
    """
    what = ("the post's HTML content read flat, without its structure (lines counted "
            "from the content's start)" if content else "HTML read flat, without its structure")
    return Fragment(path=path, line=line, end_line=line if end_line is None else end_line,
                    reason=f"{what}: {problem}", text=preview(markup[:200]))


class _InsideBlock:
    """Tell whether a node lies inside a block element below ``stop`` (or inside one of
    the ``marked`` nodes), in linear time.

    Nodes are compared by ``mem_id`` (selectolax's ``==`` and ``!=`` serialise both
    subtrees, which made this check quadratic), and each node's answer is remembered,
    so that every node of the document is climbed through at most once.
    """

    def __init__(self, stop, marked: set[int] | None = None):
        self.stop = stop.mem_id
        self.known: dict[int, bool] = {}
        self.marked = marked       # mem_ids that count as blocks instead of BLOCK_TAGS

    def __call__(self, node) -> bool:
        chain = []
        p = node.parent
        answer = False
        while p is not None and p.mem_id != self.stop:
            key = p.mem_id
            if key in self.known:
                answer = self.known[key]
                break
            if (p.tag in BLOCK_TAGS) if self.marked is None else (key in self.marked):
                answer = True
                self.known[key] = True
                break
            chain.append(key)
            p = p.parent
        for key in chain:
            self.known[key] = answer
        return answer
