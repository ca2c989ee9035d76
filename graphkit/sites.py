"""How static-site generators and note apps name posts and link them.

Bloggers link their own posts in the generator's syntax, not by final URL:

* Jekyll: ``{% post_url 2017-06-21-some-slug %}`` and ``{% link _posts/….md %}``, often
  behind ``{{ site.baseurl }}``; permalinks from ``permalink:`` in ``_config.yml``
  (``date``, ``pretty``, ``ordinal``, ``none`` or a pattern such as
  ``/:year/:month/:day/:title/``).
* Hugo: ``{{< ref "posts/x.md" >}}`` / ``{{< relref "x" >}}`` (``{{% %}}`` too);
  ``[permalinks]`` per section in ``hugo.toml`` / ``config.toml``; ``baseURL``.
* Hexo: ``{% post_link slug [title] %}`` and ``{% post_path slug %}``;
  ``permalink:`` and ``url:`` in ``_config.yml``.
* Obsidian: ``[[note]]``, ``[[note|shown text]]``, ``[[note#heading]]``.
* Zola: ``[text](@/blog/x.md)`` (a path under ``content/``); ``base_url`` in
  ``config.toml``; a page's address is its section folders and slug (a ``YYYY-MM-DD-``
  or ``YYYY-MM-DD_`` file name prefix dropped); ``_index.md`` is a section, not a page.
* Pelican: ``[text]({filename}/x.md)``, ``{filename}x.rst`` (relative to the linking
  file), the older ``|filename|x.md``, in Markdown and reStructuredText;
  ``SITEURL`` and ``ARTICLE_URL`` in ``pelicanconf.py`` / ``publishconf.py`` (read as
  text, never run).

:func:`expand_site_links` turns every such reference into an ordinary Markdown link whose
URL starts with :data:`SITE_REF`, so that the Markdown reader keeps it with its sentence
and :class:`graphkit.relate.TitleIndex` resolves it by the post's file names. Each post
also gets the names it may be linked by (:func:`post_aliases`): its file path and stem,
the slug without a Jekyll date prefix, the front matter's address keys, and the path its
site's permalink pattern gives it (:func:`permalink_path`).

References
----------
.. [1] Jekyll, "Permalinks" and "Liquid tags: Linking to posts",
   https://jekyllrb.com/docs/permalinks/, https://jekyllrb.com/docs/liquid/tags/
.. [2] Hugo, "URL management" and "ref / relref shortcodes",
   https://gohugo.io/content-management/urls/, https://gohugo.io/shortcodes/ref/
.. [3] Hexo, "Permalinks" and "Tag plugins: Include posts",
   https://hexo.io/docs/permalinks, https://hexo.io/docs/tag-plugins
.. [4] Obsidian, "Internal links", https://help.obsidian.md/links
.. [5] Zola, "Overview" and "Internal links & deep linking",
   https://www.getzola.org/documentation/content/overview/,
   https://www.getzola.org/documentation/content/linking/
.. [6] Pelican, "Writing content: linking to internal content" and "Settings: URL
   settings", https://docs.getpelican.com/en/latest/content.html,
   https://docs.getpelican.com/en/latest/settings.html
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import unicodedata
from pathlib import PurePosixPath
from urllib.parse import quote, unquote, urlsplit

from .text import BARE_URL_RE, bare_url

SITE_REF = "site-ref:"          # URL scheme of a link written in a generator's own syntax
# kexue.fm and its mirror spaces.ac.cn: one site, whose posts are /archives/ID
KEXUE_HOSTS = ("kexue.fm", "spaces.ac.cn")
KEXUE_HOST = r"(?:https?://(?:www\.)?(?:" + "|".join(h.replace(".", r"\.") for h in KEXUE_HOSTS) + "))"

# {{ site.baseurl }}, {{site.url}}, {{ "/x" | relative_url }}, {{ '/x' | absolute_url }}
_LIQUID_VAR_RE = re.compile(r"\{\{-?\s*site\.(?:baseurl|url)\s*-?\}\}")
_LIQUID_FILTER_RE = re.compile(r"""\{\{-?\s*["']([^"'{}]*)["']\s*\|\s*(?:relative_url|absolute_url)\s*-?\}\}""")
_LIQUID_TAG_RE = re.compile(r"\{%-?\s*(post_url|link)\s+([^%]+?)\s*-?%\}")
_HUGO_REF_RE = re.compile(r"""\{\{[<%]\s*(?:ref|relref)\s+(?:"([^"]*)"|'([^']*)'|([^\s>%]+))\s*[>%]\}\}""")
_HEXO_LINK_RE = re.compile(r"""\{%\s*post_link\s+("[^"]*"|'[^']*'|\S+)(?:\s+("[^"]*"|'[^']*'|[^%]*?))?\s*%\}""")
_HEXO_PATH_RE = re.compile(r"""\{%\s*post_path\s+("[^"]*"|'[^']*'|\S+)\s*%\}""")
# [[target]], [[target|text]], [[target#heading]]; not ![[embeds]] and not [[1, 2]] arrays
_WIKILINK_RE = re.compile(r"(?<![!\[\\])\[\[([^\[\]|#\n]*)(#[^\[\]|\n]*)?(?:\|([^\[\]\n]*))?\]\](?!\])")
_NUMERIC_RE = re.compile(r"^[\d\s.,;:+\-*/eE()]*$")
# a link target in a generator's file-path syntax: Zola @/x.md, Pelican {filename}x, |filename|x
_PATH_LINK_RE = re.compile(r"^\s*(?:@/|\{filename\}|\|filename\|)(?P<path>.*)$", re.S)

