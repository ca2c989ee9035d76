"""Domain objects of graphkit: posts, links, the reading report.

All of them are frozen dataclasses: every step of the pipeline returns new objects and
never changes the ones it was given.
"""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Fragment:
    """A piece of input that was not read as part of a post, with the reason.

    Attributes
    ----------
    path : str
        File the piece comes from.
    line : int
        1-based first line of the piece.
    end_line : int
        1-based last line of the piece (inclusive).
    reason : str
        Why it was skipped (``"site boilerplate"``, ``"unknown layout"``, ...).
    text : str
        The start of the piece, at most 120 characters.
    """

    path: str
    line: int
    end_line: int
    reason: str
    text: str


@dataclass(frozen=True)
class Link:
    """A hyperlink inside a post body.

    Attributes
    ----------
    url : str
        Target as written (absolute URL or site path).
    anchor : str
        Link text.
    sentence : str
        The sentence of the body that holds the link, in plain text.
    """

    url: str
    anchor: str
    sentence: str


@dataclass(frozen=True)
class Source:
    """One sighting of a post: which file, which line, which reader."""

    path: str
    line: int
    format: str


@dataclass(frozen=True)
class Post:
    """One blog post, possibly merged from several sources.

    Attributes
    ----------
    key : str
        Node id: ``"post:<archive id>"`` when the archive id is known, else
        ``"post:title:<normalised title>"`` (``…@<address or file>`` when other posts
        have that title: :func:`graphkit.merge.post_key`), or
        ``"post:untitled:<file>:<line>"``.
    title : str
        Title as written; ``""`` for an untitled listing entry.
    label : str
        Display label: the title, or the start of the first sentence when untitled.
    untitled : bool
        True when the source gave no title line.
    date : str or None
        ISO 8601 date ``YYYY-MM-DD``; ``--MM-DD`` when the year is unknown;
        ``None`` when nothing is known.
    date_inferred : bool
        True when the year was inferred from dated neighbours in a listing (see
        :func:`graphkit.merge.infer_listing_years`), not read.
    readers : int or None
        Reader count shown by the site.
    archive_id : int or None
        The id in ``https://kexue.fm/archives/<id>``.
    url : str or None
        Canonical URL.
    text : str
        Plain text of the body or excerpt (LaTeX kept, markup removed).
    links : tuple of Link
        Links in the body, in order.
    categories, tags : tuple of str
        As given by the source.
    related : tuple of int
        Archive ids of the site's own "related posts" list (not citations).
    aliases : tuple of str
        Other names links may use for this post (URL path, slug, file path), normalised
        by :func:`graphkit.readers.frontmatter.url_aliases`.
    sources : tuple of Source
        Every place this post was read from.
    slug : str or None
        The slug its front matter gives (used by the site's permalink pattern).
    fields : tuple of (str, str)
        The front matter's other short values (a string or number of at most
        :data:`graphkit.readers.frontmatter.MAX_FIELD_CHARS` characters, or ``true`` /
        ``false``, under a plain name), which a permalink pattern may name: Hexo fills a
        pattern's other placeholders from the post's front matter (hexo-abbrlink's
        ``:abbrlink``); ABlog's ``blogpost: true`` makes a document a post.
    listed : tuple of (str, str)
        (HTML pages, while files are read) the page's links as ``(anchor text, href)``,
        the theme's lists of posts among them: what names a page that names no address
        of its own (:func:`graphkit.readers.html.named_by_listings`); empty once read.
    """

    key: str
    title: str
    label: str
    untitled: bool = False
    date: str | None = None
    date_inferred: bool = False
    readers: int | None = None
    archive_id: int | None = None
    url: str | None = None
    text: str = ""
    links: tuple[Link, ...] = ()
    categories: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    related: tuple[int, ...] = ()
    aliases: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    slug: str | None = None
    fields: tuple[tuple[str, str], ...] = ()
    listed: tuple[tuple[str, str], ...] = ()

    @property
    def title_only(self) -> bool:
        """True for a post known by its title (and date) only, without any text."""
        # (isspace stops at the first other character: no copy of a long text)
        return bool(self.title) and (not self.text or self.text.isspace())

    @property
    def year(self) -> int | None:
        """Year of :attr:`date`, or None when unknown."""
        from .dates import year_of

        return year_of(self.date)


@dataclass(frozen=True)
class FileReport:
    """What was read from one file.

    Attributes
    ----------
    path : str
        The file.
    format : str
        Layout recognised (``"listing-a"``, ``"listing-b"``, ``"kexue-page"``, ...) or
        ``"unreadable"``.
    posts : int
        Number of post sightings read from it.
    size : int
        Size in bytes.
    error : str or None
        Why the file could not be read, when it could not.
    site : tuple of (str, str)
        For a site's configuration file (``_config.yml``, ``hugo.toml``…): its base URL
        and permalink patterns (see :func:`graphkit.sites.read_site_config`); for a
        Nikola ``.meta`` file: the metadata it gives its post
        (:func:`graphkit.readers.frontmatter.read_sidecar`); for a book's table of
        contents, the files it lists; for a saved list page, while the folder is read,
        the paths it links (:func:`graphkit.readers.html.list_page_paths`).
    """

    path: str
    format: str
    posts: int
    size: int
    error: str | None = None
    site: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class ReadResult:
    """The outcome of the read step: merged posts and the reading report.

    Attributes
    ----------
    posts : tuple of Post
        One post per post, sorted by key.
    files : tuple of FileReport
        One entry per file looked at, in the order read.
    fragments : tuple of Fragment
        Every piece of input that is not part of a post, with the reason.
    sightings : int
        Number of post sightings before merging.
    fetches : tuple of graphkit.crawl.Fetch
        When a blog was read from its address: every request, with its status, bytes,
        seconds, whether it came from the cache and why it failed.
    discovery : tuple of str
        When a blog was read from its address: what each discovery step found.
    texts_cut : int or None
        None: each post's whole text. A number: texts were cut to their first that many
        characters once the graph was built (:meth:`cut_texts`; a batch run that
        writes its outputs and ends has no further use for them).
    """

    posts: tuple[Post, ...]
    files: tuple[FileReport, ...] = ()
    fragments: tuple[Fragment, ...] = ()
    sightings: int = 0
    fetches: tuple = ()
    discovery: tuple[str, ...] = ()
    texts_cut: int | None = None

    def cut_texts(self, chars: int) -> "ReadResult":
        """The same result with each post's text cut to its first ``chars`` characters
        (the start of its stripped text when those are all white space, so that
        :attr:`Post.title_only` does not change). At 100,000 synthetic posts (148 million
        characters) this frees about 300 MB once nothing else holds the whole texts.

        Raises
        ------
        ValueError
            When ``chars`` is not positive.
        """
        if chars < 1:
            raise ValueError(f"chars must be positive, not {chars}")

        def cut(p: Post) -> Post:
            if len(p.text) <= chars:
                return p
            text = p.text[:chars]
            if not text.strip():
                text = p.text.strip()[:chars]
            return replace(p, text=text)

        return replace(self, posts=tuple(cut(p) for p in self.posts),
                       texts_cut=chars if self.texts_cut is None else min(chars, self.texts_cut))

    def post(self, key: str) -> Post:
        """Return the post with node id ``key``; raise KeyError when absent."""
        for p in self.posts:
            if p.key == key:
                return p
        raise KeyError(key)
