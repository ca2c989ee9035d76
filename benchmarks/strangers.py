"""Blogs graphkit has never seen, made at random with their truth: the ``strangers`` benchmark.

Each blog is written by :func:`write_blog` into a folder, from a seed, as one generator
or note app lays out its sources (Jekyll, Hugo, Hexo, Pelican, Zola, Eleventy,
Docusaurus, MkDocs Material's blog, Quarto, Astro's content collections, an Obsidian
vault, a JSON Lines export, an RSS feed, a WordPress export) or as a hand-made theme
renders its pages (``html``: menus, sidebars, previous/next lines, related posts,
comments, tag and archive pages, an about page, dates written in several ways). Its
posts link each other
in the ways those generators document (``{% post_url %}``, ``{{< ref >}}``,
``{% post_link %}``, ``{filename}``, ``@/``, wikilinks, paths, absolute addresses,
reference definitions), inside paragraphs or on lines of their own, with anchors and
queries. Most blogs are also written with a free hand (a second random stream, so the
same posts and links): links in every form Markdown allows (reference, titled,
angle-bracketed, raw HTML, footnotes, autolinks) in lists, quotations and tables; links
shown as code, which cite nothing; titles with colons, quotes and ampersands; days
written with a time and an offset from UTC (the post's day is the one written).
Tags and categories are written in the ways each generator documents (a Hexo
category tree, a Jekyll string of words, Docusaurus' tags file and label objects, a
Pelican post's folder, an Obsidian note's ``#tags``), from a third random stream;
some posts are made the parts of a series (``X, Part 2``, ``X (2/5)``, ``X（二）``,
``X之三``, ``X 2: Sub``, or a ``series`` named in their metadata), from a fourth.
The truth is every such link, every post's title, day, tags and categories as its
generator reads them, and each part of a series with the part before it; graphkit is
measured against it by :func:`measure`. Nothing here is asserted: the figures are read
(``python benchmarks/run.py --only strangers``).

The corpus is one site; these blogs are how a stranger's blog may differ from it. The
rules they found wanting are in benchmarks/README.md (fifty-fourth session).
"""

from __future__ import annotations

import datetime as dt
import html
import json
import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

KINDS = ("jekyll", "hugo", "hexo", "pelican", "zola", "eleventy", "docusaurus", "mkdocs",
         "quarto", "astro", "obsidian", "jsonl", "feed", "wxr", "html")

_WORDS = ("graph model entropy sampling variance prior kernel gradient tensor matrix "
          "attention layer norm decoder encoder token vector loss batch optimizer spectral "
          "random walk flow cluster module signal noise diffusion score").split()
_ZH = ("模型 训练 矩阵 梯度 注意力 采样 变分 先验 核函数 张量 归一化 解码 编码 向量 损失 "
       "优化器 谱 随机游走 聚类 信号 噪声 扩散").split()
_HOSTS = ("https://blog.example.org", "https://www.jane.dev", "http://notes.example.com")
_TITLED = ("{}: a closer look", '"{}" revisited', "{} & what follows", "{} (with code)")
_TITLED_ZH = ("{}：笔记", "“{}”再探", "{}（附代码）", "{}——从零开始")
_CATS = ("research", "notes", "tutorials", "reading", "code", "Deep Learning", "随笔", "数学")
# how a series' parts are titled (its name, the part's number, a subtitle)
_SERIES_TITLES = ("{name}, Part {n}", "{name} (Part {n})", "{name}, Part {word}: {sub}",
                  "{name}: Part {n}", "{name} ({n}/{total})", "{name}, Part {roman}",
                  "{name} — Part {n}: {sub}", "{name} #{n}", "{name}, Episode {n}",
                  "{name} {n}: {sub}")
_SERIES_TITLES_ZH = ("{name}（{cn}）", "{name}：{n}、{sub}", "{name}（{n}）", "{name}之{cn}",
                     "{name} 第{cn}篇", "{name}（{cn}）：{sub}", "{name}[{n}]",
                     "{name}{n}：{sub}")
_SERIES_WORDS = ("One", "Two", "Three", "Four", "Five")
_SERIES_ROMAN = ("I", "II", "III", "IV", "V")
_SERIES_CN = "一二三四五"
# the kinds whose sources may name a post's series in its metadata instead
_SERIES_METADATA = ("jekyll", "hugo", "hexo", "pelican", "zola", "eleventy", "docusaurus",
                    "mkdocs", "quarto", "jsonl")


@dataclass(frozen=True)
class Blog:
    """A blog written by :func:`write_blog`: where, and its truth.

    Attributes
    ----------
    folder : Path
    kind : str
        One of :data:`KINDS`.
    cites : frozenset of (str, str)
        Every link between two posts, as (citing title, cited title).
    days : dict of str to str
        Each post's title to its day, ``YYYY-MM-DD``.
    host : str
        The address the blog is published at (``https://www.jane.dev``), which its
        absolute links name.
    tags : dict of str to tuple of str
        Each post's title to the tags its source gives or its page shows (none where
        the kind writes none: Astro's sources, a theme that shows no tags), as its
        generator reads them (a Jekyll string of words is one tag per word, a Hexo
        string one tag, a Docusaurus tag its label, an Obsidian note's ``#tags`` too).
    categories : dict of str to tuple of str
        Each post's title to its categories, as its generator reads them (a Hexo
        category tree's every name, a Pelican post's folder); none where the kind
        writes none.
    series : frozenset of (str, str)
        Each part of a series to the part before it, as (later title, earlier title).
    """

    folder: Path
    kind: str
    cites: frozenset
    days: dict
    host: str = ""
    tags: dict = field(default_factory=dict)
    categories: dict = field(default_factory=dict)
    series: frozenset = frozenset()


@dataclass(frozen=True)
class Measured:
    """What graphkit read of one :class:`Blog`.

    Attributes
    ----------
    found, wanted, false : int
        Citations between posts found, in the truth, and found but not in it.
    posts, extra : int
        Posts read, and those of them no post of the truth (a page read as a post).
    dated_right : int
        Posts of the truth read with their day.
    tagged_right : int
        Posts of the truth read with their tags, no other and none missing (up to case
        and order).
    categorized_right : int
        Posts of the truth read with their categories, in the same way.
    series_found, series_false : int
        Series edges (a part to the one before it) found in the truth, and found but
        not in it.
    """

    found: int
    wanted: int
    false: int
    posts: int
    extra: int
    dated_right: int
    tagged_right: int = 0
    categorized_right: int = 0
    series_found: int = 0
    series_false: int = 0


def _sentence(rng: random.Random, zh: bool) -> str:
    if zh:
        return "".join(rng.choice(_ZH) for _ in range(rng.randint(8, 16))) + "。"
    return " ".join(rng.choice(_WORDS) for _ in range(rng.randint(8, 16))).capitalize() + "."


def _decorated(rng: random.Random, href: str) -> str:
    """``href`` with what links carry in the wild: an anchor, a query, ``index.html``,
    no last slash, ``http`` for ``https``."""
    way = rng.choice(("anchor", "query", "index", "bare", "http"))
    if way == "anchor":
        return href + "#section-2"
    if way == "query":
        return href + "?utm_source=feed"
    if way == "index" and href.endswith("/"):
        return href + "index.html"
    if way == "bare" and href.endswith("/") and len(href) > 1:
        return href[:-1]
    if way == "http" and href.startswith("https://"):
        return "http://" + href[len("https://"):]
    return href