# address keys of front matter and export rows, in order of authority
ADDRESS_KEYS = ("canonical_url", "canonical", "url", "permalink", "link", "source", "original",
                "original_url", "source_url")
# a body's opening line that names the original address
_LEAD_RE = re.compile(
    r"^\W{0,4}(?:原文(?:链接|地址|网址)|本文(?:首发于|原载于|来自)|转载自|来源|出处|"
    r"originally\s+published\s+(?:at|on|in)|original(?:ly)?(?:\s+post(?:ed)?)?(?:\s+at)?|"
    r"source|canonical(?:\s+url)?|cross-?posted\s+from)\W{0,6}", re.I)
_JEKYLL_STEM_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})[-_](.+)$")  # Zola allows "_" too


def _unquote_arg(s: str) -> str:
    s = s.strip()
    if len(s) >= 2 and s[0] == s[-1] and s[0] in "\"'":
        return s[1:-1]
    return s


def _ref(target: str) -> str:
    return SITE_REF + quote(target.strip(), safe="/#._-~:")


def expand_site_links(line: str) -> str:
    """Rewrite generator link syntax in one Markdown line into ``site-ref:`` links.

    Parameters
    ----------
    line : str
        One line of Markdown (outside fenced code).

    Returns
    -------
    str
        The line with ``{{ site.baseurl }}`` removed, Liquid ``post_url``/``link``,
        Hugo ``ref``/``relref`` and Hexo ``post_path`` replaced by ``site-ref:TARGET``
        (inside the link they stand in), and Hexo ``post_link`` and Obsidian wikilinks
        replaced by whole Markdown links ``[text](site-ref:TARGET)``.

    Examples
    --------
    >>> expand_site_links("[a]({{ site.baseurl }}{% post_url 2017-06-21-b %}#c)")
    '[a](site-ref:2017-06-21-b#c)'
    >>> expand_site_links("see [[Some Note|this note]]")
    'see [this note](site-ref:Some%20Note)'
    """
    if "{" not in line and "[[" not in line:
        return line
    line = _LIQUID_VAR_RE.sub("", line)
    line = _LIQUID_FILTER_RE.sub(lambda m: m.group(1), line)
    line = _LIQUID_TAG_RE.sub(lambda m: _ref(_unquote_arg(m.group(2))), line)
    line = _HUGO_REF_RE.sub(lambda m: _ref(m.group(1) or m.group(2) or m.group(3) or ""), line)
    line = _HEXO_PATH_RE.sub(lambda m: _ref(_unquote_arg(m.group(1))), line)

    def hexo_link(m: re.Match) -> str:
        target = _unquote_arg(m.group(1))
        text = _unquote_arg(m.group(2) or "") or target
        return f"[{text}]({_ref(target)})"

    line = _HEXO_LINK_RE.sub(hexo_link, line)

    def wikilink(m: re.Match) -> str:
        target, heading, text = m.group(1).strip(), m.group(2) or "", m.group(3)
        if not target or _NUMERIC_RE.match(target) or "$" in target:
            return m.group(0)           # an array or formula, not a link
        shown = (text or target + heading.replace("#", " › ")).strip()
        return f"[{shown}]({_ref(target + heading)})"

    if "[[" in line:
        line = _WIKILINK_RE.sub(wikilink, line)
    return line


def site_link_url(url: str) -> str:
    """A link target written as a content file path, as a ``site-ref:`` URL.

    Zola's ``@/blog/x.md`` and Pelican's ``{filename}/x.md``, ``{filename}x.rst`` and
    ``|filename|x.md`` name the linked post's source file; any other URL is returned
    as it is.

    Examples
    --------
    >>> site_link_url("{filename}/posts/a.md#b")
    'site-ref:/posts/a.md#b'
    >>> site_link_url("https://example.org/a")
    'https://example.org/a'
    """
    m = _PATH_LINK_RE.match(url)
    if m is None or not m.group("path").strip():
        return url
    return _ref(m.group("path"))


def site_ref_target(url: str) -> str | None:
    """The target of a ``site-ref:`` URL, without its anchor, or None for other URLs."""
    if not url.startswith(SITE_REF):
        return None
    return unquote(url[len(SITE_REF):]).split("#", 1)[0].strip()


_MEDIUM_ID_RE = re.compile(r"(?:^|-)([0-9a-f]{10,12})$")


def medium_post_id(url: str) -> str | None:
    """The post id in a Medium address, or None.

    Medium addresses one post in several ways (``medium.com/@user/slug-ID``,
    ``user.medium.com/slug-ID``, ``medium.com/publication/slug-ID``, ``medium.com/p/ID``);
    the hexadecimal ID at the end is the post's in all of them.
    """
    if "medium.com" not in url.casefold():       # most addresses: no parse at all
        return None
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower()
    except ValueError:
        return None
    if host != "medium.com" and not host.endswith(".medium.com"):
        return None
    m = _MEDIUM_ID_RE.search(parts.path.rstrip("/").rsplit("/", 1)[-1])
    return m.group(1) if m else None


def canonical_from_meta(meta: dict) -> str | None:
    """The post's own absolute address from front matter or an export row, or None.

    The first of :data:`ADDRESS_KEYS` that holds an ``http(s)`` URL.
    """
    for key in ADDRESS_KEYS:
        value = meta.get(key)
        if isinstance(value, str) and re.match(r"^https?://\S+$", value.strip(), re.I):
            return value.strip()
    return None


def canonical_from_lead(text_lines: list[str]) -> tuple[str, int] | None:
    """The original address named by a leading line of a body, and that line's index.

    Recognises ``原文链接: URL``, ``**原文链接**: [url](url)``, ``Originally published at
    URL``, ``Source: URL`` and the like among the first three non-blank lines.
    """
    seen = 0
    for i, line in enumerate(text_lines):
        if not line.strip():
            continue
        seen += 1
        if seen > 3:
            break
        m = _LEAD_RE.match(line.strip())
        if m:
            u = BARE_URL_RE.search(line, m.end() - 1 if m.end() else 0)
            if u:
                return bare_url(u.group(0)), i
    return None


def normalize_url(url: str) -> str | None:
    """A key under which two spellings of one address are equal.

    Scheme, ``www.``, case of the host, default ports, query, anchor, a trailing
    ``index.html`` or slash and ``.html`` are dropped: ``https://Blog.example/a/b/`` and
    ``http://www.blog.example/a/b.html`` give ``blog.example/a/b``. None for a URL
    without a host.
    """
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    if not host:
        return None
    host = host[4:] if host.startswith("www.") else host
    path = unquote(parts.path)
    path = re.sub(r"(/index)?\.(html?|php|md)$", "", path, flags=re.I).strip("/")
    return f"{host}/{path}".rstrip("/").casefold()


def url_host(url: str) -> str | None:
    """The host of an absolute URL, lower case, without ``www.``; None otherwise."""
    try:
        host = (urlsplit(url.strip()).hostname or "").lower()
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def slugify(title: str) -> str:
    """The slug a generator makes of a title (Hugo's ``urlize``, Jekyll's ``slugify``):
    NFKC, lower case, runs of anything but letters and digits become one hyphen."""
    t = unicodedata.normalize("NFKC", title).casefold()
    return re.sub(r"[^\w]+", "-", t).strip("-_")


def file_slug(path: str) -> tuple[str, dt.date | None]:
    """The slug a file name gives a post, and the date in a Jekyll-style name.

    ``_posts/2017-06-21-some-slug.md`` → ``("some-slug", date(2017, 6, 21))`` (Zola's
    ``2017-06-21_some-slug.md`` too); a Hugo page bundle ``posts/x/index.md`` →
    ``("x", None)``.
    """
    p = PurePosixPath(path)
    stem = p.stem
    if stem.lower() in ("index", "_index") and p.parent.name:
        stem = p.parent.name
    m = _JEKYLL_STEM_RE.match(stem)
    if m:
        try:
            return m.group(4), dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return m.group(4), None
    return stem, None


def path_aliases(path: str) -> set[str]:
    """Every trailing part of a file's path, without extension, in lower case.

    ``blog/content/posts/x.md`` → ``content/posts/x``, ``posts/x``, ``x`` (and the whole
    path), so that ``{{< ref "posts/x.md" >}}`` and ``[[x]]`` both find it.
    """
    p = re.sub(r"(/(index|_index))?\.(md|markdown|mdx|mkd|mdown|rst|rest|org|html?|txt)$", "",
               path.strip("/"),
               flags=re.I)
    parts = [s for s in p.split("/") if s]
    return {"/".join(parts[i:]).casefold() for i in range(len(parts))}


# ------------------------------------------------------------------ site configuration
JEKYLL_STYLES = {"date": "/:categories/:year/:month/:day/:title:output_ext",
                 "pretty": "/:categories/:year/:month/:day/:title/",
                 "ordinal": "/:categories/:year/:y_day/:title:output_ext",
                 "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
                 "none": "/:categories/:title:output_ext"}
CONFIG_NAMES = {"_config.yml": "yaml", "_config.yaml": "yaml", "config.toml": "toml",
                "hugo.toml": "toml", "config.yaml": "yaml", "hugo.yaml": "yaml",
                "config.yml": "yaml", "hugo.yml": "yaml", "pelicanconf.py": "python",
                "publishconf.py": "python",
                "mkdocs.yml": "mkdocs", "mkdocs.yaml": "mkdocs",
                **{f"docusaurus.config.{ext}": "javascript"
                   for ext in ("js", "mjs", "cjs", "ts", "mts")}}
# Pelican's URL settings' placeholders, as permalink_path's
_PELICAN_FIELDS = {"slug": ":slug", "date:%Y": ":year", "date:%m": ":month",
                   "date:%d": ":day", "date:%y": ":short_year", "date:%j": ":y_day",
                   "category": ":category", "lang": "", "author": ""}
PELICAN_ARTICLE_URL = "{slug}.html"   # Pelican's default ARTICLE_URL
# a Zola page, and a Hugo page of a section without a permalink pattern: its section
# folders under content/, then its slug (else its file name)
PAGE_PATH = "/:sections/:slug/"


# Docusaurus's blog plugin: folder of the posts and route of their pages, by default
DOCUSAURUS_BLOG = ("blog", "blog")
# a blog file's date and name (Docusaurus: 2021-08-26-welcome.md, 2021/08/26/welcome.md,
# 2021-08-26-welcome/index.md)
_DOCUSAURUS_DATE_RE = re.compile(
    r"^(?P<date>\d{4}[-/]\d{1,2}[-/]\d{1,2})[-/]?(?P<text>.*?)(?:/index)?\.mdx?$", re.I)


# Material for MkDocs' blog plugin, by default: posts under docs/blog/posts/, each at
# blog/{date}/{slug}/ with the date as yyyy/MM/dd
# (https://squidfunk.github.io/mkdocs-material/plugins/blog/)
MKDOCS_BLOG = {"blog_dir": "blog", "post_dir": "{blog}/posts", "post_url_format": "{date}/{slug}",
               "post_url_date_format": "yyyy/MM/dd"}