def write_blog(kind: str, seed: int, folder: Path) -> Blog:
    """Write a random blog of ``kind`` into ``folder`` (replaced), from ``seed``.

    Parameters
    ----------
    kind : str
        One of :data:`KINDS`.
    seed : int
        The same seed writes the same blog.
    folder : Path

    Returns
    -------
    Blog

    Raises
    ------
    ValueError
        For a kind not in :data:`KINDS`.
    """
    if kind not in KINDS:
        raise ValueError(f"no such kind of blog: {kind!r} (one of {', '.join(KINDS)})")
    rng = random.Random(f"{kind}:{seed}")
    style = random.Random(f"{kind}:{seed}:style")   # how it is written, not what it says
    wild = style.random() < 0.6
    zh = rng.random() < 0.5
    host = rng.choice(_HOSTS)
    posts = []
    for i in range(rng.randint(6, 16)):
        day = dt.date(2016, 1, 1) + dt.timedelta(days=rng.randint(0, 3000))
        title = (" ".join(rng.choice(_ZH) for _ in range(3)) if zh else
                 " ".join(rng.choice(_WORDS) for _ in range(3)).title()) + f" {i}"
        if wild and kind != "obsidian" and style.random() < 0.4:
            title = style.choice(_TITLED_ZH if zh else _TITLED).format(title)
        posts.append({"i": i, "day": day, "slug": f"{rng.choice(_WORDS)}-{rng.choice(_WORDS)}-{i}",
                      "title": title, "tags": rng.sample(_WORDS, 2),
                      "written": _written_day(style, kind, day) if wild else str(day)})
    posts.sort(key=lambda p: p["day"])
    series = _series(random.Random(f"{kind}:{seed}:series"), kind, zh, posts)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    # how its tags and categories are written (a stream of its own, so that the posts,
    # links and days are those of the seed)
    terms = random.Random(f"{kind}:{seed}:terms")
    if kind == "html":
        cites, tagged = _html_site(rng, zh, host, posts, folder, style if wild else None)
        for p in posts:                 # (_html_site sets the categories it shows)
            p["shown"] = tuple(p["tags"]) if tagged else ()
    else:
        cites = _sources(kind, rng, zh, host, posts, folder, style if wild else None,
                         terms=terms)
    return Blog(folder=folder, kind=kind, cites=frozenset(cites),
                days={p["title"]: p["day"].isoformat() for p in posts}, host=host,
                tags={p["title"]: p["shown"] for p in posts},
                categories={p["title"]: p["cats"] for p in posts}, series=frozenset(series))