def _babel_date(pattern: str, d: dt.date) -> str:
    """A date in a Babel (CLDR) pattern's fields ``yyyy yy MM M dd d``."""
    fields = {"yyyy": f"{d.year:04d}", "yy": f"{d.year % 100:02d}", "MM": f"{d.month:02d}",
              "M": str(d.month), "dd": f"{d.day:02d}", "d": str(d.day)}
    return re.sub(r"yyyy|yy|MM|M|dd|d", lambda m: fields[m.group()], pattern)


def is_site_config(path: str) -> bool:
    """True for the configuration file of a Jekyll, Hexo, Hugo, Zola, Pelican,
    Docusaurus or MkDocs site."""
    return PurePosixPath(path).name.lower() in CONFIG_NAMES


def read_site_config(text: str, path: str) -> tuple[tuple[str, str], ...]:
    """Read what graphkit needs of a site's configuration file.

    Parameters
    ----------
    text : str
        The file's text (YAML or TOML by its name).
    path : str
        The file's report name; its folder is the site's root.

    Returns
    -------
    tuple of (str, str)
        ``("generator", name)`` when the file is Zola's or Pelican's, ``("url", base
        URL)``, ``("permalink", pattern)`` (Jekyll, Hexo, Zola and Pelican, in
        :func:`permalink_path`'s placeholders), ``("permalink:SECTION", pattern)``
        (Hugo) and ``("title", the site's name)`` (``title``; MkDocs' ``site_name``,
        Pelican's ``SITENAME``), in that order; empty when the file names none of them.

    Raises
    ------
    ValueError
        When the file is not valid YAML, TOML or Python, or not a mapping.
    """
    from .readers.frontmatter import FrontMatterError, parse_front_matter

    kind = CONFIG_NAMES[PurePosixPath(path).name.lower()]
    if kind == "python":
        return _pelican_config(text)
    if kind == "javascript":
        return _docusaurus_config(text)
    try:
        conf = parse_front_matter(text, "+++" if kind == "toml" else "---",
                                  foreign_tags=kind == "mkdocs")
    except FrontMatterError as exc:
        raise ValueError(str(exc)) from None
    if kind == "mkdocs":
        return _mkdocs_config(conf)
    out: list[tuple[str, str]] = []
    if isinstance(conf.get("base_url"), str):           # Zola's name for it
        out.append(("generator", "zola"))
        if conf["base_url"].strip():
            out.append(("url", conf["base_url"].strip().rstrip("/")))
        out.append(("permalink", PAGE_PATH))
        return tuple(out + _site_title(conf.get("title")))
    base = conf.get("url") or conf.get("baseURL") or conf.get("baseurl")
    if isinstance(base, str) and base.strip():
        root = conf.get("baseurl") if isinstance(conf.get("baseurl"), str) and conf.get("url") else ""
        out.append(("url", base.strip().rstrip("/") + (root or "")))
    perm = conf.get("permalink")
    if isinstance(perm, str) and perm.strip():
        out.append(("permalink", JEKYLL_STYLES.get(perm.strip(), perm.strip())))
    perms = conf.get("permalinks")
    if isinstance(perms, dict):
        for section, pattern in sorted(perms.items()):
            if isinstance(pattern, str):
                out.append((f"permalink:{section}", pattern))
            elif isinstance(pattern, dict) and isinstance(pattern.get("page"), str):
                out.append((f"permalink:{section}", pattern["page"]))
    return tuple(out + _site_title(conf.get("title")))


def _site_title(value: object) -> list[tuple[str, str]]:
    """``[("title", name)]`` for a site's name given as a string, else ``[]``."""
    if isinstance(value, str) and value.strip():
        return [("title", " ".join(value.split())[:200])]
    return []


def _pelican_config(text: str) -> tuple[tuple[str, str], ...]:
    """``SITEURL`` and ``ARTICLE_URL`` of a Pelican settings file, read without running it.

    Only top-level assignments of a string literal count (``SITEURL = "https://…"``);
    anything computed is left alone, as graphkit never runs a settings file.
    """
    import ast

    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, MemoryError, RecursionError) as exc:
        raise ValueError(f"not Python that can be read: {exc}") from None
    values: dict[str, str] = {}
    for node in tree.body:
        if (isinstance(node, ast.Assign) and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name)
                and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)):
            values[node.targets[0].id] = node.value.value
    out: list[tuple[str, str]] = [("generator", "pelican")]
    if values.get("SITEURL", "").strip():
        out.append(("url", values["SITEURL"].strip().rstrip("/")))
    if "ARTICLE_URL" in values:       # else Pelican's default, applied with the site's posts
        out.append(("permalink", _pelican_pattern(values["ARTICLE_URL"])))
    return tuple(out + _site_title(values.get("SITENAME")))


_JS_TOKEN_RE = re.compile(r"""
    (?P<comment>//[^\n]*|/\*.*?(?:\*/|\Z))
   |(?P<string>'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\$]|\$(?!\{))*`)
   |(?P<name>[A-Za-z_$][\w$]*)
   |(?P<punct>[{}\[\](),:])
   |(?P<other>\S)""", re.S | re.X)