def _series(srng: random.Random, kind: str, zh: bool, posts: list) -> list:
    """Make some of ``posts`` (sorted by day) the parts of a series, in day order: each
    retitled as its part (``X, Part 2``, ``X（二）``, the first part perhaps ``X``
    alone), or, where the kind's sources have metadata, named in it (``"series"``,
    their titles as they were). Returns the truth: (later title, earlier title) of
    each part and the one before it. Drawn from ``srng`` alone, so that the blog's
    other draws are as they were."""
    if srng.random() < 0.4 or len(posts) < 4:
        return []
    members = sorted(srng.sample(range(len(posts)), srng.randint(2, min(5, len(posts) // 2))))
    name = (" ".join(srng.sample(_ZH, 2)) + "笔记" if zh
            else " ".join(srng.sample(_WORDS, 2)).title() + " Notes")
    if kind in _SERIES_METADATA and srng.random() < 0.3:
        for k in members:
            posts[k]["series"] = name
    else:
        forms = _SERIES_TITLES_ZH if zh else _SERIES_TITLES
        if kind == "obsidian":       # (a note's name is its file's: no / # : [ in it)
            forms = tuple(f for f in forms if not any(c in f for c in "/#:：["))
        form = srng.choice(forms)
        plain_first = srng.random() < 0.3
        for n, k in enumerate(members, start=1):
            sub = " ".join(srng.sample(_ZH if zh else _WORDS, 2))
            posts[k]["title"] = name if n == 1 and plain_first else form.format(
                name=name, n=n, word=_SERIES_WORDS[n - 1], cn=_SERIES_CN[n - 1],
                roman=_SERIES_ROMAN[n - 1], total=len(members),
                sub=sub if zh else sub.title())
    return [(posts[b]["title"], posts[a]["title"]) for a, b in zip(members, members[1:])]


def _yaml_list(terms: random.Random, key: str, names) -> str:
    """``key`` with ``names`` as a YAML flow or block list."""
    if terms.random() < 0.5:
        return f"{key}: [{', '.join(names)}]\n"
    return f"{key}:\n" + "".join(f"  - {n}\n" for n in names)


def _written_terms(terms: random.Random, kind: str, p: dict) -> tuple[str, tuple, tuple]:
    """How the source of post ``p`` writes its tags and categories, in one of the ways
    its generator documents, and the tags and categories that generator reads from it:
    ``(front matter lines, tags, categories)``. The lines are YAML but for Pelican's
    and Zola's; for the exports (``jsonl``, ``feed``, ``wxr``) they are empty and the
    post's ``"wtags"`` and ``"wcats"`` say what its row or item holds."""
    tags = list(p["tags"])
    cats = terms.sample(_CATS, terms.choice((0, 1, 1, 2)))
    form = terms.random()
    if kind == "jekyll":        # (one category: the addresses of its permalinks name it)
        cats = [p["cat"]]
        line = ("tags: " + " ".join(tags) + "\n" if form < 0.3     # words: a tag each
                else _yaml_list(terms, "tags", tags))
        line += terms.choice((f"categories: {p['cat']}\n", f"category: {p['cat']}\n",
                              f"categories: [{p['cat']}]\n"))
        return line, tuple(tags), tuple(cats)
    if kind == "hexo":
        if form < 0.25:                    # a string: one tag
            tags = tags[:1]
            line = f"tags: {tags[0]}\n"
        else:
            line = _yaml_list(terms, "tags", tags)
        tree = terms.choice(("none", "one", "path", "paths"))
        if tree == "one" and cats:
            line += f"categories: {cats[0]}\n"
            cats = cats[:1]
        elif tree == "path" and cats:      # a path down the category tree: each name
            line += f"categories: [{', '.join(cats)}]\n"
        elif tree == "paths" and cats:     # several paths: [[a, b], [c]]
            more = terms.sample([c for c in _CATS if c not in cats], 1)
            line += "categories:\n" + f"- [{', '.join(cats)}]\n" + f"- [{more[0]}]\n"
            cats = cats + more
        else:
            cats = []
        return line, tuple(tags), tuple(cats)
    if kind == "eleventy":
        if form < 0.25:
            tags = tags[:1]
            return f"tags: {tags[0]}\n", tuple(tags), ()
        return _yaml_list(terms, "tags", tags), tuple(tags), ()
    if kind == "docusaurus":      # a string, or an object of its label and page
        shown, lines = [], []
        for t in tags:
            if terms.random() < 0.4:
                label = f"{t.title()} Notes"
                lines.append(f"  - label: {label}\n    permalink: /{t}-notes\n")
                shown.append(label)
            else:
                lines.append(f"  - {t}\n")
                shown.append((p["labels"][t] or t.capitalize()) if t in p["labels"] else t)
        return "tags:\n" + "".join(lines), tuple(shown), ()
    if kind == "obsidian":        # in the properties, in the text (#tag), or both
        inline = [t for t in tags if terms.random() < 0.4]
        listed = [t for t in tags if t not in inline]
        p["inline"] = inline
        return (_yaml_list(terms, "tags", listed) if listed else ""), tuple(tags), ()
    if kind == "pelican":
        sep = "; " if form < 0.3 else ", "
        line = f"Tags: {sep.join(tags)}\n"
        if cats and (not p.get("folder") or terms.random() < 0.3):   # (over the folder)
            cats = cats[:1]
            line += f"Category: {cats[0]}\n"
        else:                    # the folder it is in, else Pelican's DEFAULT_CATEGORY
            cats = [p.get("folder") or "misc"]
        return line, tuple(tags), tuple(cats)
    if kind == "zola":
        line = f"tags = {json.dumps(tags)}\n"
        if cats:
            line += f"categories = {json.dumps(cats, ensure_ascii=False)}\n"
        return line, tuple(tags), tuple(cats)
    if kind in ("jsonl", "feed", "wxr"):
        if kind == "feed" and form < 0.3:
            tags, cats = [], []
        p["wtags"], p["wcats"] = tags, cats
        if kind == "feed":           # an RSS item's categories: its terms, unsorted
            return "", tuple(tags + cats), ()
        return "", tuple(tags), tuple(cats)
    if kind == "astro":
        return "", (), ()
    line = _yaml_list(terms, "tags", tags)        # Hugo, MkDocs, Quarto
    if kind == "mkdocs" and not cats:
        cats = ["ml"]
    if cats:
        line += _yaml_list(terms, "categories", cats)
    return line, tuple(tags), tuple(cats)


def _written_day(style: random.Random, kind: str, day: dt.date) -> str:
    """``day`` as front matter may write it: with a time and an offset from UTC. The
    post's day is the one written, whatever the offset makes of it in UTC."""
    hour = style.choice((9, 14, 20, 23))
    if kind == "pelican":
        return f"{day} {hour:02d}:05"
    return style.choice((str(day), f"{day}T{hour:02d}:05:00+08:00",
                         f"{day}T{hour:02d}:05:00-05:00", f"{day}T{hour:02d}:05:00Z")
                        # (Ruby's, Go's and Moment's own forms; not YAML's timestamps)
                        + ((f"{day} {hour:02d}:05:00 +0800",)
                           if kind in ("jekyll", "hugo", "hexo") else ())
                        + ((f"{day} {hour:02d}:05",) if kind in ("jekyll", "hexo") else ()))


def _quoted(text: str) -> str:
    """``text`` as a double-quoted YAML (or TOML) string."""
    return json.dumps(text, ensure_ascii=False)


def _markdown_link(style: random.Random, text: str, href: str, n: int) -> tuple[str, str]:
    """A Markdown link as authors write it, and the line it needs at the post's end."""
    way = style.choice(("inline", "titled", "reference", "angle", "html", "footnote",
                        "auto"))
    if way == "titled":
        return '[{}]({} "{}")'.format(text, href, text.replace('"', '\\"')), ""
    if way == "reference":
        return f"[{text}][ref-{n}]", f"[ref-{n}]: {href}"
    if way == "angle" and " " not in href:
        return f"[{text}](<{href}>)", ""
    if way == "html":       # (a generator's shortcode is written as it is, inside quotes)
        quoted = f"'{href}'" if '"' in href else f'"{html.escape(href)}"'
        return f'<a href={quoted} class="internal">{html.escape(text)}</a>', ""
    if way == "footnote":
        return f"[^{n}]", f"[^{n}]: {'见' if text == '前文' else 'See'} [{text}]({href})."
    if way == "auto" and href.startswith("http") and "?" not in href:
        return f"<{href}>", ""
    return f"[{text}]({href})", ""


def _placed(style, as_html: bool, said: str, more: str) -> str:
    """A sentence that links, placed as the author placed it: in a paragraph, a list, a
    quotation or (Markdown) a table."""
    where = style.choice(("paragraph", "list", "quote", "table")) if style else "paragraph"
    if where == "list":
        return (f"<ul><li>{said}</li><li>{more}</li></ul>" if as_html
                else f"- {said}\n- {more}")
    if where == "quote":
        return f"<blockquote><p>{said}</p></blockquote>" if as_html else f"> {said}\n> {more}"
    if where == "table" and not as_html:
        return f"| note | more |\n|---|---|\n| {said} | {more} |"
    return f"{said} {more}"


def _shown_as_code(style, kind, p, uncited, hrefs, url) -> list:
    """Links an author shows as code (how to write one), which cite nothing."""
    if not uncited:
        return []
    q = style.choice(uncited)
    if kind in ("feed", "wxr"):
        return [f"<pre><code>&lt;a href=\"{url(q)}\"&gt;{html.escape(q['title'])}&lt;/a&gt;"
                "</code></pre>", f"The address <code>{url(q)}</code> is where it lives."]
    if kind == "obsidian":
        return [f"Write `[[{q['title']}]]` to link a note.",
                f"```markdown\nSee [[{q['title']}]]\n```"]
    paths = [h for h in hrefs(q) if h and h.startswith(("/", "http", "."))] or [url(q) or "/"]
    href = style.choice(paths)
    return [f"A link is written `[{q['title']}]({href})` in Markdown.",
            f"```markdown\nSee [the post]({href}).\n```"]


def _no_post_linked(style, kind, host, p, url) -> str:
    """A sentence linking what is no post: a tag's page, a figure, a file, another site,
    a place in the same post, the post itself, the about page, a draft."""
    at = host if kind in ("feed", "wxr", "jsonl") else ""
    href = style.choice((f"{at}/tags/{p['tags'][0]}/", f"{at}/images/{p['slug']}.png",
                         f"{at}/files/{p['slug']}.pdf", "https://arxiv.org/abs/1706.03762",
                         "#details", url(p) or "#", f"{at}/about/", f"{at}/drafts/unfinished/"))
    if kind in ("feed", "wxr"):
        if href.endswith(".png"):
            return f"<figure><img src='{href}' alt='figure'></figure>"
        return f"Also: <a href='{href}'>{html.escape(href)}</a>."
    if href.endswith(".png"):
        return f"![figure]({href})"
    return f"Also [this]({href}), for the curious."


_UNPUBLISHED = {      # where each kind keeps a page of the site, and how it marks a draft
    "jekyll": ("about.md", "---\nlayout: page\ntitle: About\npermalink: /about/\n---\n",
               "_drafts/unfinished.md", "---\ntitle: Unfinished\n---\n"),
    "hugo": ("content/about.md", "---\ntitle: About\n---\n",
             "content/posts/unfinished.md", "---\ntitle: Unfinished\ndraft: true\n"
                                            "date: 2024-01-01\n---\n"),
    "hexo": ("source/about/index.md", "---\ntitle: about\ndate: 2020-01-01\n---\n",
             "source/_drafts/unfinished.md", "---\ntitle: Unfinished\n---\n"),
    "pelican": ("content/pages/about.md", "Title: About\n\n",
                "content/unfinished.md", "Title: Unfinished\nDate: 2024-01-01\n"
                                         "Status: draft\n\n"),
    "zola": ("content/about.md", '+++\ntitle = "About"\n+++\n',
             "content/posts/unfinished.md", '+++\ntitle = "Unfinished"\ndate = 2024-01-01\n'
                                            "draft = true\n+++\n"),
    "docusaurus": ("src/pages/about.md", "---\ntitle: About\n---\n",
                   "blog/2024-01-01-unfinished.md", "---\ntitle: Unfinished\ndraft: true\n---\n"),
    "mkdocs": ("docs/about.md", "# About\n\n",
               "docs/blog/posts/unfinished.md", "---\ndate: 2024-01-01\ndraft: true\n---\n\n"
                                                "# Unfinished\n\n"),
    "quarto": ("about.qmd", "---\ntitle: About\n---\n",
               "posts/unfinished/index.qmd", "---\ntitle: Unfinished\ndate: 2024-01-01\n"
                                             "draft: true\n---\n"),
    "eleventy": ("about.md", "---\nlayout: page.njk\ntitle: About\npermalink: /about/\n---\n",
                 None, None),
    "astro": ("src/pages/about.md", "---\nlayout: ../layouts/Page.astro\ntitle: About\n---\n",
              None, None),
}


def _unpublished(style, kind, zh, posts, write, rows) -> None:
    """What a blog's sources hold beside its posts: an about page and a draft, each
    linking a post (no citation: neither is a post)."""
    q = style.choice(posts)
    said = f"{_sentence(style, zh)} Start with [{q['title']}](/{q['slug']}/)."
    if kind == "wxr":
        for title, status, kind_of in (("About", "publish", "page"),
                                       ("Unfinished", "draft", "post")):
            rows.append(({"i": 90 + len(rows), "title": title, "day": q["day"], "slug":
                          title.lower(), "status": status, "type": kind_of, "written": ""},
                         f"<p>{_sentence(style, zh)}</p>"))
        return
    if kind not in _UNPUBLISHED:
        return
    page, head, draft, draft_head = _UNPUBLISHED[kind]
    write(page, head + said + "\n")
    if draft and style.random() < 0.7:
        write(draft, draft_head + said + "\n")


def _toml_day(written: str) -> str:
    """A written day as an RFC 3339 date or date-time (TOML's, HTML's ``datetime``)."""
    if " " not in written:
        return written
    clock = written.replace(" +0800", "+08:00").replace(" ", "T", 1)
    return clock + ":00" if len(clock) == 16 else clock


def _rfc822(p: dict) -> str:
    """The post's day and written time as a feed's ``pubDate``."""
    w, d = p["written"], p["day"]
    clock = w[11:16] + ":00" if len(w) > 10 else "08:00:00"
    zone = "-0500" if w.endswith("-05:00") else "+0800" if "+08" in w else "+0000"
    return f"{d.strftime('%a, %d %b %Y')} {clock} {zone}"


def _sources(kind, rng, zh, host, posts, folder: Path, style=None, *, terms) -> set:
    """A generator's or note app's sources: a configuration, one file per post.

    With ``style``, links are written in every form Markdown allows (reference, titled,
    angle-bracketed, raw HTML, footnotes, autolinks), in lists, quotations and tables,
    and links shown as code (which cite nothing) are added. ``terms`` draws how tags
    and categories are written (:func:`_written_terms`), and sets each post's
    ``"shown"`` tags and ``"cats"``."""
    has_host = rng.random() < 0.7
    base = rng.choice(("", "", "/blog")) if kind in ("jekyll", "hugo") else ""

    def write(rel: str, text: str) -> None:
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    site = host + base
    if kind == "jekyll":
        perm = rng.choice(("date", "pretty", "/:categories/:title/", "/posts/:title/",
                           "/:year/:title.html"))
        for p in posts:
            p["cat"] = rng.choice(("ml", "math", "notes"))
        write("_config.yml", (f'url: "{host}"\nbaseurl: "{base}"\n' if has_host else "")
              + f"title: Stranger\npermalink: {perm}\n")

        def url(p):
            d = p["day"]
            ymd = f"{d.year}/{d.month:02d}/{d.day:02d}"
            return {"date": f"/{p['cat']}/{ymd}/{p['slug']}.html",
                    "pretty": f"/{p['cat']}/{ymd}/{p['slug']}/",
                    "/:categories/:title/": f"/{p['cat']}/{p['slug']}/",
                    "/posts/:title/": f"/posts/{p['slug']}/",
                    "/:year/:title.html": f"/{d.year}/{p['slug']}.html"}[perm]

        def hrefs(q):
            named = f"{q['day']}-{q['slug']}"
            return ["{%% post_url %s %%}" % named, "{{ site.baseurl }}" + url(q), base + url(q),
                    f"{named}.md"] + ([site + url(q)] if has_host else [])
    elif kind == "hugo":
        section = rng.choice(("posts", "post", "blog"))
        bundles = rng.random() < 0.4
        perm = rng.choice((None, "/:year/:month/:slug/", "/p/:slug/"))
        write("hugo.toml", (f'baseURL = "{site}/"\n' if has_host else "") + 'title = "Stranger"\n'
              + (f'[permalinks]\n  {section} = "{perm}"\n' if perm else ""))

        def url(p):
            if perm == "/:year/:month/:slug/":
                return f"/{p['day'].year}/{p['day'].month:02d}/{p['slug']}/"
            return f"/p/{p['slug']}/" if perm else f"/{section}/{p['slug']}/"

        def hrefs(q):
            target = q["slug"] if bundles else q["slug"] + ".md"
            return ['{{< ref "%s" >}}' % target, '{{< relref "%s" >}}' % target, base + url(q),
                    f"../{q['slug']}/" if bundles else f"{q['slug']}.md"] + (
                        [site + url(q)] if has_host else [])
    elif kind == "hexo":
        perm = rng.choice((":year/:month/:day/:title/", ":title.html", "posts/:title/"))
        write("_config.yml",
              (f"url: {host}\n" if has_host else "") + f"title: S\npermalink: {perm}\n")

        def url(p):
            d = p["day"]
            return "/" + (perm.replace(":year", str(d.year)).replace(":month", f"{d.month:02d}")
                          .replace(":day", f"{d.day:02d}").replace(":title", p["slug"]))

        def hrefs(q):
            return [None, url(q)] + ([host + url(q)] if has_host else [])
    elif kind == "pelican":
        write("pelicanconf.py", f"SITENAME = 'S'\nSITEURL = '{host if has_host else ''}'\n")
        folders = terms.random() < 0.4       # posts in folders: each its category
        for p in posts:
            p["folder"] = terms.choice(_CATS[:5]) if folders and terms.random() < 0.7 else ""

        def url(p):
            return f"/{p['slug']}.html"

        def hrefs(q):
            at = f"{q['folder']}/{q['slug']}.md" if q["folder"] else f"{q['slug']}.md"
            return ["{filename}/" + at, "{filename}" + q["slug"] + ".md" if not folders
                    else "{filename}/" + at, url(q)]
    elif kind == "zola":
        write("config.toml", f'base_url = "{host}"\ntitle = "S"\n')

        def url(p):
            return f"/posts/{p['slug']}/"

        def hrefs(q):
            return [f"@/posts/{q['slug']}.md", url(q), host + url(q)]
    elif kind == "eleventy":
        write("package.json", '{"name": "b", "devDependencies": {"@11ty/eleventy": "^2.0.0"}}\n')

        def url(p):
            return f"/posts/{p['slug']}/"

        def hrefs(q):
            return [url(q), f"../{q['slug']}/", f"./{q['slug']}.md"]
    elif kind == "docusaurus":
        write("docusaurus.config.js", f"module.exports = {{ title: 'S', url: '{host}', "
                                      "baseUrl: '/' };\n")
        labels = {}                # the blog's tags file: a key's label (None: the key's)
        if terms.random() < 0.4:
            labels = {t: terms.choice((f"{t.title()} Topic", None))
                      for t in sorted({t for p in posts for t in p["tags"]})}
            write("blog/tags.yml", "".join(f"{t}:\n  label: {label}\n  permalink: /{t}\n"
                                           if label else f"{t}:\n"
                                           for t, label in labels.items()))
        for p in posts:
            p["labels"] = labels

        def url(p):
            return f"/blog/{p['slug']}"

        def hrefs(q):
            return [f"./{q['day']}-{q['slug']}.md", url(q)]
    elif kind == "obsidian":
        write(".obsidian/app.json", "{}\n")

        def url(p):
            return ""

        def hrefs(q):
            return [f"[[{q['title']}]]", f"[[{q['title']}|that note]]",
                    f"[[{q['title']}#Details]]", quote(q["title"]) + ".md"]
    elif kind == "mkdocs":
        write("mkdocs.yml", f"site_name: S\nsite_url: {host}/\ntheme:\n  name: material\n"
                            "plugins:\n  - blog\n")
        write("docs/index.md", "# Welcome\n\nThe site's home page.\n")
        write("docs/blog/index.md", "# Blog\n")

        def url(p):
            d = p["day"]
            return f"/blog/{d.year}/{d.month:02d}/{d.day:02d}/{p['slug']}/"

        def hrefs(q):
            return [f"{q['slug']}.md", f"../posts/{q['slug']}.md", url(q), host + url(q)]
    elif kind == "quarto":
        write("_quarto.yml", f"project:\n  type: website\nwebsite:\n  title: S\n"
                             f"  site-url: {host}\n")
        write("index.qmd", "---\ntitle: S\nlisting:\n  contents: posts\n---\n")

        def url(p):
            return f"/posts/{p['slug']}/"

        def hrefs(q):
            return [f"../{q['slug']}/index.qmd", url(q), f"../{q['slug']}/"]
    elif kind == "astro":
        write("astro.config.mjs", "import { defineConfig } from 'astro/config';\n"
                                  f"export default defineConfig({{ site: '{host}' }});\n")
        write("package.json", '{"name": "b", "dependencies": {"astro": "^5.0.0"}}\n')

        def url(p):
            return f"/blog/{p['slug']}/"

        def hrefs(q):
            return [url(q), host + url(q), f"../{q['slug']}/"]
    elif kind == "wxr":
        def url(p):
            return f"{host}/{p['day'].year}/{p['day'].month:02d}/{p['slug']}/"

        def hrefs(q):
            return [url(q), f"{host}/?p={100 + q['i']}"]
    else:                                            # jsonl, feed
        def url(p):
            return f"{host}/{p['day'].year}/{p['slug']}/"

        def hrefs(q):
            return [url(q), f"/{q['day'].year}/{q['slug']}/" if kind == "jsonl" else url(q)]

    cites, rows = set(), []
    alone = rng.random() < 0.3          # this author writes "See also" lines of their own
    alone_to: dict[int, int] = {}       # (few to one post: an identical line is a footer)
    for p in posts:
        paragraphs = [_sentence(rng, zh) + " " + _sentence(rng, zh) for _ in range(3)]
        others = [q for q in posts if q is not p]
        ends = []
        for q in rng.sample(others, rng.randint(0, min(3, len(others)))):
            href = rng.choice(hrefs(q))
            text = rng.choice((q["title"], "this post", "前文" if zh else "earlier"))
            if href is None:                                     # Hexo's tag
                link = rng.choice(("{%% post_link %s %%}" % q["slug"],
                                   "{%% post_link %s '%s' %%}" % (q["slug"], q["title"])))
            elif href.startswith("[["):
                link = href
            else:
                if href.startswith(("/", "http")) and "?" not in href and rng.random() < 0.3:
                    href = _decorated(rng, href)
                link = (f"<a href='{href}'>{html.escape(text)}</a>" if kind in ("feed", "wxr")
                        else f"[{text}]({href})")
                if style and kind in ("feed", "wxr"):
                    link = style.choice((link, f'<a rel="noopener" target="_blank" href="'
                                               f'{html.escape(href)}">{html.escape(text)}</a>',
                                         f"<strong><a href='{href}'>{html.escape(text)}</a>"
                                         "</strong>"))
                elif style and style.random() < 0.6:
                    link, end = _markdown_link(style, text, href, len(ends) + 1)
                    ends += [end] if end else []
            if (alone and link.startswith(("[", "<a")) and not link.startswith("[^")
                    and alone_to.get(q["i"], 0) < 3 and rng.random() < 0.7):
                alone_to[q["i"]] = alone_to.get(q["i"], 0) + 1
                label = "相关阅读" if zh else "See also"
                titled = link.replace(f"[{text}]", "[" + q["title"] + "]").replace(
                    f">{html.escape(text)}<", f">{html.escape(q['title'])}<")
                paragraphs.append(f"{label}: {titled}")
            else:
                mark = "。" if zh else "."
                said = f"{_sentence(rng, zh)} {'参见' if zh else 'See'} {link}{mark}"
                paragraphs.append(_placed(style, kind in ("feed", "wxr"), said,
                                          _sentence(rng, zh)))
            cites.add((p["title"], q["title"]))
        if style and style.random() < 0.4:
            paragraphs += _shown_as_code(style, kind, p, [
                q for q in others if (p["title"], q["title"]) not in cites], hrefs, url)
        if style and style.random() < 0.6:
            paragraphs.append(_no_post_linked(style, kind, host, p, url))
        paragraphs.append(_sentence(rng, zh))
        paragraphs += ends        # (each its own block: a footnote takes in the next line)
        lines, p["shown"], p["cats"] = _written_terms(terms, kind, p)
        if kind in ("feed", "wxr"):
            rows.append((p, "".join(x if x.startswith(("<ul>", "<blockquote>", "<pre>"))
                                    else f"<p>{x}</p>" for x in paragraphs)))
            continue
        if p.get("inline"):                   # an Obsidian note's #tags in its text
            paragraphs.append(" ".join(f"#{t}" for t in p["inline"]))
        body = "\n\n".join(paragraphs) + "\n"
        if p.get("series"):       # the series its metadata names (Pelican's, Zola's own)
            lines += {"pelican": f"Series: {p['series']}\n",
                      "zola": f"series = {json.dumps([p['series']], ensure_ascii=False)}\n"
                      }.get(kind, f"series: {_quoted(p['series'])}\n")
        front = f'---\ntitle: {_quoted(p["title"])}\ndate: {p["written"]}\n' + lines
        if kind == "jekyll":
            write(f"_posts/{p['day']}-{p['slug']}.md", front + "---\n" + body)
        elif kind == "hugo":
            text = front + (f"slug: {p['slug']}\n" if perm else "") + "---\n" + body
            write(f"content/{section}/{p['slug']}/index.md" if bundles
                  else f"content/{section}/{p['slug']}.md", text)
        elif kind == "hexo":
            write(f"source/_posts/{p['slug']}.md", front + "---\n" + body)
        elif kind == "pelican":
            at = f"{p['folder']}/{p['slug']}.md" if p["folder"] else f"{p['slug']}.md"
            write(f"content/{at}", f"Title: {p['title']}\nDate: {p['written']}\n"
                  + lines + f"Slug: {p['slug']}\n\n" + body)
        elif kind == "zola":
            write(f"content/posts/{p['slug']}.md", f'+++\ntitle = {_quoted(p["title"])}\n'
                  f"date = {_toml_day(p['written'])}\n[taxonomies]\n" + lines + "+++\n"
                  + body)
        elif kind == "eleventy":
            write(f"posts/{p['slug']}.md", front + "---\n" + body)
        elif kind == "docusaurus":
            write(f"blog/{p['day']}-{p['slug']}.md", front + f"slug: {p['slug']}\n---\n" + body)
        elif kind == "mkdocs":
            write(f"docs/blog/posts/{p['slug']}.md", front + f"slug: {p['slug']}\n---\n\n"
                  f"# {p['title']}\n\n" + body)
        elif kind == "quarto":
            write(f"posts/{p['slug']}/index.qmd", front + "---\n" + body)
        elif kind == "astro":
            write(f"src/content/blog/{p['slug']}.md", f'---\ntitle: {_quoted(p["title"])}\n'
                  f"pubDate: '{p['day'].strftime('%b %d %Y')}'\ndescription: x\n---\n" + body)
        elif kind == "obsidian":           # properties and no title: named by the file
            write(f"notes/{p['title']}.md", f"---\n{lines}date: {p['written']}\n---\n"
                  + body)
        else:
            row = {"title": p["title"], "url": url(p), "date": p["written"],
                   "tags": p["wtags"] if terms.random() < 0.6 else ", ".join(p["wtags"])}
            if len(p["wcats"]) == 1 and terms.random() < 0.5:
                row["category"] = p["wcats"][0]
            elif p["wcats"]:
                row["categories"] = p["wcats"]
            if p.get("series"):
                row["series"] = p["series"]
            rows.append({**row, "content": body})
    if style:
        _unpublished(style, kind, zh, posts, write, rows)
    if kind == "jsonl":
        write("posts.jsonl", "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    elif kind == "feed":
        items = "".join(
            f"<item><title>{html.escape(p['title'])}</title><link>{url(p)}</link>"
            f"<guid>{url(p)}</guid><pubDate>{_rfc822(p)}</pubDate>"
            + "".join(f"<category>{html.escape(t)}</category>"
                      for t in (*p["wtags"], *p["wcats"])) +
            f"<content:encoded><![CDATA[{body}]]></content:encoded></item>"
            for p, body in rows)
        write("feed.xml", "<?xml version='1.0' encoding='UTF-8'?><rss version='2.0' "
                          "xmlns:content='http://purl.org/rss/1.0/modules/content/'><channel>"
                          f"<title>S</title><link>{host}/</link>{items}</channel></rss>")
    elif kind == "wxr":
        items = "".join(
            f"<item><title>{html.escape(p['title'])}</title><link>{url(p)}</link><guid "
            f"isPermaLink='false'>{host}/?p={100 + p['i']}</guid><wp:post_id>{100 + p['i']}"
            f"</wp:post_id><wp:post_date>{p['day']} 08:00:00</wp:post_date><wp:post_name>"
            f"{p['slug']}</wp:post_name><wp:status>{p.get('status', 'publish')}</wp:status>"
            f"<wp:post_type>{p.get('type', 'post')}</wp:post_type>"
            + "".join(f"<category domain='{domain}' nicename='{t.lower().replace(' ', '-')}'>"
                      f"<![CDATA[{t}]]></category>" for domain, names in (
                          ("category", p.get("wcats", ())), ("post_tag", p.get("wtags", ())))
                      for t in names) +
            f"<content:encoded><![CDATA[{body}]]></content:encoded></item>"
            for p, body in rows)
        write("export.xml", "<?xml version='1.0' encoding='UTF-8'?><rss version='2.0' "
                            "xmlns:content='http://purl.org/rss/1.0/modules/content/' "
                            "xmlns:wp='http://wordpress.org/export/1.2/'><channel><title>S</title>"
                            f"<link>{host}</link><wp:wxr_version>1.2</wp:wxr_version>"
                            f"<wp:base_site_url>{host}</wp:base_site_url>{items}</channel></rss>")
    return cites


def _html_site(rng, zh, host, posts, folder: Path, style=None) -> tuple[set, bool]:
    """A site as a hand-made theme renders it, the theme's choices drawn at random; its
    citations, and whether its pages show their posts' tags (in the meta line or the
    post's footer, as plain links, ``rel="tag"``, ``# tag`` or a list). Each post's
    ``"cats"`` are set to the categories its page shows (a "Posted in" line, links
    ``rel="category"``, or a path down a category tree, ``a ► b``), if any.

    With ``style``, links carry other attributes and sit in lists and quotations, a
    post may show a link as code, and times carry an offset from UTC."""
    canonical = rng.random() < 0.6
    pretty = rng.random() < 0.5
    top = rng.choice(("posts", "blog", "p", ""))
    theme = {"sidebar": rng.random() < 0.5,
             "nav": rng.choice(("nav", "div-class", "p-plain", "arrows", "words", "none")),
             "related": rng.choice(("none", "aside", "div-h3", "section-class")),
             "comments": rng.random() < 0.4, "tags": rng.random() < 0.6,
             "wrapper": rng.choice(("article", "div.post", "main", "div.entry-content")),
             "title": rng.choice(("h1", "banner-h1", "title-only")),
             "date": rng.choice(("time", "text-en", "text-zh", "meta", "span-class"))}
    esc = html.escape
    # how the theme shows a post's tags, and whether its sidebar lists every tag (drawn
    # apart, so that the blog's other draws stay as they were)
    look = random.Random(f"{host}:{posts[0]['slug']}:tags")
    tag_look = {"links": look.choice(("plain", "rel", "hash", "list")),
                "place": look.choice(("meta", "footer")), "sidebar": look.random() < 0.6,
                "sidebar_rel": look.random() < 0.5}
    # and its categories, from a stream of their own too
    kinds = random.Random(f"{host}:{posts[0]['slug']}:categories")
    cat_look = {"shown": kinds.random() < 0.6,
                "links": kinds.choice(("posted", "rel", "tree")),
                "sidebar": kinds.random() < 0.6, "pages": kinds.random() < 0.7}
    for p in posts:
        p["cats"] = tuple(kinds.sample(_CATS, kinds.choice((0, 1, 1, 2)))) \
            if cat_look["shown"] else ()

    def cat_path(names) -> str:
        return "/categories/" + "".join(quote(c.replace(" ", "-")) + "/" for c in names) \
            if cat_look["links"] == "tree" else f"/category/{quote(names[-1].replace(' ', '-'))}/"

    def url(p):
        at = f"/{top}" if top else ""
        return f"{at}/{p['slug']}/" if pretty else f"{at}/{p['slug']}.html"

    def page(title, inner, head=""):
        banner = ("<h1>Stranger</h1>" if theme["title"] == "banner-h1"
                  else "<a href='/'>Stranger</a>")
        return (f"<!doctype html><html><head><meta charset='utf-8'><title>{esc(title)} - "
                f"Stranger</title>{head}</head><body><header>{banner} <nav><a href='/'>Home</a> "
                f"<a href='/about/'>About</a></nav></header>{inner}<footer>© 2024 Stranger. "
                "</footer></body></html>")

    def write(path: str, text: str) -> None:
        target = folder / (path + "index.html" if path.endswith("/") else path).lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")

    cites = set()
    recent = posts[-5:]
    for k, p in enumerate(posts):
        others = [q for q in posts if q is not p]
        paragraphs = [f"<p>{_sentence(rng, zh)} {_sentence(rng, zh)}</p>" for _ in range(3)]
        for q in rng.sample(others, rng.randint(0, min(3, len(others)))):
            href = rng.choice((url(q), host + url(q)))
            text = rng.choice((q["title"], "this post", "前文" if zh else "earlier"))
            link = f"<a href='{href}'>{esc(text)}</a>"
            if style:
                link = style.choice((link, f'<a class="link" title="{esc(q["title"])}" '
                                           f'href="{esc(href)}" rel="bookmark">{esc(text)}</a>',
                                     f"<em><a href={href}>{esc(text)}</a></em>"))
            said = f"{_sentence(rng, zh)} {'参见' if zh else 'See'} {link}{'。' if zh else '.'}"
            placed = _placed(style, True, said, _sentence(rng, zh))
            paragraphs.append(placed if placed.startswith("<") else f"<p>{placed}</p>")
            cites.add((p["title"], q["title"]))
        if style and style.random() < 0.4:
            paragraphs += [x if x.startswith("<") else f"<p>{x}</p>" for x in _shown_as_code(
                style, "feed", p, [q for q in others if (p["title"], q["title"]) not in cites],
                None, lambda q: host + url(q))]
        rng.shuffle(paragraphs)
        d = p["day"]
        meta = {"time": f"<time datetime='{_toml_day(p['written'])}'>{d}</time>",
                "text-en": f"Posted on {d.strftime('%B')} {d.day}, {d.year}",
                "text-zh": f"发表于 {d.year}年{d.month}月{d.day}日",
                "meta": "", "span-class": f"<span class='post-date'>{d}</span>"}[theme["date"]]
        shown = ""
        if theme["tags"]:
            shown = {"plain": "Tags: " + ", ".join(f"<a href='/tags/{t}/'>{t}</a>"
                                                   for t in p["tags"]),
                     "rel": "Tags: " + ", ".join(f"<a href='/tags/{t}/' rel='tag'>{t}</a>"
                                                 for t in p["tags"]),
                     "hash": " ".join(f"<a href='/tags/{t}/' rel='tag'># {t}</a>"
                                      for t in p["tags"]),
                     "list": "<ul class='post-tags'>" + "".join(
                         f"<li><a href='{host}/tags/{t}/'>{t.title()}</a></li>"
                         for t in p["tags"]) + "</ul>"}[tag_look["links"]]
        filed = ""
        if p["cats"]:
            filed = {"posted": "Posted in " + ", ".join(
                         f"<a href='{cat_path([c])}'>{esc(c)}</a>" for c in p["cats"]),
                     "rel": "Categories: " + " / ".join(
                         f"<a href='{cat_path([c])}' rel='category'>{esc(c)}</a>"
                         for c in p["cats"]),
                     "tree": "<span class='post-category'>" + " ► ".join(
                         f"<a href='{cat_path(p['cats'][:n + 1])}'>{esc(c)}</a>"
                         for n, c in enumerate(p["cats"])) + "</span>"}[cat_look["links"]]
        shown = f"{filed} · {shown}" if filed and shown else filed or shown
        if tag_look["place"] == "meta":
            meta, shown = f"{meta} {shown}", ""
        elif shown:
            shown = f"<footer class='post-footer'>{shown}</footer>"
        lines = []
        if k > 0:
            lines.append(f"{'上一篇' if zh else 'Previous'}: <a href='{url(posts[k - 1])}'>"
                         f"{esc(posts[k - 1]['title'])}</a>")
        if k + 1 < len(posts):
            lines.append(f"{'下一篇' if zh else 'Next'}: <a href='{url(posts[k + 1])}'>"
                         f"{esc(posts[k + 1]['title'])}</a>")
        nav = {"nav": "<nav class='post-nav'>" + " ".join(lines) + "</nav>",
               "div-class": "<div class='pagination'>" + "".join(f"<span>{x}</span>"
                                                                 for x in lines) + "</div>",
               "p-plain": "".join(f"<p>{x}</p>" for x in lines), "none": "",
               "arrows": _arrows(posts, k, url, esc), "words": _arrows(posts, k, url, None)
               }[theme["nav"]]
        items = "".join(f"<li><a href='{url(q)}'>{esc(q['title'])}</a></li>"
                        for q in rng.sample(others, min(3, len(others))))
        related = {"none": "", "aside": f"<aside><h3>Related</h3><ul>{items}</ul></aside>",
                   "div-h3": f"<div><h3>{'相关文章' if zh else 'Related posts'}</h3><ul>{items}"
                             "</ul></div>",
                   "section-class": f"<section class='related-posts'><h3>Related</h3><ul>"
                                    f"{items}</ul></section>"}[theme["related"]]
        comments = ""
        if theme["comments"]:
            q = rng.choice(others)
            comments = (f"<section id='comments'><div class='comment'><p>Great, also read <a "
                        f"href='{url(q)}'>{esc(q['title'])}</a> by the same author.</p></div>"
                        "</section>")
        heading = {"h1": f"<h1>{esc(p['title'])}</h1>", "banner-h1": f"<h2>{esc(p['title'])}</h2>",
                   "title-only": ""}[theme["title"]]
        text = "".join(paragraphs) + shown
        inner = f"{heading}<div class='meta'>{meta}</div>"
        inside = {"article": f"<article>{inner}{text}{nav}{related}</article>{comments}",
                  "div.post": f"<div class='post'>{inner}{text}{nav}{related}</div>{comments}",
                  "main": f"<main>{inner}{text}{nav}{related}{comments}</main>",
                  "div.entry-content": f"<div class='post-wrap'>{inner}<div class="
                                       f"'entry-content'>{text}</div>{nav}{related}{comments}"
                                       "</div>"}[theme["wrapper"]]
        every_tag = ("<h3>Tags</h3><ul class='tag-list'>" + "".join(
            f"<li><a href='/tags/{t}/'{' rel=tag' if tag_look['sidebar_rel'] else ''}>{t}</a>"
            "</li>" for t in sorted({t for q in posts for t in q["tags"]})) + "</ul>"
            if tag_look["sidebar"] else "")
        every_cat = ("<h3>Categories</h3><ul class='category-list'>" + "".join(
            f"<li><a href='{cat_path([c])}'>{esc(c)}</a></li>"
            for c in sorted({c for q in posts for c in q["cats"]})) + "</ul>"
            if cat_look["sidebar"] else "")
        side = ("<div class='sidebar'><h3>Recent</h3><ul>" + "".join(
            f"<li><a href='{url(q)}'>{esc(q['title'])}</a></li>" for q in recent) + "</ul>"
            + every_tag + every_cat + "</div>" if theme["sidebar"] else "")
        head = (f"<link rel='canonical' href='{host}{url(p)}'>" if canonical else "") + (
            f"<meta property='article:published_time' content='{d}T08:00:00+08:00'>"
            if theme["date"] == "meta" else "")
        write(url(p), page(p["title"], inside + side, head))
    for t in sorted({t for p in posts for t in p["tags"]}) if rng.random() < 0.7 else ():
        entries = "".join(f"<li><a href='{url(p)}'>{esc(p['title'])}</a> <span>{p['day']}</span>"
                          "</li>" for p in posts if t in p["tags"])
        write(f"/tags/{t}/", page(f"Tag: {t}", f"<main><h1>Tag: {t}</h1><ul>{entries}</ul></main>"))
    for c in sorted({c for p in posts for c in p["cats"]}) if cat_look["pages"] else ():
        entries = "".join(f"<li><a href='{url(p)}'>{esc(p['title'])}</a> <span>{p['day']}</span>"
                          "</li>" for p in posts if c in p["cats"])
        write(cat_path([c]), page(f"Category: {c}", f"<main><h1>Category: {esc(c)}</h1><ul>"
                                                   f"{entries}</ul></main>"))
    if rng.random() < 0.7:
        entries = "".join(f"<li><time>{p['day']}</time> <a href='{url(p)}'>{esc(p['title'])}</a>"
                          "</li>" for p in posts)
        write("/archive/", page("Archive", f"<main><h1>Archive</h1><ul>{entries}</ul></main>"))
    if rng.random() < 0.7:
        q = rng.choice(posts)
        write("/about/", page("About", f"<main><article><h1>About</h1><p>{_sentence(rng, zh)}</p>"
                                       f"<p>I write about models. Start with <a href='{url(q)}'>"
                                       f"{esc(q['title'])}</a>, my favourite post so far.</p>"
                                       "</article></main>"))
    newest = posts[::-1]
    for n, chunk in enumerate((newest[:10], newest[10:])):
        if chunk:
            summaries = "".join(f"<article><h2><a href='{url(p)}'>{esc(p['title'])}</a></h2>"
                                f"<time>{p['day']}</time><p>{_sentence(rng, zh)}</p></article>"
                                for p in chunk)
            write("/" if n == 0 else "/page/2/", page("Stranger", f"<main>{summaries}</main>"))
    return cites, theme["tags"]


def _arrows(posts, k, url, esc) -> str:
    """Links to the previous and next post in one unclassed block: their titles between
    arrows (``« A | B »``), or, without ``esc``, words alone (``← Older post``)."""
    ends = []
    if k > 0:
        shown = f"« {esc(posts[k - 1]['title'])}" if esc else "← Older post"
        ends.append(f"<a href='{url(posts[k - 1])}'>{shown}</a>")
    if k + 1 < len(posts):
        shown = f"{esc(posts[k + 1]['title'])} »" if esc else "Newer post →"
        ends.append(f"<a href='{url(posts[k + 1])}'>{shown}</a>")
    return "<div>" + " | ".join(ends) + "</div>"


def measure(blog: Blog) -> Measured:
    """Read ``blog`` with graphkit and compare it with its truth.

    Parameters
    ----------
    blog : Blog

    Returns
    -------
    Measured
    """
    from graphkit.readers import read_paths

    return _compared(read_paths([blog.folder]).posts, blog)


def measure_crawled(blog: Blog) -> Measured:
    """Serve ``blog`` (a site of HTML pages: the ``html`` kind, or a generator's build)
    on 127.0.0.1, crawl it with graphkit from its home page, and compare what the crawl
    read with the truth.

    The pages are served from a copy in which the blog's host (under either scheme) is
    the local server's address, as the blog's own links name it once it is published;
    an address without its ending (``/a/`` for ``/a.html``) is served as GitHub Pages,
    Netlify and Cloudflare Pages serve it. Takes and returns what :func:`measure`
    does."""
    import functools
    import http.server
    import os
    import tempfile
    import threading

    from graphkit.crawl import crawl
    from graphkit.options import BuildOptions

    class Pages(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def translate_path(self, path):
            found = super().translate_path(path)
            bare = found.rstrip("/") + ".html"
            return bare if not os.path.exists(found) and os.path.exists(bare) else found

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "site"
        shutil.copytree(blog.folder, root)
        server = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(Pages, directory=str(root)))
        here = f"http://127.0.0.1:{server.server_address[1]}"
        bare = blog.host.split("://", 1)[-1]
        for f in root.rglob("*"):
            if bare and f.is_file() and f.suffix in (".html", ".xml", ".json", ".txt"):
                text = f.read_text(encoding="utf-8", errors="replace")
                local = text.replace(f"https://{bare}", here).replace(f"http://{bare}", here)
                if local != text:
                    f.write_text(local, encoding="utf-8")
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            read = crawl(here + "/", options=BuildOptions(
                crawl_delay=0.0, cache=str(Path(tmp) / "cache"), crawl_max_pages=1000))
        finally:
            server.shutdown()
            server.server_close()
    return _compared(read.posts, blog)


def _compared(posts, blog: Blog) -> Measured:
    """What ``posts`` (read from ``blog``) give, compared with its truth."""
    from graphkit.options import BuildOptions
    from graphkit.pipeline import relate

    edges, _, _ = relate(posts, options=BuildOptions(layers=("cites", "series")))
    title = {p.key: _typeset(p.title) for p in posts}
    got = {(title[e.source], title[e.target]) for e in edges
           if e.kind == "cites" and e.target in title}
    parts = {(title[e.source], title[e.target]) for e in edges
             if e.kind == "series" and e.target in title}
    series = {(_typeset(a), _typeset(b)) for a, b in blog.series}
    cites = {(_typeset(a), _typeset(b)) for a, b in blog.cites}
    days = {_typeset(t): d for t, d in blog.days.items()}
    tags = {_typeset(t): {x.casefold() for x in v} for t, v in blog.tags.items()}
    cats = {_typeset(t): {x.casefold() for x in v} for t, v in blog.categories.items()}
    return Measured(found=len(got & cites), wanted=len(cites),
                    false=len(got - cites), posts=len(posts),
                    extra=sum(title[p.key] not in days for p in posts),
                    dated_right=sum(days.get(title[p.key]) == p.date for p in posts),
                    tagged_right=sum(tags.get(title[p.key]) == {x.casefold() for x in p.tags}
                                     for p in posts),
                    categorized_right=sum(cats.get(title[p.key]) == {
                        x.casefold() for x in p.categories} for p in posts),
                    series_found=len(parts & series), series_false=len(parts - series))


def _typeset(title: str) -> str:
    """``title`` with its quotation marks straight: a built site may show ``"A"`` as
    ``“A”`` (Jekyll's ``smartify``, SmartyPants), the same title."""
    return title.translate(str.maketrans("“”‘’", "\"\"''"))