def js_string_properties(text: str) -> list[tuple[int, tuple[str, ...], str, str]]:
    """Every ``key: 'literal'`` property of the object literals in JavaScript source.

    The source is tokenized, never run: only a property whose value is one string
    literal counts (``url: 'https://x'``, not ``url: base + '/'`` or a template with
    ``${…}``).

    Parameters
    ----------
    text : str
        JavaScript or TypeScript source (``docusaurus.config.js``).

    Returns
    -------
    list of (int, tuple of str, str, str)
        ``(object, context, key, value)`` in source order: ``object`` numbers the object
        literal holding the property, ``context`` names each enclosing object or array
        from the outside in, by the key it is the value of, or inside an array by the
        array's first string (``('presets', 'classic', 'blog')``, or
        ``('plugins', '@docusaurus/plugin-content-blog')``); "" where there is none.
    """
    tokens = [(m.lastgroup, m.group()) for m in _JS_TOKEN_RE.finditer(text)
              if m.lastgroup != "comment"]
    stack: list[list] = []     # [bracket, context name, first string of an array, object no.]
    out: list[tuple[int, tuple[str, ...], str, str]] = []
    pending = ""               # the key whose value opens next
    objects = 0
    i = 0
    while i < len(tokens):
        kind, tok = tokens[i]
        after = tokens[i + 1:i + 4] + [("", None)] * 3
        if kind in ("name", "string") and after[0][1] == ":" and stack and stack[-1][0] == "{":
            key = tok if kind == "name" else tok[1:-1]
            if after[1][0] == "string" and after[2][1] in (",", "}", None):
                out.append((stack[-1][3], tuple(e[1] for e in stack), key, after[1][1][1:-1]))
                i += 3
                continue
            pending = key
            i += 2
            continue
        if tok in ("{", "[", "("):
            context = pending
            if not context and stack:
                context = stack[-1][2] if stack[-1][0] == "[" and stack[-1][2] else ""
            if tok == "{":
                objects += 1
            stack.append([tok, context, "", objects if tok == "{" else 0])
        elif tok in ("}", "]", ")"):
            if stack:
                stack.pop()
        elif kind == "string" and stack and stack[-1][0] == "[" and not stack[-1][2]:
            stack[-1][2] = tok[1:-1]
        pending = ""
        i += 1
    return out


def _docusaurus_config(text: str) -> tuple[tuple[str, str], ...]:
    """``url`` + ``baseUrl`` and each blog's folder and route, from ``docusaurus.config.js``.

    The site's ``url`` and ``baseUrl`` are the outermost ones; a blog is the ``blog``
    options of the classic preset or a ``@docusaurus/plugin-content-blog`` instance
    (``path``, default ``blog``; ``routeBasePath``, default ``blog``). See
    https://docusaurus.io/docs/api/plugins/@docusaurus/plugin-content-blog
    """
    props = js_string_properties(text)
    out: list[tuple[str, str]] = [("generator", "docusaurus")]

    def outermost(key: str) -> str | None:
        found = sorted((len(ctx), value) for _, ctx, k, value in props if k == key)
        return found[0][1] if found else None

    url, base = outermost("url"), outermost("baseUrl")
    if url and re.match(r"(?i)^https?://", url.strip()):
        out.append(("url", (url.strip().rstrip("/") + "/" + (base or "").strip("/")).rstrip("/")))
    blogs: dict[int, dict[str, str]] = {}
    for obj, ctx, key, value in props:
        if ctx and (ctx[-1] == "blog" or ctx[-1].endswith("plugin-content-blog")):
            blogs.setdefault(obj, {})[key] = value
    for options in blogs.values() or [{}]:
        folder = options.get("path", DOCUSAURUS_BLOG[0]).strip().strip("/")
        folder = re.sub(r"^(\./)+", "", folder)
        out.append((f"blog:{folder}", options.get("routeBasePath", DOCUSAURUS_BLOG[1])))
    return tuple(out + _site_title(outermost("title")))


def _mkdocs_config(conf: dict) -> tuple[tuple[str, str], ...]:
    """``site_url``, ``docs_dir`` and the blog plugin's options of ``mkdocs.yml``.

    The blog is Material for MkDocs' ``blog`` plugin (``blog`` or ``material/blog`` in
    ``plugins``); its options ``blog_dir``, ``post_dir``, ``post_url_format``,
    ``post_url_date_format`` and whether ``post_slugify`` keeps Unicode
    (``pymdownx.slugs.slugify``) or, as by default, only ASCII.
    """
    out: list[tuple[str, str]] = [("generator", "mkdocs")]
    url = conf.get("site_url")
    if isinstance(url, str) and re.match(r"(?i)^https?://", url.strip()):
        out.append(("url", url.strip().rstrip("/")))
    docs = conf.get("docs_dir")
    out.append(("docs_dir", docs.strip().strip("/") if isinstance(docs, str) and docs.strip()
                else "docs"))
    plugins = conf.get("plugins")
    items = (plugins.items() if isinstance(plugins, dict)
             else [(p, None) if isinstance(p, str) else next(iter(p.items()))
                   for p in plugins if isinstance(p, (str, dict)) and p]
             if isinstance(plugins, list) else [])
    for name, options in items:
        if name not in ("blog", "material/blog"):
            continue
        options = options if isinstance(options, dict) else {}
        blog = {k: str(options[k]).strip("/") if isinstance(options.get(k), str) else v
                for k, v in MKDOCS_BLOG.items()}
        blog["blog_dir"] = posixpath.normpath(blog["blog_dir"] or ".").strip("/")
        blog["post_dir"] = posixpath.normpath(blog["post_dir"].replace("{blog}", blog["blog_dir"]))
        blog["blog_dir"] = "" if blog["blog_dir"] == "." else blog["blog_dir"]
        slugify_tag = str(options.get("post_slugify", ""))
        blog["post_slugify"] = "unicode" if "pymdownx.slugs" in slugify_tag else "ascii"
        out.extend(blog.items())
        break
    return tuple(out + _site_title(conf.get("site_name")))


def _ascii_slug(title: str) -> str:
    """Python-Markdown's ``toc.slugify``: ASCII only (NFKD, other characters dropped),
    lower case, runs of spaces and hyphens one hyphen."""
    t = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    t = re.sub(r"[^\w\s-]", "", t).strip().lower()
    return re.sub(r"[-\s]+", "-", t)


def mkdocs_path(inside: str, *, slug: str | None, title: str, date: str | None,
                categories: tuple[str, ...], conf: dict[str, str]) -> str | None:
    """The site path MkDocs gives a page, or Material's blog plugin a post.

    Returns ``""`` for a page of a site with a blog that is not one of its posts (the
    blog's index and the other documentation pages), None for a file outside
    ``docs_dir`` or a post whose URL needs a date it lacks.
    """
    docs = conf.get("docs_dir", "docs")
    if not inside.startswith(docs + "/"):
        return None
    rel = inside[len(docs) + 1:]
    if "post_dir" not in conf:           # MkDocs' own: a/b.md -> /a/b/, a/index.md -> /a/
        page = re.sub(r"(?:^|/)(?:index|README)\.(?:md|markdown)$|\.(?:md|markdown)$", "",
                      rel, flags=re.I)
        return "/" + page + "/" if page else "/"
    if not rel.startswith(conf["post_dir"] + "/"):
        return ""
    d = dt.date.fromisoformat(date) if date and re.match(r"^\d{4}-\d{2}-\d{2}$", date) else None
    fmt = conf.get("post_url_format", MKDOCS_BLOG["post_url_format"])
    if "{date}" in fmt and d is None:
        return None
    day = _babel_date(conf.get("post_url_date_format", "yyyy/MM/dd"), d) if d else ""
    name = slug or (slugify(title) if conf.get("post_slugify") == "unicode" else _ascii_slug(title))
    values = {"date": day, "slug": name, "file": PurePosixPath(rel).stem,
              "categories": "/".join(slugify(c) for c in categories)}
    path = re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), m.group(0)), fmt)
    return re.sub(r"/{2,}", "/", f"/{conf.get('blog_dir', 'blog')}/{path}/")


def docusaurus_path(inside: str, slug: str | None, conf: dict[str, str]) -> str | None:
    """The site path Docusaurus gives a blog post, or None when the file is in no blog.

    ``inside`` is the file's path under the site's folder. The post's path is the
    blog's route, then its front matter's ``slug``, else ``YYYY/MM/DD/name`` for a file
    named by its date, else the file's path in the blog without extension (``index``
    names its folder), as ``parseBlogFileName`` of Docusaurus's blog plugin does.
    """
    for key, route in conf.items():
        folder = key.removeprefix("blog:")
        if folder == key or not inside.startswith(folder + "/"):
            continue
        rel = inside[len(folder) + 1:]
        if not slug:
            m = _DOCUSAURUS_DATE_RE.match(rel)
            slug = (m.group("date").replace("-", "/") + "/" + m.group("text") if m
                    else re.sub(r"(?:/index)?\.mdx?$", "", rel, flags=re.I))
        return re.sub(r"/{2,}", "/", f"/{route.strip('/')}/{slug.strip('/')}")
    return None


def _pelican_pattern(pattern: str) -> str:
    """A Pelican URL setting (``posts/{date:%Y}/{slug}/``) in :func:`permalink_path`'s
    placeholders (``posts/:year/:slug/``)."""
    return re.sub(r"\{([^{}]*)\}", lambda m: _PELICAN_FIELDS.get(m.group(1), m.group(0)),
                  pattern)


def permalink_path(pattern: str, *, slug: str, title_slug: str, filename: str,
                   date: str | None, categories: tuple[str, ...] = (), section: str = "",
                   sections: str = "") -> str | None:
    """The site path a permalink pattern gives a post, or None when it needs a missing date.

    Parameters
    ----------
    pattern : str
        Placeholders of Jekyll, Hexo and Hugo: ``:year :month :day :i_month :i_day
        :short_year :y_day :title :slug :filename :contentbasename :name :section
        :categories :category :output_ext``.
    slug : str
        ``:slug`` (the front matter's slug, else the file's).
    title_slug : str
        ``:title``: the file's slug for Jekyll and Hexo, the slugified title for Hugo.
    filename : str
        ``:filename``, ``:contentbasename``, ``:name``.
    date : str or None
        ISO date of the post.
    categories : tuple of str
    section : str
        Hugo's section (the first folder under ``content/``).
    sections : str
        ``:sections``: every folder between ``content/`` and the file (Zola's nested
        sections), joined by ``/``.
    """
    need_date = any(t in pattern for t in (":year", ":month", ":day", ":y_day", ":short_year"))
    d = None
    if date and re.match(r"^\d{4}-\d{2}-\d{2}$", date):
        d = dt.date.fromisoformat(date)
    if need_date and d is None:
        return None
    cats = "/".join(slugify(c) for c in categories)
    values = {
        "year": f"{d.year:04d}" if d else "", "month": f"{d.month:02d}" if d else "",
        "day": f"{d.day:02d}" if d else "", "i_month": str(d.month) if d else "",
        "i_day": str(d.day) if d else "", "short_year": f"{d.year % 100:02d}" if d else "",
        "y_day": f"{d.timetuple().tm_yday:03d}" if d else "",
        "title": title_slug, "slug": slug, "filename": filename, "contentbasename": filename,
        "name": filename,
        "section": section, "sections": sections, "categories": cats,
        "category": cats.split("/")[0] if cats else "",
        "output_ext": ".html", "hour": "", "minute": "", "second": "", "week": "",
        "short_day": "",
    }
    out = re.sub(r":([a-z_]+)", lambda m: values.get(m.group(1), m.group(0)), pattern)
    return re.sub(r"/{2,}", "/", "/" + out.lstrip("/"))


# readers whose posts a site's configuration addresses (static-site source files)
SITE_FORMATS = ("front-matter", "markdown", "metadata-header", "restructuredtext")


# what a generator's source folder holds besides its posts: (folders of templates, themes
# and data; folders it writes the built site to), by generator
SITE_FOLDERS = {
    "jekyll": ({"_layouts", "_includes", "_sass", "_data", "_plugins", "themes", "scaffolds",
                "node_modules", "vendor"}, {"_site", "public", ".jekyll-cache"}),
    "hugo": ({"layouts", "archetypes", "themes", "assets", "data", "i18n", "static",
              "node_modules"}, {"public", "resources"}),
    "zola": ({"templates", "themes", "sass", "static"}, {"public"}),
    "pelican": ({"themes", "plugins", "pelican-plugins"}, {"output"}),
    "docusaurus": ({"static", "node_modules"}, {"build", ".docusaurus"}),
    "mkdocs": ({"overrides"}, {"site"}),
}


def config_generator(name: str, values: tuple[tuple[str, str], ...] | dict) -> str:
    """The generator a configuration file belongs to: ``jekyll`` (Jekyll or Hexo:
    ``_config.yml``), ``hugo``, ``zola``, ``pelican``, ``docusaurus`` or ``mkdocs``."""
    given = dict(values).get("generator")
    if given:
        return given
    base = PurePosixPath(name).name.lower()
    return "jekyll" if base.startswith("_config.") else "hugo"


def site_of(post, roots: list[str]) -> tuple[str, str] | None:
    """``(root, path inside it)`` of the site whose folder holds ``post``'s file, the
    deepest of ``roots`` (configuration folders, longest first); None outside them all."""
    src = post.sources[0].path if post.sources else ""
    root = next((r for r in roots if r in (".", "") or src.startswith(r + "/")), None)
    if root is None:
        return None
    return root, src[len(root) + 1:] if root not in (".", "") else src


def site_sources(posts: list, configs: list[tuple[str, tuple[tuple[str, str], ...]]]
                 ) -> tuple[list, list]:
    """Set aside what a site's source folder holds besides its posts.

    A site is a folder holding a configuration file (:func:`is_site_config`). Within it:

    * its templates, themes and data (Jekyll's ``_layouts``, ``_includes``; Hugo's
      ``layouts``, ``themes`` — a theme's ``exampleSite`` has posts of its own —,
      ``archetypes``, ``static``; Zola's ``templates``…, see :data:`SITE_FOLDERS`) and
      the site it built (``_site``, ``public``, ``output``, ``build``, ``site``): the
      generator's rendering of the posts, read from their sources;
    * Jekyll's and Hexo's pages: when the posts are in a ``_posts`` folder, a file
      beside that folder or in a folder not named with ``_`` (``about.md``,
      ``404.html``, ``source/about/index.md``) is a page; ``_``-folders are the posts
      and the site's collections;
    * Hugo's and Zola's pages of the home section (``content/about.md``) when the posts
      are in sections; Pelican's pages (``content/pages/``); a Docusaurus site's docs
      and pages outside its blog folders when posts are in them.

    Parameters
    ----------
    posts : list of Post
        Sightings as read; not modified.
    configs : list of (str, tuple of (str, str))
        The report name of each configuration file and what :func:`read_site_config`
        read from it.

    Returns
    -------
    posts : list of Post
        The posts that are posts of their site.
    fragments : list of Fragment
        One per file set aside, with the reason.

    References
    ----------
    .. [1] Jekyll, "Directory structure", https://jekyllrb.com/docs/structure/
    .. [2] Hugo, "Directory structure",
       https://gohugo.io/getting-started/directory-structure/
    .. [3] Hexo, "Setup", https://hexo.io/docs/setup
    .. [4] Pelican, "Pages", https://docs.getpelican.com/en/latest/content.html#pages
    """
    from .model import Fragment
    from .text import preview

    roots: dict[str, str] = {}
    blogs: dict[str, list[str]] = {}       # a Docusaurus site's blog folders
    for name, values in sorted(configs):
        root = str(PurePosixPath(name).parent)
        roots.setdefault(root, config_generator(name, values))
        blogs.setdefault(root, []).extend(k.removeprefix("blog:") for k, _ in values
                                          if k.startswith("blog:"))
    if not roots:
        return posts, []
    ordered = sorted(roots, key=lambda r: -len(r))
    placed = [site_of(p, ordered) for p in posts]
    # where each Jekyll or Hexo site keeps _posts, and whether a Hugo/Zola site has sections
    posts_dirs: dict[str, set[str]] = {}
    sections: set[str] = set()
    in_blog: set[str] = set()
    for at in placed:
        if at is None:
            continue
        root, inside = at
        if any(inside.startswith(folder + "/") for folder in blogs.get(root, ())):
            in_blog.add(root)
        parts = inside.split("/")
        if "_posts" in parts[:-1]:
            posts_dirs.setdefault(root, set()).add("/".join(parts[:parts.index("_posts")]))
        if len(parts) > 2 and parts[0] == "content":
            sections.add(root)
    out, frags = [], []
    for p, at in zip(posts, placed):
        why = None
        if at is not None:
            root, inside = at
            generator = roots[root]
            parts = inside.split("/")
            templates, built = SITE_FOLDERS.get(generator, (set(), set()))
            top = parts[0] if len(parts) > 1 else ""
            if top in built:
                why = (f"the site as built ({top}/): the generator's rendering of posts read "
                       f"from their sources")
            elif top in templates:
                why = f"a template, theme or data file of the site ({top}/), not a post"
            elif root in posts_dirs:
                home = next((d for d in sorted(posts_dirs[root], key=len)
                             if not d or inside.startswith(d + "/")), None)
                rest = inside[len(home) + 1:] if home else inside
                if home is None or not any(f.startswith("_") for f in rest.split("/")[:-1]):
                    why = ("a page of the site, not a post (Jekyll's and Hexo's posts are in "
                           "_posts/)")
            elif generator in ("hugo", "zola") and root in sections and len(parts) == 2 \
                    and parts[0] == "content":
                why = "a page of the site's home section (content/), not a post in a section"
            elif generator == "pelican" and len(parts) > 2 and parts[:2] == ["content", "pages"]:
                why = "a page of the site (Pelican's content/pages/), not an article"
            elif root in in_blog and not any(inside.startswith(folder + "/")
                                             for folder in blogs[root]):
                why = (f"a page of the site, not a post of its blog (Docusaurus' blog posts "
                       f"are under {', '.join(f + '/' for f in blogs[root])})")
        if why is None:
            out.append(p)
            continue
        first = p.sources[0]
        frags.append(Fragment(path=first.path, line=first.line, end_line=first.line,
                              reason=why, text=preview(p.title or p.text)))
    return out, frags


def apply_site_configs(posts: list, configs: list[tuple[str, tuple[tuple[str, str], ...]]]
                       ) -> tuple[list, list]:
    """Give posts the addresses their site's configuration implies.

    Parameters
    ----------
    posts : list of Post
        Sightings as read; not modified.
    configs : list of (str, tuple of (str, str))
        The report name of each configuration file and what :func:`read_site_config`
        read from it. A post belongs to the configuration in the nearest folder above
        its file; configurations in one folder are merged in the order of their names
        (Pelican's ``publishconf.py`` over ``pelicanconf.py``).

    Returns
    -------
    posts : list of Post
        The posts, each with the path its permalink pattern gives it added to its
        aliases, and, when the configuration names the site's base URL and the post
        has no address of its own, ``url`` set to that base plus the path.
    fragments : list of Fragment
        The pages of a site whose blog keeps its posts in one folder (MkDocs' blog
        plugin) that are outside it: the blog's index, the documentation pages.
    """
    from dataclasses import replace

    from .model import Fragment
    from .readers.frontmatter import url_aliases
    from .text import preview

    merged: dict[str, dict[str, str]] = {}
    for name, values in sorted(configs):   # pelicanconf.py, then publishconf.py over it
        merged.setdefault(str(PurePosixPath(name).parent), {}).update(values)
    roots = sorted(merged.items(), key=lambda rc: -len(rc[0]))
    if not roots:
        return posts, []
    out = []
    pages: list[Fragment] = []
    ordered = [root for root, _ in roots]
    for p in posts:
        at = site_of(p, ordered)
        if at is None or p.sources[0].format not in SITE_FORMATS:
            out.append(p)
            continue
        root, inside = at
        conf = merged[root]
        src = p.sources[0].path
        parts = inside.split("/")
        generator = conf.get("generator", "")
        hugo = not generator and (any(k.startswith("permalink:") for k in conf) or (
            parts[0] == "content" and "permalink" not in conf))
        section = parts[1] if hugo and len(parts) > 2 and parts[0] == "content" else ""
        stem, _ = file_slug(src)
        sections = ""
        if generator == "zola" or hugo:
            folders = parts[1:-1] if parts[0] == "content" else parts[:-1]
            if PurePosixPath(src).stem.lower() == "index" and folders:
                folders = folders[:-1]            # a page bundle: the folder is the page
            sections = "/".join(folders)
        path = None
        if generator == "mkdocs":
            pattern = ""
            path = mkdocs_path(inside, slug=p.slug, title=p.title, date=p.date,
                               categories=p.categories, conf=conf)
            if path == "":
                first = p.sources[0]
                pages.append(Fragment(
                    path=src, line=first.line, end_line=first.line,
                    reason=f"a page of the site, not a post of its blog (the blog plugin's "
                           f"posts are under {conf.get('docs_dir')}/{conf['post_dir']}/)",
                    text=preview(p.title or p.text)))
                continue
        elif generator == "docusaurus":
            pattern = ""
            path = docusaurus_path(inside, p.slug, conf)
        elif generator == "pelican":
            pattern = conf.get("permalink", _pelican_pattern(PELICAN_ARTICLE_URL))
            slug = title_slug = p.slug or slugify(p.title)
            filename = stem
        elif generator == "zola":
            pattern = conf.get("permalink", PAGE_PATH)
            slug = title_slug = p.slug or slugify(stem)
            filename = stem
        elif hugo and f"permalink:{section}" not in conf:
            pattern = PAGE_PATH      # Hugo's default: the content folders, then slug or file
            slug = title_slug = p.slug or stem
            filename = stem
        elif hugo:
            pattern = conf[f"permalink:{section}"]
            slug = p.slug or slugify(p.title)
            title_slug, filename = slugify(p.title), stem
        else:
            pattern = conf.get("permalink", JEKYLL_STYLES["date"])
            slug = title_slug = p.slug or stem
            filename = stem
        if pattern:
            path = permalink_path(pattern, slug=slug, title_slug=title_slug,
                                  filename=filename, date=p.date, categories=p.categories,
                                  section=section, sections=sections)
        if path is None:
            out.append(p)
            continue
        aliases = tuple(sorted(set(p.aliases) | url_aliases(path)))
        url = p.url or (conf["url"] + path if conf.get("url") else None)
        out.append(replace(p, aliases=aliases, url=url))
    return out, pages
