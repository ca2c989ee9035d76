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
* Nikola: ``link://slug/x`` and ``link://filename/posts/x.rst`` (in Markdown and reST),
  the ``:doc:`` role naming a slug; ``SITE_URL``, ``POSTS``, ``PAGES`` and
  ``PRETTY_URLS`` in ``conf.py`` (read as text, never run).

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
.. [7] Nikola, "Path Handlers" (``link://``), https://getnikola.com/path-handlers.html
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import unicodedata
from pathlib import PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, quote, unquote, urljoin, urlsplit

from .text import BARE_URL_RE, bare_url, loads_json

if TYPE_CHECKING:
    from .model import Post

SITE_REF = "site-ref:"          # URL scheme of a link written in a generator's own syntax
# kexue.fm and its mirror spaces.ac.cn: one site, whose posts are /archives/ID
KEXUE_HOSTS = ("kexue.fm", "spaces.ac.cn")
KEXUE_HOST = r"(?:https?://(?:www\.)?(?:" + "|".join(h.replace(".", r"\.") for h in KEXUE_HOSTS) + "))"

# {{ site.baseurl }}, {{site.url}}, GitHub Pages' {{ site.github.url }}, and Octopress's
# {{ root_url }} (its layouts' and posts' prefix of every site path, from site.root)
_LIQUID_VAR_RE = re.compile(
    r"\{\{-?\s*(?:site\.(?:baseurl|url|root|github\.url)|root_url)\s*-?\}\}")
# a site path passed through a filter that prefixes the site's base: Jekyll's
# relative_url/absolute_url, Eleventy's url, htmlBaseUrl and absoluteUrl, and Liquid's
# prepend of the site's base (the idiom before Jekyll 3.7: "/x" | prepend: site.baseurl)
_LIQUID_FILTER_RE = re.compile(
    r"""\{\{-?\s*["']([^"'{}]*)["']\s*\|\s*(?:(?:relative_url|absolute_url|url|htmlBaseUrl"""
    r"""|absoluteUrl)\b|prepend:\s*site\.(?:baseurl|url)\b)[^{}]*?-?\}\}""")
# Liquid tags naming a post: Jekyll's {% post_url name %} and {% link path %}, given
# inside a link's target; DEV's (Forem's) {% link user/slug %} and {% post URL %}, a card
# of the post standing alone in the text, and {% embed URL %}, a card of any address
# (the argument taken whole, possessively, and trimmed after: linear in any run of spaces)
_LIQUID_TAG_RE = re.compile(r"\{%-?\s*(post_url|link|post|embed)\s+([^%]++)%\}")
# what stands before a tag inside a link's target: ( of [text](…), =" of href="…", [id]:
# of a reference definition, ": of Textile's "text":…
_IN_TARGET_RE = re.compile(r"""(?:\(|=\s*["']?|\]:\s*|":)$""")
# ERB's URL helpers in a Ruby generator's source (Bridgetown, Middleman):
# <%= relative_url "/x/" %>, <%= url_for '/x/' %>; and <%= link_to "text", "/x/" %>
_ERB_URL_RE = re.compile(r"""<%=[ \t]*+(?:relative_url|absolute_url|url_for)[ \t]*+\(?[ \t]*+"""
                         r"""(["'])([^"'<>%\n]{0,500}+)\1[ \t]*+\)?[ \t]*+-?%>""")
_ERB_LINK_RE = re.compile(r"""<%=[ \t]*+link_to[ \t]*+\(?[ \t]*+(["'])([^"'<>%\n]{0,500}+)\1"""
                          r"""[ \t]*+,[ \t]*+(["'])([^"'<>%\n]{0,500}+)\3[^%\n]{0,200}+%>""")
_HUGO_RELREF_RE = re.compile(r"\{\{[<%]\s*relref\b")
# a shortcode's argument: "quoted", 'quoted', `raw` or bare, positional or named (path="x")
_SHORTCODE_ARG = (r"""(?:(\w+)[ \t]*=[ \t]*)?"""
                  r"""(?:"([^"\n]*)"|'([^'\n]*)'|`([^`\n]*)`|([^\s"'`>%=]+))""")
_SHORTCODE_ARG_RE = re.compile(_SHORTCODE_ARG)
# Hugo's ref and relref: the page as the first argument or named path=, with lang= and
# outputFormat= (or the output format second) beside it; group 1 holds the arguments
# (the groups inside it are read again by _SHORTCODE_ARG_RE, one argument at a time)
_HUGO_REF_RE = re.compile(r"\{\{[<%]\s*+(?:ref|relref)\s++(" + _SHORTCODE_ARG
                          + r"(?:\s++" + _SHORTCODE_ARG + r"){0,3}+)\s*+[>%]\}\}")
_HEXO_LINK_RE = re.compile(r"""\{%\s*post_link\s+("[^"]*"|'[^']*'|[^\s%]+)(?:\s++([^%]*+))?%\}""")
_HEXO_PATH_RE = re.compile(r"""\{%\s*post_path\s+("[^"]*"|'[^']*'|\S+)\s*%\}""")
# [[target]], [[target|text]], [[target#heading]]; not ![[embeds]] and not [[1, 2]] arrays
_WIKILINK_RE = re.compile(r"(?<![!\[\\])\[\[([^\[\]|#\n]*)(#[^\[\]|\n]*)?(?:\|([^\[\]\n]*))?\]\](?!\])")
# an embed: ![[note]], ![[note#heading]], ![[note#^block]] (the note's text shown in place:
# a link to it, as Obsidian's graph counts it), ![[picture.png|300]] (a file: no link)
_EMBED_RE = re.compile(r"(?<![\[\\])!\[\[([^\[\]|#\n]*)(#[^\[\]|\n]*)?"
                       r"(?:\|([^\[\]\n]*))?\]\](?!\])")
# the files Obsidian embeds that are no notes (images, audio, video, PDF, canvases)
_EMBEDDED_FILE_RE = re.compile(r"\.(?:avif|bmp|gif|jpe?g|png|svg|webp|flac|m4a|mp3|ogg|wav|3gp"
                               r"|webm|mkv|mov|mp4|ogv|pdf|canvas|base|excalidraw)$", re.I)
_NUMERIC_RE = re.compile(r"^[\d\s.,;:+\-*/eE()]*$")
_DENDRON_VAULT_RE = re.compile(r"^dendron://[^/\s]*/")   # a note of a named vault (Dendron)
# a link target in a generator's file-path syntax: Zola @/x.md, Pelican {filename}x, |filename|x
# MyST's cross-reference roles in Markdown (Sphinx, Jupyter Book): {doc}`x`, {doc}`text <x>`,
# {ref}`label`, {ref}`text <label>`
_MYST_ROLE_RE = re.compile(r"\{(doc|ref)\}`(?:([^`<\n]*)<([^`>\n]+)>|([^`\n]+))`")
LABEL_PREFIX = "label:"    # a site-ref target naming a Sphinx label, and a post's alias for it
_PATH_LINK_RE = re.compile(r"^\s*(?:@/|\{filename\}|\|filename\||(?i:link://(?:slug|filename)/))"
                           r"(?P<path>.*)$", re.S)

# address keys of front matter and export rows, in order of authority
ADDRESS_KEYS = ("canonical_url", "canonical", "url", "permalink", "link", "source", "original",
                "original_url", "source_url", "sourceURL", "sourceurl")   # (a scraper's)
# a body's opening line that names the original address
_LEAD_RE = re.compile(
    r"^\W{0,4}(?:原文(?:链接|地址|网址)|本文(?:首发于|原载于|来自)|转载自|来源|出处|"
    r"originally\s+published\s+(?:at|on|in)|original(?:ly)?(?:\s+post(?:ed)?)?(?:\s+at)?|"
    r"source|canonical(?:\s+url)?|cross-?posted\s+from)\W{0,6}", re.I)
_JEKYLL_STEM_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})[-_](.+)$")  # Zola allows "_" too
# a daily note's whole name: Logseq's journals (2024_01_05), Obsidian's (2024-01-05)
_DAY_STEM_RE = re.compile(r"^(\d{4})[-_](\d{2})[-_](\d{2})$")
# a Denote note's file name: IDENTIFIER(==SIGNATURE)(--TITLE)(__KEYWORDS), the identifier
# the second it was made (20220610T062201); its links are denote:IDENTIFIER
_DENOTE_STEM_RE = re.compile(
    r"^(\d{4})(\d{2})(\d{2})T\d{6}(?:==[^_]*?)?(?:--(.*?))?(?:__.*)?$")
_DENOTE_LINK_RE = re.compile(r"^denote:(\d{8}T\d{6})(?:::.*)?$", re.I | re.S)


def denote_name(stem: str) -> tuple[str, str, dt.date] | None:
    """The identifier, the title slug (empty when the name has none) and the date of a
    Denote note's file name; None for another name.

    >>> denote_name("20220610T062201==1a--linear-attention__ml_notes")
    ('20220610t062201', 'linear-attention', datetime.date(2022, 6, 10))
    >>> denote_name("2022-06-10-linear-attention") is None
    True

    References
    ----------
    .. [1] Protesilaos Stavrou, "Denote": "The file-naming scheme" and "Linking notes",
       https://protesilaos.com/emacs/denote
    """
    m = _DENOTE_STEM_RE.match(stem)
    if m is None:
        return None
    try:
        when = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
    return stem[:15].lower(), m.group(4) or "", when


def denote_link(url: str) -> str | None:
    """The ``site-ref:`` address of a Denote link (``denote:20220610T062201``, with or
    without a ``::`` search): the note whose identifier it is; None for another URL.

    >>> denote_link("denote:20220610T062201::#intro")
    'site-ref:denote:20220610t062201'
    """
    m = _DENOTE_LINK_RE.match(url.strip())
    return _ref("denote:" + m.group(1).lower()) if m else None


# Bear's address of a note ("Copy Link to Note"), by its unique identifier or its title
_BEAR_NOTE_RE = re.compile(r"^bear://x-callback-url/open-note\?([^#\s]*)", re.I)


def bear_link(url: str) -> str | None:
    """The ``site-ref:`` address of a link to a Bear note: ``bear://x-callback-url/
    open-note?id=ID`` names the note whose identifier is ``ID`` (``bear:ID``, as the
    ``info.json`` of its TextBundle says), ``…?title=T`` the note titled ``T``; None for
    another URL.

    >>> bear_link("bear://x-callback-url/open-note?id=AB-12&show_window=yes")
    'site-ref:bear:ab-12'

    References
    ----------
    .. [1] Bear, "X-callback-url Scheme documentation" (``/open-note``),
       https://bear.app/faq/x-callback-url-scheme-documentation/
    """
    m = _BEAR_NOTE_RE.match(url.strip())
    if m is None:
        return None
    args = parse_qs(m.group(1))
    note = (args.get("id") or [""])[0].strip()
    title = (args.get("title") or [""])[0].strip()
    if note:
        return _ref("bear:" + note.lower())
    return _ref(title) if title else None


def _unquote_arg(s: str) -> str:
    s = s.strip()
    if len(s) >= 2 and s[0] == s[-1] and s[0] in "\"'":
        return s[1:-1]
    return s


_UUID = r"([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})"
_BLOCK_REF_RE = re.compile(rf"\(\({_UUID}\)\)")
_LABELLED_BLOCK_RE = re.compile(rf"\]\(\(\({_UUID}\)\)\)")
_LABELLED_REF_RE = re.compile(r"\]\(\[\[([^\[\]\n]+)\]\]\)")


def _ref(target: str) -> str:
    return SITE_REF + quote(target.strip(), safe="/#._-~:")


def title_ref(title: str) -> str:
    """The ``site-ref:`` address of a link that names a note by its title, resolved as a
    wikilink ``[[Title]]`` is (an Evernote note link, whose text is the note's title).

    >>> title_ref(" 线性注意力 ")
    'site-ref:%E7%BA%BF%E6%80%A7%E6%B3%A8%E6%84%8F%E5%8A%9B'
    """
    return _ref(title)


def block_ref(block_id: str) -> str:
    """The ``site-ref:`` address of a reference to a note app's block by its id (Logseq's
    UUIDs, SiYuan's and Roam's ids): the note holding the block is named ``id:ID``
    among its aliases.

    >>> block_ref("20200812220555-LJ3ENXA")
    'site-ref:id:20200812220555-lj3enxa'
    """
    return _ref("id:" + block_id.lower())


def _liquid_tag(m: re.Match) -> str:
    """A Liquid tag's target as a link: the target alone inside a link's target (Jekyll),
    else a link of its own (a DEV post's card: ``{% link user/slug %}``). A tag's address
    names a post of the site itself (Forem finds it by its path, ``user/slug``, and
    refuses another host's), so its path is the target, whatever host an export's
    posts are at. DEV's ``{% embed URL %}`` draws a card of any address (a post's, a
    video's, a repository's): its address is the link, host kept.

    References
    ----------
    .. [1] Forem, "Liquid Tags", https://developers.forem.com/frontend/liquid-tags
    .. [2] DEV, "Editor Guide" (``{% embed %}``), https://dev.to/p/editor_guide
    """
    target = _unquote_arg(m.group(2).strip().removesuffix("-"))
    if m.group(1) == "embed":
        return f"[{target}]({target})" if re.match(r"https?://\S+$", target, re.I) else ""
    if re.match(r"https?://", target, re.I):
        target = urlsplit(target).path
    url = _ref(target)
    if _IN_TARGET_RE.search(m.string[max(0, m.start() - 64):m.start()]):   # (linear)
        return url
    return f"[{target}]({url})"


def _myst_role(m: re.Match) -> str:
    target = (m.group(3) or m.group(4)).strip()
    anchor = (m.group(2) or "").strip() or target
    if m.group(1) == "ref":
        target = LABEL_PREFIX + " ".join(target.split()).casefold()
    return f"[{anchor}]({_ref(target)})"


def _hugo_ref(m: re.Match) -> str:
    """Hugo's ``ref``/``relref`` in Markdown: the target alone inside a link's target or
    an autolink (``[text]({{< ref "x" >}})``, ``<{{< ref "x" >}}>``); standing alone in
    the text, ``ref`` a link of its own (it writes the post's absolute address, which
    Goldmark's linkify, on by default, makes a link) and ``relref`` its target as text
    (a site path, which linkify leaves as it is).

    References
    ----------
    .. [1] Hugo, "Configure markup" (``goldmark.extensions.linkify``, default true),
       https://gohugo.io/configuration/markup/
    """
    target = _hugo_ref_target(m)
    before = m.string[max(0, m.start() - 64):m.start()]      # (linear)
    if _IN_TARGET_RE.search(before) or before.endswith("<") or not target.strip():
        return _ref(target)
    if _HUGO_RELREF_RE.match(m.group(0)):
        return target
    return f"[{target}]({_ref(target)})"


def expand_hugo_refs(text: str) -> str:
    """Hugo's ``{{< ref "x" >}}`` and ``{{< relref "x" >}}`` (``{{% %}}`` too) in any
    content format replaced by ``site-ref:x``.

    >>> expand_hugo_refs('link:{{< ref "posts/b.adoc" >}}[B]')
    'link:site-ref:posts/b.adoc[B]'
    """
    if "{{" not in text:
        return text
    return _HUGO_REF_RE.sub(lambda m: _ref(_hugo_ref_target(m)), text)


def _hugo_ref_target(m: re.Match) -> str:
    """The page a ``ref``/``relref`` shortcode names: its ``path=`` argument, else its
    first positional one (``{{< ref "x.md" >}}``, ``{{< relref path="x.md" lang="en" >}}``).

    References
    ----------
    .. [1] Hugo, "Links and cross references" (``ref`` and ``relref`` with ``path``,
       ``lang`` and ``outputFormat``), https://gohugo.io/content-management/cross-references/
    """
    first = None
    for arg in _SHORTCODE_ARG_RE.finditer(m.group(1)):
        value = next((v for v in arg.group(2, 3, 4, 5) if v is not None), "")
        if arg.group(1) is None and first is None:
            first = value
        elif (arg.group(1) or "").lower() == "path":
            return value
    return first or ""


def expand_site_links(line: str, *, label_first: bool = False) -> str:
    """Rewrite generator link syntax in one Markdown line into ``site-ref:`` links.

    Parameters
    ----------
    line : str
        One line of Markdown (outside fenced code).
    label_first : bool, keyword-only
        A wikilink's text is before its ``|`` and its target after it, as Dendron writes
        them (``[[the RoPE post|blog.rope]]``); Obsidian, Foam and MediaWiki write the
        target first (``[[blog.rope|the RoPE post]]``), the default. Dendron's links to a
        note of a named vault (``dendron://VAULT/note``) reach the note in either case.

    Returns
    -------
    str
        The line with ``{{ site.baseurl }}`` removed, ERB's ``<%= relative_url "/x/" %>``
        (``absolute_url``, ``url_for``) replaced by its address and ``<%= link_to "text",
        "/x/" %>`` by a Markdown link, Liquid ``post_url``/``link``,
        Hugo ``ref``/``relref`` and Hexo ``post_path`` replaced by ``site-ref:TARGET``
        (inside the link they stand in; a Hugo ``ref`` standing alone in the text, whose
        address Goldmark's linkify makes a link, by ``[TARGET](site-ref:TARGET)``), and
        Hexo ``post_link``, Obsidian wikilinks and embeds of notes (``![[note]]``; an
        embedded picture, sound or PDF, ``![[x.png]]``, is removed) and
        DEV's ``{% link user/slug %}`` and ``{% post URL %}`` standing alone (a card of
        the post) replaced by whole Markdown links ``[text](site-ref:TARGET)``; Logseq's
        ``[text]([[page]])`` by ``[text](site-ref:page)``, and its block reference
        ``((UUID))`` by ``[](site-ref:id:UUID)`` (a note's ``id:: UUID`` lines name it,
        see :func:`graphkit.readers.frontmatter.block_ids`); MyST's ``{doc}`x``` and
        ``{ref}`text <label>``` (Sphinx, Jupyter Book) by ``[text](site-ref:x)`` and
        ``[text](site-ref:label:label)`` (a MyST ``(label)=`` line or a reST ``..
        _label:`` names a post so, see :data:`LABEL_PREFIX`).

    Examples
    --------
    >>> expand_site_links("as in {doc}`the RoPE post <../posts/rope>`")
    'as in [the RoPE post](site-ref:../posts/rope)'
    >>> expand_site_links("[a]({{ site.baseurl }}{% post_url 2017-06-21-b %}#c)")
    '[a](site-ref:2017-06-21-b#c)'
    >>> expand_site_links("see [[Some Note|this note]]")
    'see [this note](site-ref:Some%20Note)'
    >>> expand_site_links("see [[this note|blog.rope#intro]]", label_first=True)
    'see [this note](site-ref:blog.rope#intro)'

    References
    ----------
    .. [1] Dendron, "Links" (``[[alias|note]]``, cross-vault ``dendron://vault/note``),
       https://wiki.dendron.so/notes/3472226a-ff3c-432d-bf5d-10926f39f6c2/
    """
    if "{" not in line and "[[" not in line and "((" not in line and "<%" not in line:
        return line
    if "<%" in line:     # ERB's helpers (Bridgetown, Middleman): the address they make
        line = _ERB_URL_RE.sub(lambda m: m.group(2), line)
        line = _ERB_LINK_RE.sub(lambda m: f"[{m.group(2)}]({m.group(4)})", line)
    if "]([[" in line:     # Logseq's page reference with a label: [text]([[page]])
        line = _LABELLED_REF_RE.sub(lambda m: f"]({_ref(m.group(1))})", line)
    if "((" in line:      # Logseq's reference to a block, by the id:: of the block
        line = _LABELLED_BLOCK_RE.sub(lambda m: f"]({block_ref(m.group(1))})", line)
        line = _BLOCK_REF_RE.sub(lambda m: f"[]({block_ref(m.group(1))})", line)
    if "}`" in line:
        line = _MYST_ROLE_RE.sub(_myst_role, line)
    line = _LIQUID_VAR_RE.sub("", line)
    line = _LIQUID_FILTER_RE.sub(lambda m: m.group(1), line)
    line = _LIQUID_TAG_RE.sub(_liquid_tag, line)
    if "{{" in line:
        line = _HUGO_REF_RE.sub(_hugo_ref, line)
    line = _HEXO_PATH_RE.sub(lambda m: _ref(_unquote_arg(m.group(1))), line)

    def hexo_link(m: re.Match) -> str:
        target = _unquote_arg(m.group(1))
        text = _unquote_arg(m.group(2) or "") or target
        return f"[{text}]({_ref(target)})"

    line = _HEXO_LINK_RE.sub(hexo_link, line)

    def wikilink(m: re.Match) -> str:
        target, heading, text = m.group(1).strip(), m.group(2) or "", m.group(3)
        if label_first and text and text.strip():          # Dendron's [[text|note#heading]]
            text, (target, mark, heading) = target + heading, text.strip().partition("#")
            heading = mark + heading
        target = _DENDRON_VAULT_RE.sub("", target)
        numeric = _NUMERIC_RE.match(target) and (zettel_id(target) or ("",))[0] != target
        if not target or numeric or "$" in target:
            return m.group(0)           # an array or formula, not a link (a note's id is)
        shown = (text or target + heading.replace("#", " › ")).strip()
        return f"[{shown}]({denote_link(target) or _ref(target + heading)})"

    def embed(m: re.Match) -> str:
        if _EMBEDDED_FILE_RE.search(m.group(1).strip()):
            return ""                   # a picture, a sound, a PDF: no text, no link
        return wikilink(m)

    if "[[" in line:
        if "![[" in line:
            line = _EMBED_RE.sub(embed, line)
        line = _WIKILINK_RE.sub(wikilink, line)
    return line


def site_link_url(url: str) -> str:
    """A link target written as a content file path, as a ``site-ref:`` URL.

    Zola's ``@/blog/x.md``, Pelican's ``{filename}/x.md``, ``{filename}x.rst`` and
    ``|filename|x.md``, and Nikola's ``link://filename/posts/x.rst`` name the linked
    post's source file, Nikola's ``link://slug/x`` its slug, Denote's
    ``denote:IDENTIFIER`` the note (:func:`denote_link`), as Bear's ``bear://`` note
    address does (:func:`bear_link`); any other URL is returned
    as it is (Nikola's ``link://tag/x`` and other kinds name no post).

    Examples
    --------
    >>> site_link_url("{filename}/posts/a.md#b")
    'site-ref:/posts/a.md#b'
    >>> site_link_url("https://example.org/a")
    'https://example.org/a'
    """
    named = denote_link(url) or bear_link(url)
    if named is not None:
        return named
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
    found = _on_platform(url, "medium.com")
    if found is None:
        return None
    m = _MEDIUM_ID_RE.search(found[1].path.rstrip("/").rsplit("/", 1)[-1])
    return m.group(1) if m else None


# a Zenn article's address, zenn.dev/USER/articles/SLUG, whose slug (12 to 50 of a-z 0-9
# _ -) no other article of any user has; a Qiita item's, qiita.com/USER/items/ID (20
# hexadecimal digits)
_ZENN_ARTICLE_RE = re.compile(r"^/[^/]+/articles/([a-z0-9_-]{12,50})/?$")
ZENN_SLUG_RE = re.compile(r"^[a-z0-9_-]{12,50}$")
_QIITA_ITEM_RE = re.compile(r"^/[^/]+/items/([0-9a-f]{20})/?$")
QIITA_ID_RE = re.compile(r"^[0-9a-f]{20}$")


def article_platform_alias(url: str) -> str | None:
    """``zenn/SLUG`` for a Zenn article's address, ``qiita/ID`` for a Qiita item's: the
    one article across the platform, whichever user's address names it; else None.

    References
    ----------
    .. [1] Zenn, "Zenn CLIで記事・本を管理する方法" (an article's slug, its address),
       https://zenn.dev/zenn/articles/zenn-cli-guide
    .. [2] Qiita CLI (an item's ``id`` in the front matter of ``public/NAME.md``),
       https://github.com/increments/qiita-cli
    """
    for domain, pattern, prefix in (("zenn.dev", _ZENN_ARTICLE_RE, "zenn/"),
                                    ("qiita.com", _QIITA_ITEM_RE, "qiita/")):
        found = _on_platform(url, domain)
        if found is not None:
            m = pattern.match(found[1].path)
            return prefix + m.group(1) if m else None
    return None


# a Velog post's address, velog.io/@USER/SLUG; the slug is made from the title by
# velog-server's escapeForUrl: only these characters kept (its class as written, ㄱ-힣 a
# range that holds every CJK block too), then spaces made hyphens, runs of them one
_VELOG_POST_RE = re.compile(r"^/@[^/]+/([^/]+)/?$")
_VELOG_DROP_RE = re.compile("[^0-9a-zA-Z\u3131-\ud7a3.\u3000-\u303f\u3040-\u309f\u30a0-\u30ff"
                            "\uff00-\uff9f\u4e00-\u9faf\u3400-\u4dbf -]")


def velog_slug(title: str) -> str:
    """The slug Velog makes of a post's title (velog-server's ``escapeForUrl``), case
    folded: ``"트랜스포머 정리 2편: 위치 인코딩"`` → ``"트랜스포머-정리-2편-위치-인코딩"``.

    References
    ----------
    .. [1] velog-server, ``escapeForUrl`` in ``src/lib/utils.ts``,
       https://github.com/velopert/velog-server
    """
    return re.sub(r"--+", "-", _VELOG_DROP_RE.sub("", title).strip().replace(" ", "-")).casefold()


def velog_post_slug(url: str) -> str | None:
    """The slug of the post a Velog address names (``velog.io/@USER/SLUG``, percent
    escapes read), as :func:`velog_slug` makes it; else None. A backup of a Velog blog
    (velog-backup's ``backup/content/TITLE.md``) keeps a post's title, not its slug: the
    slug made from the title is how a link reaches the post."""
    found = _on_platform(url, "velog.io")
    if found is None:
        return None
    m = _VELOG_POST_RE.match(found[1].path)
    return velog_slug(unquote(m.group(1))) if m else None


# a Tumblr post's addresses by its number: NAME.tumblr.com/post/ID[/slug], a blog's own
# domain's /post/ID[/slug], and tumblr.com/NAME/ID[/slug] (with blog/view/ before NAME)
_TUMBLR_POST_RE = re.compile(r"^/post/(\d+)(?:/|$)")
_TUMBLR_APP_RE = re.compile(r"^/(?:blog/view/)?(?!(?:tagged|search|explore|dashboard)/)"
                            r"[a-z0-9][a-z0-9-]*/(\d+)(?:/|$)", re.I)
_TUMBLR_SHORT_RE = re.compile(r"^/([A-Za-z0-9_-]+)/?$")
# a number so long names a Tumblr post on a domain that is not Tumblr's own (the
# smallest numbers are of 2007; a site of another kind numbering its posts from 1 is
# not confused with it)
MIN_TUMBLR_ID_DIGITS = 6


def tumblr_post_alias(url: str, *, any_host: bool = False) -> str | None:
    """The name a Tumblr address gives its post: ``tumblr/ID``, or ``tumblr/short/CODE``
    for a short link; else None.

    Tumblr numbers every post, across all blogs, and serves it at
    ``https://NAME.tumblr.com/post/ID/slug`` (the slug optional), at
    ``https://www.tumblr.com/NAME/ID/slug`` (its dashboard's address) and by a short link
    ``https://tmblr.co/CODE`` that its API gives as ``short_url``. A blog on a domain of
    its own keeps ``/post/ID/slug``: with ``any_host``, such a path on any host (or none:
    ``/post/ID``) names the post, when its number has at least
    :data:`MIN_TUMBLR_ID_DIGITS` digits.

    >>> tumblr_post_alias("https://xiaolin.tumblr.com/post/645400000000000004/rope")
    'tumblr/645400000000000004'
    >>> tumblr_post_alias("https://www.tumblr.com/xiaolin/645400000000000004")
    'tumblr/645400000000000004'
    >>> tumblr_post_alias("https://tmblr.co/ZcY7Xw2Ab3")
    'tumblr/short/ZcY7Xw2Ab3'
    >>> tumblr_post_alias("/post/645400000000000004/rope"), tumblr_post_alias(
    ...     "/post/645400000000000004/rope", any_host=True)
    (None, 'tumblr/645400000000000004')

    References
    ----------
    .. [1] Tumblr API v2, "Posts" (``id``, ``post_url``, ``short_url``),
       https://www.tumblr.com/docs/en/api/v2
    """
    short = _on_platform(url, "tmblr.co")
    if short is not None:
        m = _TUMBLR_SHORT_RE.match(short[1].path)
        return f"tumblr/short/{m.group(1)}" if m else None
    found = _on_platform(url, "tumblr.com")
    if found is not None:
        host, parts = found
        pattern = _TUMBLR_APP_RE if host in ("tumblr.com", "www.tumblr.com") else _TUMBLR_POST_RE
        m = pattern.match(parts.path)
        return f"tumblr/{m.group(1)}" if m else None
    if not any_host or "/post/" not in url:
        return None
    try:
        path = urlsplit(url.strip()).path
    except ValueError:
        return None
    m = _TUMBLR_POST_RE.match(path)
    return f"tumblr/{m.group(1)}" if m and len(m.group(1)) >= MIN_TUMBLR_ID_DIGITS else None


def _on_platform(url: str, domain: str):
    """``(host, urlsplit parts)`` of an address on ``domain`` or one of its sub-domains,
    else None; most addresses are passed over without being parsed."""
    if domain not in url.casefold():
        return None
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower()
    except ValueError:
        return None
    if host != domain and not host.endswith("." + domain):
        return None
    return host, parts


# Substack's own addresses of one post by its number (``substack.com/home/post/p-ID``,
# ``substack.com/@user/p-ID``, ``substack.com/inbox/post/ID``, ``pub.substack.com/p-ID``)
_SUBSTACK_ID_RE = re.compile(r"/(?:(?:home|inbox)/post/(?:p-)?|(?:@[^/]+/)?p-)(\d+)/?$")
# the app's share address of a publication's post: open.substack.com/pub/NAME/p/slug
_SUBSTACK_OPEN_RE = re.compile(r"^/pub/([a-z0-9][a-z0-9-]*)(/.*)?$", re.I)


def substack_post_id(url: str) -> str | None:
    """The number of the post a Substack address names by number, or None.

    Substack numbers every post; the number is in its export (``posts.csv``'s
    ``post_id`` ``ID.slug``) and in the addresses its apps give a post
    (``https://substack.com/home/post/p-ID``, ``substack.com/@user/p-ID``,
    ``substack.com/inbox/post/ID``). The number names one post across all of Substack.

    >>> substack_post_id("https://substack.com/home/post/p-101000006?utm_source=share")
    '101000006'
    >>> substack_post_id("https://zhang.substack.com/p/rope") is None
    True
    """
    found = _on_platform(url, "substack.com")
    if found is None:
        return None
    m = _SUBSTACK_ID_RE.search(found[1].path)
    return m.group(1) if m else None


def substack_address(url: str) -> str:
    """A publication's own address of a post for Substack's app address of it.

    ``https://open.substack.com/pub/NAME/p/slug?r=…`` (the share link of Substack's app)
    is ``https://NAME.substack.com/p/slug``; any other URL is returned as it is.

    >>> substack_address("https://open.substack.com/pub/zhang/p/rope?r=2abc&utm_medium=web")
    'https://zhang.substack.com/p/rope'
    """
    found = _on_platform(url, "substack.com")
    if found is None or found[0] != "open.substack.com":
        return url
    m = _SUBSTACK_OPEN_RE.match(found[1].path)
    if not m:
        return url
    return f"https://{m.group(1).lower()}.substack.com{m.group(2) or '/'}"


# outbound-link redirectors: platforms send a post's links to other sites through a
# service of their own that takes the address in a query parameter (知乎
# link.zhihu.com/?target=, 简书 links.jianshu.com/go?to=, 掘金 link.juejin.cn/?target=,
# CSDN link.csdn.net/?target=, Google /url?q=, Facebook l.facebook.com/l.php?u=, Tumblr
# t.umblr.com/redirect?z=, 豆瓣 /link2/?url=, 微博 /sinaurl?u=, Medium /r/?url=, VK
# /away.php?to=, Steam /linkfilter/?url=, pixiv /jump.php?url=, 开源中国 /GoToLink?url=,
# DuckDuckGo's results /l/?uddg=, Facebook's mobile lm.facebook.com/l.php?u=, Outlook's
# NAME.safelinks.protection.outlook.com/?url=): such a service is a host named as one
# (link., links., l., lm., out., go., t., jump.), Outlook's Safe Links or an endpoint
# named as one
_REDIRECT_HOST_RE = re.compile(r"^(?:link|links|l|lm|out|go|t|jump|redirect|r)\.|"
                               r"\.safelinks\.protection\.outlook\.com$", re.I)
_REDIRECT_PATH_RE = re.compile(r"/(?:url|go|goto|gotolink|redirect|redirect\.php|redir|link|"
                               r"link2|l|l\.php|r|away|away\.php|linkfilter|sinaurl|jump|"
                               r"jump\.php|out|outlink|external-link)/?$", re.I)
_REDIRECT_PARAMS = ("target", "to", "url", "u", "q", "z", "uddg", "dest", "destination",
                    "goto", "link", "redirect")


# the Internet Archive's copy of a page: web.archive.org/web/TIMESTAMP[MODIFIER_]/ADDRESS
# (a timestamp of 1–14 digits, `im_`/`cs_`/`js_`/`id_` for an image, style, script or the
# page as captured), which its pages also link as a site path (/web/…/https://…)
_WAYBACK_RE = re.compile(
    r"^(?:(?:https?:)?//(?:web\.|wayback\.)?archive\.org)?/web/\d{1,14}(?:[a-z]{2}_)?/+"
    r"(https?):/+([^/\s?#]+\.[^\s]*)$", re.I)


def archived_address(url: str) -> str | None:
    """The address a Wayback Machine copy of a page stands for, or None.

    The Internet Archive's Wayback Machine serves its copy of ``https://blog.example/a/``
    at ``https://web.archive.org/web/20210315000000/https://blog.example/a/`` and
    rewrites every link and the canonical link of the pages it serves so; a blog read
    from its copies (a blog that is gone, saved page by page from the archive) links its
    posts by those addresses.

    >>> archived_address("https://web.archive.org/web/20210315083000/https://blog.example/a/")
    'https://blog.example/a/'
    >>> archived_address("/web/2021im_/http://blog.example/logo.png")
    'http://blog.example/logo.png'
    >>> archived_address("/web/2021/frameworks.html") is None
    True

    References
    ----------
    .. [1] Internet Archive, "Wayback Machine APIs" (the ``/web/TIMESTAMP/URL`` form),
       https://archive.org/help/wayback_api.php
    """
    m = _WAYBACK_RE.match(url.strip())
    return f"{m.group(1).lower()}://{m.group(2)}" if m else None


# a host name (labels of letters, digits and inner hyphens, parted by dots, the last
# beginning with a letter), with a port or none: a mirror's host folder, Hashnode's domain
HOST_NAME_RE = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9]"
                          r"(?::\d+)?$", re.I)


# folders of a site's list pages in Hugo, Jekyll, Hexo, WordPress, Ghost and Blogger
# (/search/label/NAME): taxonomies, pagination, authors (not /archives/: Typecho and
# others keep their posts there)
LIST_FOLDERS = frozenset({"tags", "tag", "categories", "category", "label", "labels", "page",
                          "author", "authors"})
# those of them that hold a taxonomy's terms: a tag's or a category's page
TAXONOMY_FOLDERS = frozenset({"tags", "tag", "categories", "category", "label", "labels"})


# a month's or a day's list of posts: the year and month (and day) end the path, as
# WordPress (/2015/09/), Hexo (/archives/2015/09/) and Jekyll's jekyll-archives write it;
# a post's own address goes on after the date (/2015/09/slug/). A year alone is not
# taken: a post's number may read like one (Typecho's /archives/2015/)
_DATE_ARCHIVE_RE = re.compile(r"(?:^|/)(?:19|20)\d\d/(?:0?[1-9]|1[0-2])"
                              r"(?:/(?:0?[1-9]|[12]\d|3[01]))?/(?:index\.(?:html?|php))?$", re.I)


def date_archive_path(path: str) -> bool:
    """True when ``path`` (an address or a saved page's file) is a date archive's page.

    A month's or a day's list of posts ends its path with the year and month (and day):
    ``/2015/09/`` (WordPress), ``archives/2015/09/index.html`` (Hexo's archive
    generator), ``/2015/09/12/``. A post's address goes on after its date
    (``/2015/09/slug/``, ``2015/09/slug.html``), and a year alone is not taken (a post's
    number may look like one: ``/archives/2015/``).

    Parameters
    ----------
    path : str
        An absolute or relative address, or a file's path; a query or anchor is ignored.

    Examples
    --------
    >>> date_archive_path("https://blog.example/archives/2015/09/")
    True
    >>> date_archive_path("site/2015/09/12/index.html")
    True
    >>> date_archive_path("https://blog.example/2015/09/slug/")
    False
    >>> date_archive_path("/archives/2015/")
    False

    References
    ----------
    .. [1] WordPress, "Date archives" (``/YYYY/MM/``),
       https://developer.wordpress.org/themes/functionality/archive-pages/
    .. [2] Hexo, hexo-generator-archive (``archives/YYYY/MM/``, ``monthly``),
       https://github.com/hexojs/hexo-generator-archive
    """
    return _DATE_ARCHIVE_RE.search(address_path(path)[-40:]) is not None


def address_path(path: str) -> str:
    """The path of an address (absolute or protocol-relative) or of a file, without
    scheme, host, query or anchor: ``https://b.example/a/?x#y`` → ``/a/``."""
    path = path.replace("\\", "/").split("#", 1)[0].split("?", 1)[0]
    return re.sub(r"^(?:[a-z][a-z0-9+.\-]*:)?//[^/]*", "", path, flags=re.I)


# the pages a generator writes beside the posts that are no posts: the page for addresses
# the site does not have (404.html: Jekyll, Hugo, Hexo, GitHub Pages), the archive's
# index, every post's title by date (/archives/, /archive.html), and the indexes of its
# tags, categories and authors (Pelican's tags.html, categories.html, authors.html)
_SITE_PAGE_RE = re.compile(r"(?:^|/)(?:(?P<missing>404)|(?P<archive>archives?|tags|categories"
                           r"|authors))(?:/|/index\.html?|\.html?)$", re.I)


def site_page_kind(path: str) -> str | None:
    """``"not-found"`` or ``"archive"`` when ``path`` (an address or a saved page's file)
    is the page a generator writes for addresses the site does not have or the index of
    its archive (or of its tags, categories or authors); else None. A post may be
    numbered 404 (``/archives/404/``): the reader asks a not-found page to be short too.

    Examples
    --------
    >>> site_page_kind("public/404.html"), site_page_kind("https://blog.example/archives/")
    ('not-found', 'archive')
    >>> site_page_kind("https://blog.example/archives/404") is None
    True
    >>> site_page_kind("output/tags.html"), site_page_kind("/posts/tags-and-labels/")
    ('archive', None)

    References
    ----------
    .. [1] GitHub Docs, "Creating a custom 404 page for your GitHub Pages site",
       https://docs.github.com/en/pages/getting-started-with-github-pages/
       creating-a-custom-404-page-for-your-github-pages-site
    .. [2] Hexo, hexo-generator-archive (``archives/index.html``),
       https://github.com/hexojs/hexo-generator-archive
    """
    m = _SITE_PAGE_RE.search(address_path(path)[-40:])
    return None if m is None else "not-found" if m.group("missing") else "archive"


# an AMP page as a cache serves it: the cache's sub-domain (the publisher's host, "." as
# "-"), /c/ for a document (/v/ inside a viewer), s/ when the page is served over https,
# then the page's address without its scheme; and Google's viewer, google.TLD/amp/[s/]…
_AMP_CACHE_RE = re.compile(r"^https?://[a-z0-9-]++\.(?:cdn\.ampproject\.org|bing-amp\.com|"
                           r"amp\.cloudflare\.com)/[cv]/(s/)?(\S++)$", re.I)
_AMP_VIEWER_RE = re.compile(r"^https?://(?:www\.)?google\.(?:com?\.)?[a-z]{2,3}/amp/(s/)?(\S++)$",
                            re.I)


# a paper's page on arXiv and the sites that serve arXiv's papers by their identifier
# (arXiv's abstract, PDF and HTML pages, export., ar5iv's renderings, Hugging Face's paper
# pages, alphaXiv): the identifier, new style (2104.09864, version dropped) or old
# (hep-th/9901001); OpenReview's forum and PDF by the note's id; a DOI's resolver
_ARXIV_ID = r"(?P<arxiv>\d{4}\.\d{4,5}|[a-z][a-z.\-]{1,20}/\d{7})(?:v\d{1,3})?(?!\d)"
_PAPER_HOST_RE = re.compile(r"https?://(?:[a-z0-9\-]{1,30}\.){0,3}(?:arxiv|ar5iv|huggingface"
                            r"|alphaxiv|openreview|doi|papers)\.(?:org|co|net|cool)/", re.I)
_PAPER_RES = (
    re.compile(r"^https?://(?:www\.|export\.)?arxiv\.org/(?:abs|pdf|html|format)/" + _ARXIV_ID,
               re.I),
    re.compile(r"^https?://(?:ar5iv\.labs\.arxiv\.org|ar5iv\.org)/(?:html|abs)/" + _ARXIV_ID,
               re.I),
    re.compile(r"^https?://(?:www\.)?(?:huggingface\.co/papers|alphaxiv\.org/(?:abs|overview)"
               r"|papers\.cool/arxiv)/"
               + _ARXIV_ID, re.I),
    re.compile(r"^https?://(?:www\.)?openreview\.net/(?:forum|pdf)\?(?:[^#]*&)?id="
               r"(?P<openreview>[A-Za-z0-9_\-]{6,40})(?![A-Za-z0-9_\-])"),
    re.compile(r"^https?://(?:dx\.)?doi\.org/(?P<doi>10\.\d{4,9}/[^\s?#]{1,200})", re.I),
)


def paper_id(url: str) -> str | None:
    """The identifier of the paper an address is a page of, as ``SCHEME:ID``, else None.

    An arXiv paper is named by its identifier whatever the page (abstract, PDF, HTML,
    a version), and so are its pages on ar5iv, Hugging Face's paper pages and alphaXiv;
    an OpenReview paper by its forum's id (``forum?id=`` and ``pdf?id=``); any other by
    its DOI (``doi.org/10.…``, in lower case: DOIs match without case).

    >>> paper_id("https://arxiv.org/pdf/1706.03762v5")
    'arxiv:1706.03762'
    >>> paper_id("https://huggingface.co/papers/2104.09864")
    'arxiv:2104.09864'
    >>> paper_id("https://openreview.net/pdf?id=HJeFmkBtvB")
    'openreview:HJeFmkBtvB'
    >>> paper_id("https://doi.org/10.1145/3292500.3330701")
    'doi:10.1145/3292500.3330701'
    >>> paper_id("https://arxiv.org/list/cs.LG/recent") is None
    True

    References
    ----------
    .. [1] arXiv, "Understanding the arXiv identifier",
       https://info.arxiv.org/help/arxiv_identifier.html
    .. [2] Crossref, "DOIs in staging REST API should be case-insensitive" (as they are
       in production), https://gitlab.com/crossref/rest_api/-/issues/176
    """
    u = url.strip()
    if not _PAPER_HOST_RE.match(u):
        return None
    for pattern in _PAPER_RES:
        m = pattern.match(u)
        if m is None:
            continue
        kind = m.lastgroup
        value = m.group(kind)
        if kind == "arxiv":
            return f"arxiv:{value.lower()}"
        if kind == "doi":
            return f"doi:{unquote(value).rstrip('.,;').lower()}"
        return f"openreview:{value}"
    return None


_PAPER_PAGES = {"arxiv": "https://arxiv.org/abs/{}",
                "openreview": "https://openreview.net/forum?id={}", "doi": "https://doi.org/{}"}


def paper_address(key: str) -> str | None:
    """The page of a paper node named by :func:`paper_id` (``paper:arxiv:1706.03762`` →
    ``https://arxiv.org/abs/1706.03762``), else None (a paper known by its title only).

    >>> paper_address("paper:openreview:HJWLfGWRb")
    'https://openreview.net/forum?id=HJWLfGWRb'
    >>> paper_address("paper:attentionisallyouneed") is None
    True
    """
    _, kind, ident = (key.split(":", 2) + ["", ""])[:3]
    page = _PAPER_PAGES.get(kind) if key.startswith("paper:") and ident else None
    return page.format(quote(ident, safe="/.-_~:;()")) if page else None


def amp_original(url: str) -> str | None:
    """The address of the page an AMP cache or viewer serves, or None.

    A reader who found a post in a search on a phone was shown its AMP edition from a
    cache (``https://blog-example.cdn.ampproject.org/c/s/blog.example/a/``) or in
    Google's viewer (``https://www.google.com/amp/s/blog.example/a/``), and copies that
    address; both name the page's own address after ``s/`` (``https://``; without it
    ``http://``).

    >>> amp_original("https://blog-example.cdn.ampproject.org/c/s/blog.example/a/amp/")
    'https://blog.example/a/amp/'
    >>> amp_original("https://www.google.co.uk/amp/blog.example/a/")
    'http://blog.example/a/'
    >>> amp_original("https://www.google.com/search?q=amp") is None
    True

    References
    ----------
    .. [1] A. Fischer, "What's in an AMP URL?", Google Developers Blog (2017) (the
       original, the AMP Cache and the Google AMP Viewer addresses),
       https://developers.googleblog.com/2017/02/whats-in-amp-url.html
    .. [2] AMP, "Using the Google AMP Cache" (the cache's address format),
       https://amp.dev/documentation/examples/guides/using_the_google_amp_cache/
    """
    if "amp" not in url:
        return None
    for pattern in (_AMP_CACHE_RE, _AMP_VIEWER_RE):
        m = pattern.match(url.strip())
        if m and "." in m.group(2).split("/", 1)[0]:
            return ("https://" if m.group(1) else "http://") + m.group(2)
    return None


# a page's AMP edition on the site itself: /amp/ after the page's path (the AMP plugin's
# for WordPress) or before it (the plugin's path prefix); ?amp=1 is a query, which a
# link's path leaves out anyway
_AMP_SUFFIX_RE = re.compile(r"^(.*?[^/])/+amp/*$", re.I | re.S)
_AMP_PREFIX_RE = re.compile(r"^(/?)amp/+(?=[^/])", re.I)


# the host of a page read without its address: its path is on no site (a built page
# named by its file's place, a feed entry's "/2020/a.html")
NO_SITE = "http://site.invalid"


def folded_path(path: str) -> str:
    """A page's path as two links to it are compared: no ``index.html`` and no last
    ``/`` (``/posts/a/index.html`` and ``/posts/a/`` are ``/posts/a``; the root is
    ``/``).

    >>> folded_path("/posts/a/index.html"), folded_path("/posts/a/"), folded_path("/")
    ('/posts/a', '/posts/a', '/')
    """
    return re.sub(r"(?:^|/)index\.html?$", "", path, flags=re.I).rstrip("/") or "/"


def _bare_path(address: str) -> str:
    """An address's path: without scheme and host, query and anchor."""
    path = re.sub(r"^[a-z][a-z0-9+.\-]*+://[^/]*+", "", address, flags=re.I)
    return path.split("#", 1)[0].split("?", 1)[0]


def amp_page_path(address: str) -> str | None:
    """The path of the page whose AMP edition an address or path names, or None.

    >>> amp_page_path("https://blog.example/2016/01/01/amp-on/amp/#comments")
    '/2016/01/01/amp-on'
    >>> amp_page_path("/amp/2016/01/01/amp-on/")
    '/2016/01/01/amp-on/'
    >>> amp_page_path("/amp/") is None, amp_page_path("/tags/ampere/") is None
    (True, True)

    References
    ----------
    .. [1] AMP for WordPress, wiki (``/amp/`` appended to a post's address),
       https://github.com/ampproject/amp-wp/wiki/Home
    .. [2] AMP for WordPress, the path prefix paired URL structure,
       https://gist.github.com/westonruter/f881658cb1bc5a03cc432c8e2b89102a
    """
    path = _bare_path(address)
    m = _AMP_SUFFIX_RE.match(path)
    if m:
        return m.group(1)
    plain = _AMP_PREFIX_RE.sub(r"\1", path, count=1)
    return plain if plain != path else None


# the last part of the address of one page of a post: WordPress' page N of a post split by
# <!--nextpage--> (/slug/2/) and page N of its comments (/slug/comment-page-2/)
_POST_PAGE_RE = re.compile(r"[1-9][0-9]{0,3}|comment-page-[1-9][0-9]{0,5}", re.I)


def post_page_path(address: str) -> str | None:
    """The path of the post one of whose pages an address or path names, or None: the
    second page of a post split into pages (``/slug/2/``) or a page of its comments
    (``/slug/comment-page-2/``), as WordPress addresses them; not a list's page
    (``/page/2/``, ``/tags/rope/2/``: :data:`LIST_FOLDERS`).

    >>> post_page_path("https://blog.example/2020/05/linear/2/#more")
    '/2020/05/linear/'
    >>> post_page_path("/archives/15/comment-page-3#comment-98")
    '/archives/15/'
    >>> post_page_path("/page/2/") is None, post_page_path("/2/") is None
    (True, True)

    References
    ----------
    .. [1] WordPress, ``wp_link_pages()`` (the pages of a post split by ``<!--nextpage-->``),
       https://developer.wordpress.org/reference/functions/wp_link_pages/
    .. [2] WordPress, ``get_comments_pagenum_link()`` (``comment-page-N`` after a post's
       address), https://developer.wordpress.org/reference/functions/get_comments_pagenum_link/
    """
    path = _bare_path(address)
    head, _, last = path.rstrip("/").rpartition("/")
    parts = [s for s in head.split("/") if s]
    if not parts or not _POST_PAGE_RE.fullmatch(last) or parts[-1].casefold() in LIST_FOLDERS \
            or len(parts) >= 2 and parts[-2].casefold() in LIST_FOLDERS:
        return None
    return head + "/"


# a Naver Blog post's addresses: blog.naver.com/BLOG/LOGNO, and the page the blog's frame
# shows, blog.naver.com/PostView.naver?blogId=BLOG&logNo=LOGNO (PostView.nhn before 2020)
_NAVER_VIEW_RE = re.compile(r"^/PostView\.(?:naver|nhn)$", re.I)
_NAVER_BLOG_ID_RE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def naver_blog_address(url: str) -> str | None:
    """``https://blog.naver.com/BLOG/LOGNO`` for a Naver Blog post's ``PostView`` address
    (on ``blog.naver.com`` or ``m.blog.naver.com``, its query in any order); else None.

    >>> naver_blog_address("https://m.blog.naver.com/PostView.naver?logNo=2230&blogId=jin")
    'https://blog.naver.com/jin/2230'

    References
    ----------
    .. [1] gallery-dl, the Naver Blog post extractor's address forms
       (``gallery_dl/extractor/naverblog.py``), https://github.com/mikf/gallery-dl
    """
    found = _on_platform(url, "blog.naver.com")
    if found is None or not _NAVER_VIEW_RE.match(found[1].path):
        return None
    query = parse_qs(found[1].query)
    blog, log = (query.get("blogId") or [""])[0], (query.get("logNo") or [""])[0]
    if _NAVER_BLOG_ID_RE.match(blog) and log.isascii() and log.isdigit():
        return f"https://blog.naver.com/{blog}/{log}"
    return None


def outbound_target(url: str) -> str:
    """The address behind a platform's outbound-link redirector, an archive's copy or an
    AMP cache; else ``url`` itself.

    A link to another site from a post on 知乎, 简书, 掘金, CSDN, Tumblr or in a Google or
    Facebook result goes through the platform's redirector, which names the address in
    a query parameter (``target``, ``to``, ``url``, ``u``, ``q``, ``z``…). The
    redirector is known by its host (``link.``, ``links.``, ``l.``, ``out.``, ``go.``,
    ``t.``, Outlook's Safe Links) or its endpoint (``/url``, ``/go``, ``/redirect``,
    ``/l.php``, ``/link2/``, Medium's ``/r/``, VK's ``/away.php``).
    Share buttons (``/sharer``, ``/intent/tweet``) are not redirectors and stay as they are.
    A Wayback Machine copy's address is the address it copied (:func:`archived_address`),
    an AMP cache's or viewer's the page it serves (:func:`amp_original`), a Naver Blog
    frame's the post's own (:func:`naver_blog_address`), and a hash route's the page it
    names (:func:`hash_route`).

    >>> outbound_target("https://link.zhihu.com/?target=https%3A//kexue.fm/archives/8265")
    'https://kexue.fm/archives/8265'
    >>> outbound_target("https://links.jianshu.com/go?to=https%3A%2F%2Fblog.example%2Fa%2F")
    'https://blog.example/a/'
    >>> outbound_target("https://twitter.com/intent/tweet?url=https%3A%2F%2Fblog.example%2Fa%2F")
    'https://twitter.com/intent/tweet?url=https%3A%2F%2Fblog.example%2Fa%2F'
    """
    for _ in range(MAX_REDIRECTS):        # a redirector's link to another one, unwrapped
        target = _redirect_target(url) or archived_address(url) or amp_original(url)
        if target is None:
            break
        url = target
    return hash_route(naver_blog_address(url) or url)


MAX_REDIRECTS = 4
# a hash route: Docsify (and other single-page sites) name the page shown in the address's
# fragment, #/ml/rope, or #!/ml/rope as older ones wrote it; ?id= there is a heading
_HASH_ROUTE_RE = re.compile(r"#!?/")


def hash_route(url: str) -> str:
    """The address of the page a hash route names, else ``url`` itself.

    A single-page site (Docsify's sites on GitHub Pages) shows the page its address's
    fragment names: ``https://lin.example/notes/#/ml/rope`` is the page ``ml/rope`` of
    the site at ``/notes/``, and a link ``#/ml/rope`` within it that page (``/ml/rope``,
    found by its path as any site path is). A query after the route (``?id=heading``)
    names a heading on that page.

    >>> hash_route("https://lin.example/notes/#/ml/rope?id=intro")
    'https://lin.example/notes/ml/rope'
    >>> hash_route("#/ml/rope"), hash_route("https://lin.example#/a")
    ('/ml/rope', 'https://lin.example/a')

    References
    ----------
    .. [1] Docsify, "More pages" and "Configuration: routerMode",
       https://docsify.js.org/#/more-pages
    """
    m = _HASH_ROUTE_RE.search(url)
    if m is None:
        return url
    route = url[m.end():].split("?", 1)[0]
    page = url[:m.start()].split("?", 1)[0]
    if not page:
        return "/" + route
    if not re.match(r"^https?://", page, re.I):
        return url
    try:
        return urljoin(page, route)
    except ValueError:
        return url


def _redirect_target(url: str) -> str | None:
    if "?" not in url or "%" not in url and "http" not in url.split("?", 1)[1]:
        return None
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname or ""
    except ValueError:
        return None
    if not (_REDIRECT_HOST_RE.search(host) or _REDIRECT_PATH_RE.search(parts.path)):
        return None
    query = parse_qs(parts.query)
    for name in _REDIRECT_PARAMS:
        value = (query.get(name) or [""])[0].strip()
        if re.match(r"^https?:/", value, re.I):
            return value
    whole = unquote(parts.query).strip()    # (the address as the whole query: pixiv's
    if re.match(r"^https?://[^\s&=]+$", whole, re.I):     # jump.php?https%3A%2F%2F…)
        return whole
    return None


WEIXIN_HOST = "mp.weixin.qq.com"


def weixin_article_id(url: str) -> str | None:
    """``BIZ/MID/IDX`` of the WeChat official-account article an address names, or None.

    An article is the ``idx``-th of the message ``mid`` of the account ``__biz``: its
    long address says so (``mp.weixin.qq.com/s?__biz=…&mid=…&idx=…&sn=…``, with the
    app's ``chksm``, ``scene`` and ``#rd`` added or not; the older ``appmsgid`` and
    ``itemidx`` too). Its short address (``/s/CODE``) names it by a code only: that one
    resolves by the address a saved page was saved from.

    >>> weixin_article_id("https://mp.weixin.qq.com/s?__biz=MzA5Mg%3D%3D&mid=2651&idx=2"
    ...                   "&sn=cd8e&chksm=bd0e&scene=21#wechat_redirect")
    'MzA5Mg==/2651/2'
    >>> weixin_article_id("https://mp.weixin.qq.com/s/on_l5Rc3Be") is None
    True
    """
    found = _on_platform(url, WEIXIN_HOST)
    if found is None:
        return None
    query = parse_qs(found[1].query)
    biz = (query.get("__biz") or [""])[0]
    mid = (query.get("mid") or query.get("appmsgid") or [""])[0]
    idx = (query.get("idx") or query.get("itemidx") or ["1"])[0]
    if not (biz and mid.isdigit() and idx.isdigit()):
        return None
    return f"{biz}/{mid}/{idx}"


# Notion names a page by its title and a 32-digit hexadecimal id, in its addresses
# (``notion.so/Title-ID``, ``notion.so/workspace/ID``, ``name.notion.site/Title-ID``) and
# in the files of its Markdown, HTML and CSV export (``Title ID.md``)
_NOTION_ID_RE = re.compile(r"(?:^|[ \-])([0-9a-f]{32})$")
NOTION_HOSTS = ("notion.so", "notion.site")


def notion_page_id(address: str) -> str | None:
    """The page id in a Notion address or in a file name of a Notion export, or None.

    Parameters
    ----------
    address : str
        An absolute URL (only ``notion.so`` and ``notion.site`` hosts count), or a
        relative link or file path (its last part, percent-decoded, without ``.md``,
        ``.html`` or ``.csv``).

    Returns
    -------
    str or None
        The 32 lower-case hexadecimal digits.

    References
    ----------
    .. [1] Notion Help Center, "Export your content",
       https://www.notion.com/help/export-your-content

    >>> notion_page_id("https://www.notion.so/Attention-notes-0123456789abcdef0123456789abcdef?pvs=21")
    '0123456789abcdef0123456789abcdef'
    >>> notion_page_id("Blog%200123456789abcdef0123456789abcdef/Rope%20ffffffffffffffffffffffffffffffff.md")
    'ffffffffffffffffffffffffffffffff'
    """
    if len(address) < 32:
        return None
    try:
        parts = urlsplit(address.strip())
    except ValueError:
        return None
    if parts.scheme:
        host = (parts.hostname or "").lower()
        if parts.scheme.lower() not in ("http", "https") or not any(
                host == h or host.endswith("." + h) for h in NOTION_HOSTS):
            return None
    last = unquote(parts.path.rstrip("/").rsplit("/", 1)[-1])
    last = re.sub(r"(?i)(_all)?\.(md|markdown|html?|csv)$", "", last)
    m = _NOTION_ID_RE.search(last)
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
    URL``, ``Source: URL`` and the like among the first three non-blank lines. A paper's
    address (:func:`paper_id`: arXiv, a DOI…) is not taken: a post that names its paper
    so (``原文地址：《…》``, a translation or a summary of it) is not that paper's page.
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
            if u and paper_id(bare_url(u.group(0))) is None:
                return bare_url(u.group(0)), i
    return None


def normalize_url(url: str) -> str | None:
    """A key under which two spellings of one address are equal.

    Scheme, ``www.``, case of the host, default ports, query, anchor, a trailing
    ``index.html`` or slash and ``.html`` are dropped: ``https://Blog.example/a/b/`` and
    ``http://www.blog.example/a/b.html`` give ``blog.example/a/b``; so are a host's
    edition for phones (:func:`site_host`) and a Naver Blog post's ``PostView`` address
    (:func:`naver_blog_address`, whose query names the post). WordPress' address of a
    post by its id keeps it (``https://blog.example/?p=10``, ``/index.php?page_id=3`` →
    ``blog.example/?p=10``): two posts' are not one home page. None for a URL without a
    host.
    """
    try:
        parts = urlsplit(naver_blog_address(url) or url.strip())
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    if not host:
        return None
    host = site_host(host)
    path = unquote(parts.path)
    path = re.sub(r"(/index)?\.(html?|php|md)$", "", path, flags=re.I).strip("/")
    wp = re.search(r"(?:^|&)(p|page_id)=(\d{1,20})(?:&|$)", parts.query) if not path else None
    if wp:                          # WordPress' own address of a post: its query names it
        return f"{host}/?{wp.group(1)}={wp.group(2)}"
    return f"{host}/{path}".rstrip("/").casefold()


def url_host(url: str) -> str | None:
    """The host of an absolute URL as :func:`site_host` spells it; None otherwise."""
    try:
        host = (urlsplit(url.strip()).hostname or "").lower()
    except ValueError:
        return None
    return site_host(host) if host else None


# Blogger redirected readers to their country's domain from 2012 (NAME.blogspot.tw,
# NAME.blogspot.com.au, … for NAME.blogspot.com), so links copied from a browser carry them
_BLOGSPOT_COUNTRY_RE = re.compile(r"^([a-z0-9-]+\.blogspot)\.(?:com\.)?[a-z]{2}$")
# a site's edition for phones on a sub-domain of its own (m.blog.naver.com, mobile.HOST),
# and the AMP plugin's sub-domain editions (amp.HOST): the same pages at the same paths
_EDITION_HOST_RE = re.compile(r"^(?:m|mobile|amp)\.(?=[^.]+\.[^.])")


def site_host(host: str) -> str:
    """One spelling of a site's host name: lower case, without ``www.``, a Blogger
    blog's country domain (``NAME.blogspot.tw``, ``NAME.blogspot.com.au``) as its own
    ``NAME.blogspot.com``, and a site's edition for phones or AMP on a sub-domain
    (``m.``, ``mobile.``, ``amp.``) as the site: links copied on a phone name
    ``m.blog.naver.com/jin/2230`` for ``blog.naver.com/jin/2230``.

    >>> site_host("m.blog.naver.com"), site_host("amp.blog.example"), site_host("m.me")
    ('blog.naver.com', 'blog.example', 'm.me')

    References
    ----------
    .. [1] Blogger Help, "My blog redirects to a country-specific URL (ccTLD)",
       https://support.google.com/blogger/answer/2402711
    .. [2] AMP for WordPress, the sub-domain paired URL structure (``amp.`` before the
       site's host), https://gist.github.com/westonruter/67487d199f4cbc1968a30c60de121893
    """
    host = host.lower()
    host = host[4:] if host.startswith("www.") else host
    return _BLOGSPOT_COUNTRY_RE.sub(r"\1.com", _EDITION_HOST_RE.sub("", host))


def slugify(title: str) -> str:
    """The slug a generator makes of a title (Jekyll's ``slugify``, Hexo's ``slugize``;
    Hugo's permalinks: :func:`hugo_urlize`): NFKC, lower case, runs of anything but
    letters and digits become one hyphen."""
    t = unicodedata.normalize("NFKC", title).casefold()
    return re.sub(r"[^\w]+", "-", t).strip("-_")


_HEX = frozenset("0123456789abcdefABCDEF")


def hugo_urlize(text: str, *, lower: bool = True) -> str:
    """The path segment Hugo's permalink placeholders make of a title, slug or file name.

    Letters, digits, combining marks and ``. / \\ _ # + ~ -`` are kept (and ``%``
    before two hexadecimal digits); white space between kept characters becomes one
    hyphen; every other character is dropped, not replaced: ``What's new: C++`` →
    ``whats-new-c++``, ``第二篇：位置编码`` → ``第二篇位置编码``.

    Parameters
    ----------
    text : str
        The title, slug or file name.
    lower : bool, keyword-only
        Lower-case the result, as Hugo does unless ``disablePathToLower`` is set.

    Returns
    -------
    str
        The segment, before percent-encoding (which a post's aliases decode).

    References
    ----------
    Hugo, ``helpers.PathSpec.UnicodeSanitize`` and ``MakePathSanitized`` (used by
    ``URLize`` for the ``:slug``, ``:title`` and ``:filename`` of a permalink
    pattern), https://github.com/gohugoio/hugo/blob/master/helpers/path.go; Hugo,
    "Permalinks configuration", https://gohugo.io/configuration/permalinks/.

    Examples
    --------
    >>> hugo_urlize("What's new: Hugo 0.120")
    'whats-new-hugo-0.120'
    """
    out: list[str] = []
    hyphen_next = was_hyphen = False
    for i, ch in enumerate(text):
        kept = (ch in "./\\_#+~-" or ch.isalpha() or unicodedata.category(ch) in _KEPT_CATEGORIES
                or (ch == "%" and text[i + 1:i + 2] in _HEX and text[i + 2:i + 3] in _HEX))
        if kept:
            was_hyphen = ch == "-"
            if hyphen_next and not was_hyphen:
                out.append("-")
            hyphen_next = False
            out.append(ch)
        elif out and ch.isspace() and not was_hyphen:
            hyphen_next = True
    segment = "".join(out)
    return segment.lower() if lower else segment


# what Go's unicode.IsDigit and unicode.IsMark accept besides letters (str.isalpha)
_KEPT_CATEGORIES = frozenset({"Nd", "Mn", "Mc", "Me"})


def file_slug(path: str) -> tuple[str, dt.date | None]:
    """The slug a file name gives a post, and the date in a Jekyll-style name.

    ``_posts/2017-06-21-some-slug.md`` → ``("some-slug", date(2017, 6, 21))`` (Zola's
    ``2017-06-21_some-slug.md`` too); a Hugo page bundle ``posts/x/index.md`` →
    ``("x", None)``; a file named as its folder (:func:`named_by_folder`) as the
    folder: ``_posts/2021-01-10-tidy/tidy.Rmd`` → ``("tidy", date(2021, 1, 10))``; a
    TextBundle's text as its bundle (:func:`textbundle_document`).
    """
    p = PurePosixPath(path)
    stem = p.stem
    routed = route_page_folder(path) or textbundle_document(path)
    if routed:
        stem = routed.rsplit("/", 1)[-1]
    elif (stem.lower() in ("index", "_index", "readme") and p.parent.name) or named_by_folder(p):
        stem = p.parent.name
    denote = denote_name(stem)
    if denote is not None:                  # (Denote's: the title's slug, the day made)
        return denote[1] or denote[0], denote[2]
    m = _JEKYLL_STEM_RE.match(stem)
    day = _DAY_STEM_RE.match(stem)
    if m or day:
        year, month, mday = (m or day).group(1, 2, 3)
        try:
            when = dt.date(int(year), int(month), int(mday))
        except ValueError:
            when = None
        return (m.group(4) if m else stem), when
    zettel = zettel_id(stem)
    return stem, (zettel[1] if zettel else None)


# a Zettelkasten note's id opening its file's name: the minute (12 digits, The Archive's and
# Obsidian's unique note creator's YYYYMMDDHHmm) or the second (14, Zettlr's default) the
# note was made, before the name's end or a space, "-", "_" or "."
_ZETTEL_ID_RE = re.compile(r"^((\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?)(?=$|[\s_.-])")


def zettel_id(stem: str) -> tuple[str, dt.date] | None:
    """The Zettelkasten id opening a note's file name, and the day it was made, or None.

    Zettlr, The Archive and Obsidian's unique note creator name a note by the time it
    was made (``20200304120000 Rotary embeddings.md``), and a link to the id alone
    (``[[20200304120000]]``) reaches it. The digits must be a time (month 1–12, day of
    that month, hour 0–23, minute and second 0–59): ``202099…`` is no id.

    References
    ----------
    .. [1] Zettlr, "The Zettelkasten method" (file IDs, ``[[ID]]`` links),
       https://docs.zettlr.com/en/pkms/zkn-method

    Examples
    --------
    >>> zettel_id("20200304120000 旋转位置编码")
    ('20200304120000', datetime.date(2020, 3, 4))
    >>> zettel_id("202003041200"), zettel_id("20201304120000 x"), zettel_id("2020030412000")
    (('202003041200', datetime.date(2020, 3, 4)), None, None)
    """
    m = _ZETTEL_ID_RE.match(stem)
    if m is None:
        return None
    year, month, mday, hour, minute, second = (int(g or 0) for g in m.group(2, 3, 4, 5, 6, 7))
    if hour > 23 or minute > 59 or second > 59:
        return None
    try:
        return m.group(1), dt.date(year, month, mday)
    except ValueError:
        return None


# endings of the source files of posts: Markdown and its dialects (MDX, Quarto, R
# Markdown), Jupyter notebooks, reStructuredText, Org, gemtext, Textile, HTML; a link to one names the post
DOC_EXTENSIONS = (r"md|markdown|mdx|svx|mkd|mdown|qmd|rmd|rmarkdown|ipynb|rst|rest|org|adoc"
                  r"|asciidoc|gmi|gemini|textile|html?")
# a page of a site routed by its folders: SvelteKit's src/routes/blog/x/+page.md (.svx with
# mdsvex), Next.js' app/blog/x/page.mdx; its folder names it, and a route group's folder,
# (name), is no part of its address
_ROUTE_GROUP_RE = re.compile(r"^\([^/()]*\)$")


def named_by_folder(path: str | PurePosixPath) -> bool:
    """True for a file named as the folder it is in, or as that folder less a date
    (``tidy/tidy.md``, ``_posts/2021-01-10-tidy/tidy.Rmd``): the folder's page, as
    Distill makes every post (``create_post`` writes ``_posts/DATE-SLUG/SLUG.Rmd``, served
    at the folder's address) and as Docusaurus reads a doc named as its folder (the
    folder's index).

    References
    ----------
    .. [1] Distill, ``create_post`` in ``R/create.R``, https://github.com/rstudio/distill
    .. [2] Docusaurus, "Autogenerated" sidebars (the category index convention: a doc
       named as its folder), https://docusaurus.io/docs/sidebar/autogenerated
    """
    p = PurePosixPath(path)
    folder = p.parent.name
    if not folder or not p.stem:
        return False
    dated = _JEKYLL_STEM_RE.match(folder)
    return p.stem.casefold() in (folder.casefold(), (dated.group(4) if dated else "").casefold())


def route_page_folder(path: str) -> str | None:
    """The folder whose address a route's page file is (``src/routes/(blog)/blog/x/+page.md``
    → ``src/routes/blog/x``, ``app/blog/x/page.mdx`` → ``app/blog/x``; a route group's
    ``(name)`` left out), else None.

    References
    ----------
    .. [1] SvelteKit, "Routing" (``+page`` files) and "Advanced routing" (route groups),
       https://svelte.dev/docs/kit/routing, https://svelte.dev/docs/kit/advanced-routing
    .. [2] Nextra, "page.mdx File" (the Next.js App Router's ``page`` file in MDX),
       https://nextra.site/docs/file-conventions/page-file
    """
    folder, _, name = path.strip("/").rpartition("/")
    stem, _, ending = name.partition(".")
    if ending.lower() not in ("md", "mdx", "svx"):
        return None
    parts = folder.split("/") if folder else []
    if stem != "+page" and not (stem.lower() == "page" and "app" in parts[:-1]):
        return None
    return "/".join(s for s in parts if s and not _ROUTE_GROUP_RE.match(s))


# a TextBundle: a folder (macOS shows it as one file) holding a document's text as text.EXT,
# its metadata as info.json and its images under assets/; zipped, a TextPack
TEXTBUNDLE_SUFFIXES = (".textbundle", ".textpack")


def textbundle_document(path: str) -> str | None:
    """The document a TextBundle's text file is: ``notes/X.textbundle/text.md`` →
    ``notes/X``, as Bear, Ulysses, Craft and Zettlr export a note (the bundle's name is the
    note's; every bundle's text file is named ``text``); else None. A TextPack (the bundle
    zipped) read as a folder is one too: ``X.textpack/text.md`` → ``X``.

    References
    ----------
    .. [1] TextBundle, "Specification" (version 2), http://textbundle.org/spec/
    """
    p = PurePosixPath(path)
    if p.stem.lower() != "text" or p.parent.suffix.lower() not in TEXTBUNDLE_SUFFIXES:
        return None
    return str(p.parent.with_suffix(""))


# a file or folder name's order number (Nuxt Content, Lume's extract_order plugin): digits
# and a dot before a name that does not go on with a digit (1.5-notes is no order). An
# alias for any site, so guarded; Grav's routes strip theirs as Grav does (_GRAV_ORDER_RE)
_ORDER_PREFIX_RE = re.compile(r"^\d{1,9}\.(?=[^\d.\s])")


def path_aliases(path: str) -> set[str]:
    """Every trailing part of a file's path, without extension, in lower case.

    ``blog/content/posts/x.md`` → ``content/posts/x``, ``posts/x``, ``x`` (and the whole
    path), so that ``{{< ref "posts/x.md" >}}`` and ``[[x]]`` both find it. A folder's
    ``index``, ``_index`` or ``README`` file is named by its folder, and so are Lektor's
    ``contents.lr``, a route's page (:func:`route_page_folder`), a TextBundle's text
    (:func:`textbundle_document`) and a file named as its
    folder (:func:`named_by_folder`: ``_posts/2021-01-10-tidy/tidy.Rmd`` is also
    ``_posts/2021-01-10-tidy``). A file or folder
    whose name opens with an order number (``content/1.blog/2.rope.md``: Nuxt Content's
    and Lume's way to order pages, which their addresses leave out) is also named
    without it (``blog/rope``, ``rope``). A name with spaces is also named with a ``-``
    for each run of them, as Quartz and most generators write its address
    (``notes/Rotary-Embeddings``), and with a ``+``, as Obsidian Publish does. A file of a
    Notion export (``Title ID.md``) is also ``notion/ID`` (:func:`notion_page_id`), and
    a Zettelkasten note (``20200304120000 Title.md``) its id (:func:`zettel_id`), a
    Denote note ``denote:IDENTIFIER`` (:func:`denote_name`).

    References
    ----------
    .. [1] Nuxt Content v2, "Content Directory" (paths and ordering),
       https://content.nuxt.com/usage/content-directory/
    .. [2] Lume, "Extract order", https://lume.land/plugins/extract_order
    """
    routed = route_page_folder(path) or textbundle_document(path)
    p = routed if routed is not None else re.sub(
        rf"(/(index|_index|readme))?\.({DOC_EXTENSIONS}|txt)$|/contents\.lr$", "",
        path.strip("/"), flags=re.I)
    parts = [s for s in p.split("/") if s]
    found = {"/".join(parts[i:]).casefold() for i in range(len(parts))}
    if routed is None and len(parts) > 1 and named_by_folder(p):   # (its folder's page)
        found |= {"/".join(parts[i:-1]).casefold() for i in range(len(parts) - 1)}
    if textbundle_document(path):     # (a link to X.textbundle/text.md or to the bundle)
        raw = [s for s in str(PurePosixPath(path.strip("/")).with_suffix("")).split("/") if s]
        found |= {"/".join(raw[i:j]).casefold() for j in (len(raw) - 1, len(raw))
                  for i in range(len(raw) - 1)}     # (never "text" alone: every bundle's)
    ordered = [_ORDER_PREFIX_RE.sub("", s) for s in parts]
    if ordered != parts:      # (content/1.blog/2.rope.md is the page /blog/rope)
        found |= {"/".join(ordered[i:]).casefold() for i in range(len(ordered))}
    if any(" " in s for s in parts):    # (notes/Rotary Embeddings.md: its page's address)
        for joiner in ("-", "+"):
            named = [re.sub(r"\s+", joiner, s.strip()) for s in parts]
            found |= {"/".join(named[i:]).casefold() for i in range(len(named))}
    notion = _NOTION_ID_RE.search(parts[-1]) if parts else None
    if notion:        # a page of a Notion export: its id, whichever address names it
        found.add(f"notion/{notion.group(1)}")
    zettel = zettel_id(parts[-1]) if parts else None
    if zettel:        # a Zettelkasten note: its id alone ([[20200304120000]])
        found.add(zettel[0])
    denote = denote_name(parts[-1]) if parts else None
    if denote:        # a Denote note: denote:IDENTIFIER, as its links name it
        found.add(f"denote:{denote[0]}")
    return found


# ------------------------------------------------------------------ site configuration
# a Node.js project's manifest: the site's generator when its dependencies name one that
# runs with no configuration file (package_config)
NPM_PACKAGE = "npm-package"
PACKAGE_GENERATORS = {"@11ty/eleventy": "eleventy", "astro": "astro", "gatsby": "gatsby"}
JEKYLL_STYLES = {"date": "/:categories/:year/:month/:day/:title:output_ext",
                 "pretty": "/:categories/:year/:month/:day/:title/",
                 "ordinal": "/:categories/:year/:y_day/:title:output_ext",
                 "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
                 "none": "/:categories/:title:output_ext"}
CONFIG_NAMES = {"_config.yml": "yaml", "_config.yaml": "yaml", "config.toml": "toml",
                "hugo.toml": "toml", "config.yaml": "yaml", "hugo.yaml": "yaml",
                "hugo.json": "yaml",     # (JSON is YAML)
                "config.yml": "yaml", "hugo.yml": "yaml", "pelicanconf.py": "python",
                "publishconf.py": "python", "conf.py": "conf-py",
                "mkdocs.yml": "mkdocs", "mkdocs.yaml": "mkdocs",
                "_quarto.yml": "quarto", "_quarto.yaml": "quarto",
                "_site.yml": "rmarkdown",     # an R Markdown website's, a Distill blog's
                ".eleventy.js": "eleventy", ".eleventy.cjs": "eleventy",
                "config.rb": "middleman", "jbake.properties": "jbake",
                "tiddlywiki.info": "tiddlywiki", "dendron.yml": "dendron",
                "$meta.json": "yuque",        # a Yuque book's (its .lakebook's) settings
                "config.md": "franklin",      # a Franklin.jl site's global page variables
                "site.hs": "hakyll",          # a Hakyll site's rules (Haskell, never run)
                "book.toml": "mdbook",
                "book.json": "gitbook", "book.js": "gitbook-js",   # GitBook's and HonKit's
                "bridgetown.config.yml": "bridgetown", "bridgetown.config.yaml": "bridgetown",
                **{f"svelte.config.{ext}": "sveltekit" for ext in ("js", "mjs", "cjs", "ts")},
                **{f"next.config.{ext}": "nextjs" for ext in ("js", "mjs", "cjs", "ts")},
                **{f"nuxt.config.{ext}": "nuxt" for ext in ("js", "mjs", "cjs", "ts")},
                "quartz.config.ts": "quartz",
                "package.json": NPM_PACKAGE,
                **{f"{name}.{ext}": kind
                   for name, kind, exts in (
                       ("docusaurus.config", "docusaurus", ("js", "mjs", "cjs", "ts", "mts")),
                       ("astro.config", "astro", ("js", "mjs", "cjs", "ts", "mts")),
                       ("eleventy.config", "eleventy", ("js", "mjs", "cjs")),
                       ("gatsby-config", "gatsby", ("js", "mjs", "ts")),
                       ("contentlayer.config", "contentlayer", ("js", "mjs", "cjs", "ts", "mts")),
                       # Valaxy's settings and its site's (site.config.ts: another
                       # framework's too, read only when it is Valaxy's)
                       ("valaxy.config", "valaxy", ("js", "mjs", "ts", "mts")),
                       ("site.config", "valaxy-site", ("js", "mjs", "ts", "mts")))
                   for ext in exts}}
# the Tailwind Next.js Starter Blog's settings (in its data/ folder)
SITE_METADATA_NAMES = frozenset({"sitemetadata.js", "sitemetadata.mjs", "sitemetadata.ts",
                                 "sitemetadata.cjs"})
# Pelican's URL settings' placeholders, as permalink_path's
_PELICAN_FIELDS = {"slug": ":slug", "date:%Y": ":year", "date:%m": ":month",
                   "date:%d": ":day", "date:%y": ":short_year", "date:%j": ":y_day",
                   "category": ":category", "lang": "", "author": ""}
PELICAN_ARTICLE_URL = "{slug}.html"   # Pelican's default ARTICLE_URL
PELICAN_DEFAULT_CATEGORY = "misc"     # and its DEFAULT_CATEGORY
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


# VuePress and VitePress keep their configuration in a hidden folder of the site:
# docs/.vuepress/config.js (VuePress 1 also .yml and .toml), .vitepress/config.mts
# (https://v2.vuepress.vuejs.org/guide/configuration.html,
# https://vitepress.dev/reference/site-config)
HIDDEN_CONFIG_FOLDERS = {".vuepress": "vuepress", ".vitepress": "vitepress",
                         # an Obsidian vault's settings; its app.json marks the vault
                         ".obsidian": "obsidian"}
OBSIDIAN_SETTINGS = "app.json"     # the settings file Obsidian writes in every vault
NOTE_VAULT = "obsidian"            # the generator read from it: a vault of notes
_HIDDEN_CONFIG_RE = re.compile(r"^config\.(?:js|mjs|cjs|ts|mts|cts|ya?ml|toml)$", re.I)


# Hugo's configuration directory: config/_default/hugo.toml, with one file per root key
# (permalinks.toml is the [permalinks] table) and an environment's files over them
# (config/production/, which `hugo` builds with)
# (https://gohugo.io/configuration/introduction/#configuration-directory)
HUGO_CONFIG_DIR = "config"
HUGO_ENVIRONMENTS = ("_default", "production")
_HUGO_DIR_FILE_RE = re.compile(r"^(hugo|config|permalinks|languages)\.(toml|ya?ml|json)$", re.I)
_HUGO_DIR_OTHER_RE = re.compile(r"^[\w.-]+\.(toml|ya?ml|json)$", re.I)
HUGO_OTHER = "hugo-settings"


def config_kind(path: str) -> str | None:
    """How the site configuration file at ``path`` is written (``yaml``, ``toml``,
    ``python``, or the generator whose JavaScript it is), or None for another file."""
    p = PurePosixPath(path)
    if p.name.lower() in SITE_METADATA_NAMES:   # (only in the data/ folder it documents)
        return "site-metadata" if p.parent.name.lower() == "data" else None
    if p.parent.name.lower() in HIDDEN_CONFIG_FOLDERS and _HIDDEN_CONFIG_RE.match(p.name):
        return HIDDEN_CONFIG_FOLDERS[p.parent.name.lower()]   # (not Hugo's config.toml)
    if p.name.lower() == "config.edn" and p.parent.name.lower() == "logseq":
        return "logseq"                # a Logseq graph's settings (EDN: nothing is read)
    if p.name.lower() == OBSIDIAN_SETTINGS and p.parent.name.lower() == ".obsidian":
        return "obsidian"              # an Obsidian vault's settings (nothing is read)
    if _in_hugo_config_dir(p):
        m = _HUGO_DIR_FILE_RE.match(p.name)
        if m is None:      # params.toml, menus.toml, languages.toml: nothing graphkit reads
            return HUGO_OTHER if _HUGO_DIR_OTHER_RE.match(p.name) else None
        return "toml" if m.group(2).lower() == "toml" else "yaml"
    if p.suffix.lower() == ".lektorproject":
        return "lektor"
    if p.name.lower() in GRAV_CONFIGS and p.parent.name.lower() == "config":
        return "grav"
    if (p.name.lower() == "config.php" and p.parent.name.lower() == "config"
            and p.parent.parent.name.lower() == "site"):
        return "kirby"
    if p.suffix.lower() in (".astro", ".ts", ".js", ".mjs", ".mts"):
        from .readers import astro

        kind = astro.config_kind(path)
        if kind is not None:
            return kind
    return CONFIG_NAMES.get(p.name.lower())


def _in_hugo_config_dir(p: PurePosixPath) -> bool:
    return (p.parent.name.lower() in HUGO_ENVIRONMENTS
            and p.parent.parent.name.lower() == HUGO_CONFIG_DIR)


def is_site_config(path: str) -> bool:
    """True for the configuration file of a Jekyll, Hexo, Hugo, Zola, Pelican,
    Docusaurus, MkDocs, Quarto, Astro, Eleventy, Gatsby, VuePress or VitePress site, of
    a Lektor project (``NAME.lektorproject``), a Middleman site (``config.rb``), a
    JBake site (``jbake.properties``), a Grav site (``config/system.yaml``,
    ``config/site.yaml``), a TiddlyWiki folder (``tiddlywiki.info``), a Kirby site
    (``site/config/config.php``), a Dendron workspace (``dendron.yml``), a Yuque book
    (``$meta.json``), a Franklin.jl site (``config.md``), a Hakyll site (``site.hs``), an
    mdBook (``book.toml``), a GitBook or HonKit book (``book.json``, ``book.js``), or a
    ``package.json`` (one when it installs a generator, :func:`package_config`)."""
    return config_kind(path) is not None


def config_root(path: str) -> str:
    """The folder of the site a configuration file configures: its own folder, the one
    above VuePress' and VitePress' hidden folder (``docs/.vuepress/config.js`` →
    ``docs``), the one holding Hugo's configuration directory
    (``site/config/_default/hugo.toml`` → ``site``), Grav's user folder
    (``user/config/system.yaml`` → ``user``), for Grav's defaults its install's
    folder (``grav/system/config/system.yaml`` → ``grav``), or a Kirby site's folder
    (``site/config/config.php`` → the folder holding ``site/``)."""
    if _in_hugo_config_dir(PurePosixPath(path)):
        return str(PurePosixPath(path).parent.parent.parent)
    if config_kind(path) in ASTRO_KINDS:     # an Astro route or content config: above src/
        from .readers import astro

        return astro.config_root(path)
    p = PurePosixPath(path).parent
    if (p.name.lower() in HIDDEN_CONFIG_FOLDERS
            or config_kind(path) in ("logseq", "grav")):
        p = p.parent
    if config_kind(path) == "kirby":      # site/config/config.php: the folder above site/
        p = p.parent.parent
    if config_kind(path) == "site-metadata":     # data/siteMetadata.js: the folder above
        p = p.parent
    if config_kind(path) == "grav" and p.name.lower() == "system":
        p = p.parent         # Grav's defaults (system/config/): the install's folder
    return str(p)


def read_site_config(text: str, path: str) -> tuple[tuple[str, str], ...] | None:
    """Read what graphkit needs of a site's configuration file.

    Parameters
    ----------
    text : str
        The file's text (YAML, TOML, Python, JavaScript, Ruby, INI, Java properties or
        JSON by its name).
    path : str
        The file's report name; its folder is the site's root (see :func:`config_root`).

    Returns
    -------
    tuple of (str, str)
        ``("generator", name)`` (every generator but Jekyll, Hexo and Hugo), ``("url",
        base URL)``, ``("permalink", pattern)`` (Jekyll, Hexo, Zola and Pelican, in
        :func:`permalink_path`'s placeholders), ``("permalink:SECTION", pattern)``
        (Hugo) and ``("title", the site's name)`` (``title``; MkDocs' ``site_name``,
        Pelican's ``SITENAME``, Quarto's ``website.title``, Gatsby's
        ``siteMetadata.title``), in that order; a generator's own folders (Quarto's
        ``output``, Eleventy's ``input``, ``includes``, ``data``…, VitePress' ``input``),
        Docusaurus' blogs (``blog:FOLDER``), the path a VuePress or VitePress site is
        served under (``("base", "/blog")``) and VitePress' ``("clean_urls", "true")``
        where they apply; empty when the file names none of them. None for a
        ``conf.py`` that configures neither Nikola nor ABlog (a Sphinx project's
        documentation, a program's settings), a ``config.rb`` that activates no
        Middleman blog, a ``config/system.yaml`` or ``config/site.yaml`` with none of
        Grav's settings, a ``$meta.json`` that is not a Yuque book's, a ``config.md``
        that sets none of a Franklin site's variables (a post), a ``site.hs`` that is
        no Hakyll site, a ``book.json`` or ``book.js`` that is no book's (a
        catalogue's record, a program's module) and a ``package.json`` that installs no
        generator of :data:`PACKAGE_GENERATORS`: not a site's configuration.

    Raises
    ------
    ValueError
        When the file is not valid YAML, TOML or Python, or not a mapping.
    """
    from .readers.frontmatter import FrontMatterError, parse_front_matter

    kind = config_kind(path)
    if kind == HUGO_OTHER:
        return ()
    if kind in ASTRO_KINDS:
        from .readers import astro

        return (astro.read_route(text, path) if kind == ASTRO_ROUTE
                else astro.read_content_config(text))
    if kind in TEXT_CONFIGS:
        return TEXT_CONFIGS[kind](text)
    if kind == NPM_PACKAGE:
        return package_config(text)
    if kind == "grav":
        return _grav_config(text, path)
    if kind == "vuepress" and PurePosixPath(path).suffix.lower() in (".yml", ".yaml", ".toml"):
        return _vuepress_data(text, PurePosixPath(path).suffix.lower() == ".toml")
    if kind in JS_CONFIGS:
        return JS_CONFIGS[kind](text)
    try:
        conf = parse_front_matter(text, "+++" if kind == "toml" else "---",
                                  foreign_tags=kind == "mkdocs")
    except FrontMatterError as exc:
        raise ValueError(str(exc)) from None
    if kind == "mkdocs":
        return _mkdocs_config(conf)
    if kind == "quarto":
        return _quarto_config(conf)
    if kind == "rmarkdown":
        return _rmarkdown_config(conf)
    if kind == "bridgetown":
        return _bridgetown_config(conf)
    where = PurePosixPath(path)
    if _in_hugo_config_dir(where) and where.stem.lower() in ("permalinks", "languages"):
        conf = {where.stem.lower(): conf}     # (one file per root key)
    return _static_site_config(conf)


def package_config(text: str) -> tuple[tuple[str, str], ...] | None:
    """The generator a ``package.json`` installs, when it is one that needs no
    configuration file of its own (:data:`PACKAGE_GENERATORS`: Eleventy, whose
    configuration is optional, Astro and Gatsby), as ``(("generator", name),)``; None for
    any other manifest (a program's, a theme's), or one that names two of them.

    A site built with no configuration file is known by the package that builds it, so
    its pages (an ``about.md`` at the top of an Eleventy site) are told from its posts as
    when the file is there; a configuration file in the same folder says more and comes
    first (:func:`packages_beside_configs`).

    >>> package_config('{"devDependencies": {"@11ty/eleventy": "^3.0.0"}}')
    (('generator', 'eleventy'),)
    >>> package_config('{"dependencies": {"react": "^18"}}') is None
    True

    References
    ----------
    .. [1] npm, "package.json" (``dependencies``, ``devDependencies``),
       https://docs.npmjs.com/cli/configuring-npm/package-json
    .. [2] Eleventy, "Configuration" ("Configuration files are optional"),
       https://www.11ty.dev/docs/config/
    """
    try:
        data = loads_json(text)
    except (ValueError, RecursionError):     # (not JSON, or nested past the parser's stack)
        return None
    if not isinstance(data, dict):
        return None
    names = set()
    for key in ("dependencies", "devDependencies"):
        if isinstance(data.get(key), dict):
            names.update(data[key])
    found = {g for package, g in PACKAGE_GENERATORS.items() if package in names}
    return (("generator", found.pop()),) if len(found) == 1 else None


def packages_beside_configs(configs: list[tuple[str, tuple[tuple[str, str], ...]]]
                            ) -> list[tuple[str, tuple[tuple[str, str], ...]]]:
    """``configs`` without the ``package.json`` ones (:func:`package_config`) of a folder
    that another configuration file configures: that file names the generator and its
    folders (an Astro site's ``package.json`` may list Eleventy's package too).

    Parameters
    ----------
    configs : list of (str, tuple of (str, str))
        Each configuration file's report name and what :func:`read_site_config` read.

    Returns
    -------
    list of (str, tuple of (str, str))
    """
    configured = {config_root(name) for name, _ in configs
                  if config_kind(name) != NPM_PACKAGE}
    return [(name, values) for name, values in configs
            if config_kind(name) != NPM_PACKAGE or config_root(name) not in configured]


def _dendron_config(text: str) -> tuple[tuple[str, str], ...]:
    """What :func:`read_site_config` reads of a Dendron workspace's ``dendron.yml``: the
    published site's address and title (``publishing:``, before version 5 ``site:``:
    ``siteUrl``, ``title``) and the folder its older publishing wrote the site to
    (``siteRootDir``, by default ``docs``, unless a vault is kept there).

    Raises
    ------
    ValueError
        When the file is not valid YAML or not a mapping.

    References
    ----------
    .. [1] Dendron, "Configuration" (``dendron.yml``),
       https://wiki.dendron.so/notes/f83c1d87-eac0-48f3-a5cf-8a69989d8ec1/
    """
    from .readers.frontmatter import FrontMatterError, parse_front_matter

    try:
        conf = parse_front_matter(text, "---")
    except FrontMatterError as exc:
        raise ValueError(str(exc)) from None
    out: list[tuple[str, str]] = [("generator", "dendron")]
    site = next((v for v in (conf.get("publishing"), conf.get("site")) if isinstance(v, dict)),
                {})
    out += _absolute_url(site.get("siteUrl") if isinstance(site.get("siteUrl"), str) else None)
    vaults = (conf.get("workspace") or {}).get("vaults") if isinstance(
        conf.get("workspace"), dict) else conf.get("vaults")
    kept = {_inner_folder(v.get("fsPath")) for v in (vaults if isinstance(vaults, list) else ())
            if isinstance(v, dict)}
    built = _inner_folder(site.get("siteRootDir")) or "docs"
    if built not in kept:
        out.append(("output", built))
    out += _site_title(site.get("title"))
    return tuple(out)


def _lektor_config(text: str) -> tuple[tuple[str, str], ...]:
    """What :func:`read_site_config` reads of Lektor's project file (INI): its
    ``[project]`` section's ``url`` and ``name``.

    References
    ----------
    .. [1] Lektor, "Project File", https://www.getlektor.com/docs/project/file/
    """
    import configparser

    parser = configparser.ConfigParser(interpolation=None, strict=False)
    try:
        parser.read_string(text)
    except configparser.Error as exc:
        raise ValueError(str(exc).splitlines()[0]) from None
    project = parser["project"] if parser.has_section("project") else {}
    url = (project.get("url") or "").strip().rstrip("/")
    return (("generator", "lektor"), *((("url", url),) if url else ()),
            *_site_title(project.get("name")))


# middleman-blog's settings, by default (its extension's options): the articles' source
# files and their addresses, under the blog's prefix
MIDDLEMAN_BLOG = {"permalink": "{year}/{month}/{day}/{title}.html",
                  "sources": "{year}-{month}-{day}-{title}.html", "prefix": ""}
# Middleman's own folders, by default (``set :source``, ``:build_dir``, ``:layouts_dir``…)
MIDDLEMAN_DIRS = {"source": "source", "build_dir": "build", "layouts_dir": "layouts",
                  "css_dir": "stylesheets", "js_dir": "javascripts", "images_dir": "images",
                  "fonts_dir": "fonts"}
# a setting of a string literal: "blog.permalink = '…'", "set :css_dir, '…'",
# "config[:css_dir] = '…'" (the first of each counts: the first blog's)
_RUBY_SETTING_RE = re.compile(
    r"""^[ \t]*+(?:blog\.(?P<blog>prefix|permalink|sources)[ \t]*+=|set[ \t]++:(?P<set>\w++)"""
    r"""[ \t]*+,|config\[:(?P<cfg>\w++)\][ \t]*+=)[ \t]*+(?P<q>["'])(?P<value>[^"'\n]*+)(?P=q)""",
    re.M)


def _middleman_config(text: str) -> tuple[tuple[str, str], ...] | None:
    """What :func:`read_site_config` reads of Middleman's ``config.rb`` (Ruby, never run:
    only settings to a string literal count), or None when it activates no blog.

    The first blog's ``blog.prefix``, ``blog.permalink`` and ``blog.sources`` (``{year}``
    and the older ``:year`` placeholders, given as ``:year``), ``:source`` and
    ``:build_dir``, the asset and layout folders, ``activate :directory_indexes``
    (``x.html`` is served as ``x/``), and the site's address when a setting names one
    (``:url_root`` of the sitemap extensions, ``:site_url``, ``:base_url``).

    References
    ----------
    .. [1] middleman-blog, "Blogging" (``prefix``, ``permalink``, ``sources``),
       https://middlemanapp.com/basics/blogging/
    .. [2] Middleman, "Pretty URLs (Directory Indexes)",
       https://middlemanapp.com/advanced/pretty-urls/
    """
    if not re.search(r"^[ \t]*+activate[ \t]++:blog\b", text, re.M):
        return None
    found: dict[str, str] = {}
    for m in _RUBY_SETTING_RE.finditer(text):
        found.setdefault(m.group("blog") or m.group("set") or m.group("cfg"), m.group("value"))
    blog = {k: found.get(k, v).strip().strip("/") for k, v in MIDDLEMAN_BLOG.items()}
    dirs = {k: found.get(k, v).strip().strip("/") for k, v in MIDDLEMAN_DIRS.items()}

    def placeholders(pattern: str) -> str:
        return re.sub(r"\{(\w+)\}", r":\1", pattern)

    url = next((found[k] for k in ("url_root", "site_url", "base_url") if found.get(k)), "")
    out = [("generator", "middleman"), *((("url", url.rstrip("/")),) if "://" in url else ()),
           ("permalink", placeholders(re.sub(r"/{2,}", "/",
                                             f"/{blog['prefix']}/{blog['permalink']}"))),
           ("sources", placeholders("/".join(x for x in (blog["prefix"], blog["sources"]) if x))),
           ("input", dirs["source"]), ("output", dirs["build_dir"]),
           ("templates", ",".join(f"{dirs['source']}/{dirs[k]}" for k in MIDDLEMAN_DIRS
                                  if k.endswith("_dir") and k != "build_dir"))]
    if re.search(r"^[ \t]*+activate[ \t]++:directory_indexes\b", text, re.M):
        out.append(("pretty_urls", "true"))
    return tuple(out)


def _jbake_config(text: str) -> tuple[tuple[str, str], ...]:
    """What :func:`read_site_config` reads of JBake's ``jbake.properties`` (Java
    properties): ``site.host``, the content, output, template and asset folders, and
    ``uri.noExtension`` with its ``uri.noExtension.prefix`` (pages under the prefix are
    served as ``x/``, not ``x.html``).

    References
    ----------
    .. [1] JBake, "Configuration", https://jbake.org/docs/latest/#configuration
    """
    props: dict[str, str] = {}
    for line in text.splitlines():
        key, sep, value = line.strip().partition("=")
        if sep and key.strip() and not key.lstrip().startswith(("#", "!")):
            props.setdefault(key.strip().lower(), value.strip())
    host = props.get("site.host", "")
    out = [("generator", "jbake"), *((("url", host.rstrip("/")),) if "://" in host else ()),
           ("input", props.get("content.folder", "content").strip("/")),
           ("output", props.get("destination.folder", "output").strip("/")),
           ("templates", ",".join(props.get(k, d).strip("/") for k, d in (
               ("template.folder", "templates"), ("asset.folder", "assets"))))]
    if props.get("uri.noextension", "").lower() == "true":
        out.append(("no_extension", props.get("uri.noextension.prefix", "/")))
    return tuple(out)


# Grav: a site's user folder holds config/system.yaml and config/site.yaml, and its pages
# are folders under pages/, each with one Markdown file named by its template (item.md),
# a numeric prefix (02.blog) ordering the folders and left out of the address
GRAV_CONFIGS = ("system.yaml", "site.yaml")
GRAV_SYSTEM_KEYS = frozenset({"home", "pages", "cache", "twig", "assets", "errors", "debugger",
                              "languages", "session", "gpm", "images", "media",
                              "absolute_urls", "custom_base_url", "param_sep"})
GRAV_SITE_KEYS = frozenset({"taxonomies", "metadata", "summary", "redirects", "routes", "blog",
                            "default_lang"})
GRAV_PAGES = "pages"
GRAV_HOME = "/home"         # system.yaml's home.alias, by default
# the templates of a blog's posts in Grav's blog themes (Quark, Antimatter: item.html.twig)
GRAV_POST_TEMPLATES = ("item", "post")
# Grav's PAGE_ORDER_PREFIX_REGEX, unguarded as Grav's own (see _ORDER_PREFIX_RE)
_GRAV_ORDER_RE = re.compile(r"^\d++\.")
# a link Grav reads against the page's folder, not its address: a folder named with its
# numeric prefix (../02.blog/x), or a page's file (../x/item.md)
_GRAV_FOLDER_LINK_RE = re.compile(r"(?:^|/)\d++\.[^/]|\.md$", re.I)


def _grav_config(text: str, path: str) -> tuple[tuple[str, str], ...] | None:
    """What :func:`read_site_config` reads of Grav's ``config/system.yaml`` (the home
    page's alias and ``hide_in_urls``, ``custom_base_url``, the languages, whether
    addresses keep their case) and ``config/site.yaml`` (the site's title); None for
    a file of that name with none of Grav's settings.

    References
    ----------
    .. [1] Grav, "Configuration" (``system.yaml``, ``site.yaml``),
       https://learn.getgrav.org/basics/grav-configuration
    """
    from .readers.frontmatter import FrontMatterError, parse_front_matter

    try:
        conf = parse_front_matter(text)
    except FrontMatterError as exc:
        raise ValueError(str(exc)) from None
    if PurePosixPath(path).name.lower() == "site.yaml":
        if not GRAV_SITE_KEYS.intersection(conf):
            return None
        return (("generator", "grav"), *_site_title(conf.get("title")))
    if not GRAV_SYSTEM_KEYS.intersection(conf):
        return None
    out = [("generator", "grav")]
    home = conf.get("home") if isinstance(conf.get("home"), dict) else {}
    if isinstance(home.get("alias"), str) and home["alias"].strip("/"):
        out.append(("home_alias", "/" + home["alias"].strip().strip("/")))
    if home.get("hide_in_urls") is True:
        out.append(("home_hidden", "true"))
    base = conf.get("custom_base_url")
    if isinstance(base, str) and re.match(r"^https?://", base.strip(), re.I):
        out.append(("url", base.strip().rstrip("/")))
    languages = conf.get("languages") if isinstance(conf.get("languages"), dict) else {}
    listed = languages.get("supported")
    supported = [x.strip() for x in listed if isinstance(x, str) and x.strip()] \
        if isinstance(listed, list) else []
    if supported:
        out.append(("grav_languages", ",".join(supported)))
    if conf.get("force_lowercase_urls") is False:
        out.append(("keep_case", "true"))
    return tuple(out)


# Kirby's config.php: the site's address, a PHP string literal (never run)
_KIRBY_URL_RE = re.compile(r"""['"]url['"]\s*+=>\s*+['"](https?://[^'"\s]++)['"]""")


def _kirby_config(text: str) -> tuple[tuple[str, str], ...]:
    """What :func:`read_site_config` reads of a Kirby site's ``site/config/config.php``
    (PHP, never run): its ``'url'`` option when it is a string literal.

    References
    ----------
    .. [1] Kirby, "url" option, https://getkirby.com/docs/reference/system/options/url
    """
    m = _KIRBY_URL_RE.search(text)
    return (("generator", "kirby"), *((("url", m.group(1).rstrip("/")),) if m else ()))


def _franklin_config(text: str) -> tuple[tuple[str, str], ...] | None:
    """What :func:`read_site_config` reads of a Franklin.jl site's ``config.md`` (its
    global page variables, see :mod:`graphkit.readers.franklin`): ``website_url``
    (else ``rss_website_url``; a host without a scheme is read as ``https``) and
    ``website_title``. None when the file sets none of a Franklin site's variables."""
    from .readers.franklin import site_variables

    values = site_variables(text)
    if values is None:
        return None
    url = str(values.get("website_url") or values.get("rss_website_url") or "").strip()
    if url and "://" not in url:
        url = "https://" + url
    title = values.get("website_title")
    return (("generator", "franklin"), *_absolute_url(url),
            *((("title", title),) if isinstance(title, str) and title.strip() else ()))


_HS_STRING = r'"((?:[^"\\\n]|\\.){1,300})"'
_HAKYLL_RE = re.compile(r"^[ \t]*import[ \t]+(?:qualified[ \t]+)?Hakyll\b|"
                        r"\bhakyll(?:With[ \t]+\w+)?[ \t]*\$", re.M)
_HAKYLL_FIELD_RE = re.compile(r"\b(feedRoot|feedTitle|providerDirectory|destinationDirectory)"
                              r"\s*=\s*" + _HS_STRING)
_HAKYLL_POSTS_RE = re.compile(
    r'\bmatch\s*\(?\s*"([\w.-]{0,100}post[\w.-]{0,100})/\*{1,2}(?:\.\w+)?"', re.I)


def _hakyll_config(text: str) -> tuple[tuple[str, str], ...] | None:
    """What :func:`read_site_config` reads of a Hakyll site's ``site.hs`` (Haskell, never
    run; None when it neither imports ``Hakyll`` nor runs ``hakyll $``): the feed's
    ``feedRoot`` (the site's address) and ``feedTitle``; the folders of its
    ``Configuration`` (``providerDirectory``, by default the site's folder;
    ``destinationDirectory``, by default ``_site``); and the folder of its posts, the one a
    ``match "posts/*"`` rule names (by default ``posts``, as the site ``hakyll-init``
    makes).

    References
    ----------
    .. [1] Hakyll, "Tutorials" (the site hakyll-init makes: ``posts/``, ``templates/``,
       ``route $ setExtension "html"``), https://jaspervdj.be/hakyll/tutorials.html
    .. [2] Hakyll, ``Hakyll.Web.Feed`` (``FeedConfiguration``, ``feedRoot``) and
       ``Hakyll.Core.Configuration``, https://hackage.haskell.org/package/hakyll
    """
    if _HAKYLL_RE.search(text) is None:
        return None
    fields: dict[str, str] = {}
    for m in _HAKYLL_FIELD_RE.finditer(text):
        fields.setdefault(m.group(1), m.group(2).strip())
    posts = _HAKYLL_POSTS_RE.search(text)
    source = posixpath.normpath(fields.get("providerDirectory", ".")).strip("/")
    source = "" if source == "." else source
    return (("generator", "hakyll"), *_absolute_url(fields.get("feedRoot")),
            *((("title", fields["feedTitle"]),) if fields.get("feedTitle") else ()),
            ("posts", posixpath.join(source, posts.group(1) if posts else "posts")),
            ("input", source),
            ("output", fields.get("destinationDirectory", "_site").strip("./") or "_site"))


# Bridgetown's permalink styles of its posts (``pretty`` by default); its ``:slug`` is the
# file name's (or the front matter's ``slug``)
BRIDGETOWN_STYLES = {"pretty": "/:categories/:year/:month/:day/:slug/",
                     "pretty_ext": "/:categories/:year/:month/:day/:slug:output_ext",
                     "simple": "/:categories/:slug/", "simple_ext": "/:categories/:slug:output_ext"}


def _bridgetown_config(conf: dict) -> tuple[tuple[str, str], ...]:
    """What :func:`read_site_config` reads of a Bridgetown site's ``bridgetown.config.yml``:
    as a Jekyll site's ``_config.yml`` (``url``, ``permalink``, ``title``), its
    ``permalink`` in Bridgetown's styles (by default ``pretty``), its source folder by
    default ``src`` and its output folder ``output``.

    References
    ----------
    .. [1] Bridgetown, "Permalinks", https://bridgetownrb.com/docs/content/permalinks
    .. [2] Bridgetown, "Configuration Options" (``source``, ``destination``),
       https://www.bridgetownrb.com/docs/configuration/options
    """
    conf = dict(conf)
    perm = conf.get("permalink") if isinstance(conf.get("permalink"), str) else "pretty"
    conf["permalink"] = BRIDGETOWN_STYLES.get(perm.strip(), perm)
    conf["source"] = conf["source"] if isinstance(conf.get("source"), str) else "src"
    conf.setdefault("destination", "output")
    return (("generator", "bridgetown"), *_static_site_config(conf))


def _mdbook_config(text: str) -> tuple[tuple[str, str], ...]:
    """What :func:`read_site_config` reads of an mdBook's ``book.toml``: the book's
    ``title``, its source folder (``book.src``, by default ``src``) and build folder
    (``build.build-dir``, by default ``book``), and where it is served: ``site-url``
    (the path, by default ``/``) under the ``cname`` domain of ``[output.html]``.

    Raises
    ------
    ValueError
        When the file is not valid TOML.

    References
    ----------
    .. [1] mdBook, "Configuration: General" and "Renderers" (``[output.html]``:
       ``site-url``, ``cname``), https://rust-lang.github.io/mdBook/format/configuration/
    """
    from .readers.frontmatter import FrontMatterError, parse_front_matter

    try:
        conf = parse_front_matter(text, "+++")
    except FrontMatterError as exc:
        raise ValueError(str(exc)) from None
    book = conf.get("book") if isinstance(conf.get("book"), dict) else {}
    build = conf.get("build") if isinstance(conf.get("build"), dict) else {}
    output = conf.get("output") if isinstance(conf.get("output"), dict) else {}
    html = output.get("html") if isinstance(output.get("html"), dict) else {}
    text_of = (lambda v, default: v.strip().strip("/") if isinstance(v, str) else default)
    site = text_of(html.get("site-url"), "")
    cname = text_of(html.get("cname"), "")
    source = book.get("src")        # ("." : the book's own folder)
    out = [("generator", "mdbook"),
           ("input", (_inner_folder(source) or "") if isinstance(source, str) else "src"),
           ("output", text_of(build.get("build-dir"), "book"))]
    if cname and "/" not in cname:
        out += _absolute_url("https://" + cname, site)
    out += _base_path("/" + site if site else None)
    if isinstance(book.get("title"), str) and book["title"].strip():
        out.append(("title", book["title"].strip()))
    return tuple(out)


# keys only a GitBook or HonKit book.json sets (a book.json of any other program, a
# catalogue's record, names none of them)
GITBOOK_KEYS = frozenset({"gitbook", "honkit", "root", "structure", "plugins", "pluginsConfig",
                          "styles", "variables"})
_JS_EXPORTS_RE = re.compile(r"\bmodule\.exports\s*=")
_GITBOOK_JS_RE = re.compile(r"\b(?:gitbook|honkit|pluginsConfig)\s*:")


_VALAXY_RE = re.compile(r"""\bfrom\s+['"]valaxy['"]|\bdefine(?:Site|Valaxy)Config\s*[<(]""")


def _valaxy_config(text: str, *, within: tuple[str, ...]) -> tuple[tuple[str, str], ...] | None:
    """A Valaxy blog's address and title: ``url`` and ``title`` of ``site.config.ts``
    (``defineSiteConfig``), or of ``siteConfig`` in ``valaxy.config.ts``; None for a file
    of that name that does not use Valaxy (another framework's ``site.config.ts``).

    References
    ----------
    .. [1] Valaxy, the demo blog's ``site.config.ts`` (``defineSiteConfig``: ``url``,
       ``title``), https://github.com/YunYouJun/valaxy/tree/main/demo/yun
    """
    if not _VALAXY_RE.search(text):
        return None
    props = js_string_properties(text)
    return (("generator", "valaxy"), *_absolute_url(_outermost(props, "url", within)),
            *_site_title(_outermost(props, "title", within)))


def _gitbook_settings(root: object, title: object, hostname: object
                      ) -> tuple[tuple[str, str], ...]:
    """A GitBook's or HonKit's settings: its source folder (``root``, the folder of its
    ``SUMMARY.md`` and ``README.md``), its build folder ``_book``, its address (the
    sitemap plugin's ``hostname``: where the pages it lists are served) and title."""
    out = [("generator", "gitbook"), ("input", _inner_folder(root) or ""),
           ("output", "_book")]
    try:
        parts = urlsplit(hostname.strip()) if isinstance(hostname, str) else None
    except ValueError:          # (an address urlsplit refuses: "http://[::")
        parts = None
    if parts and parts.scheme.lower() in ("http", "https") and parts.netloc:
        origin = f"{parts.scheme}://{parts.netloc}"
        out += _absolute_url(origin, parts.path) + _base_path(parts.path)
    return tuple(out + _site_title(title))


def _gitbook_config(text: str) -> tuple[tuple[str, str], ...] | None:
    """What :func:`read_site_config` reads of a GitBook's or HonKit's ``book.json``
    (see :func:`_gitbook_settings`); None for a ``book.json`` that is no book's
    configuration (not a JSON object, or none of :data:`GITBOOK_KEYS`).

    References
    ----------
    .. [1] HonKit, "Configuration" (``root``, ``title``), https://honkit.netlify.app/config
    .. [2] gitbook-plugin-sitemap (``pluginsConfig.sitemap.hostname``),
       https://github.com/GitbookIO/plugin-sitemap
    """
    from .text import loads_json

    try:
        conf = loads_json(text)
    except (ValueError, RecursionError):
        return None
    if not isinstance(conf, dict) or not GITBOOK_KEYS & set(conf):
        return None
    plugins = conf.get("pluginsConfig") if isinstance(conf.get("pluginsConfig"), dict) else {}
    sitemap = plugins.get("sitemap") if isinstance(plugins.get("sitemap"), dict) else {}
    return _gitbook_settings(conf.get("root"), conf.get("title"), sitemap.get("hostname"))


def _gitbook_js_config(text: str) -> tuple[tuple[str, str], ...] | None:
    """The same of a ``book.js`` (``module.exports = {…}``, read by tokens, never run);
    None for a ``book.js`` that exports no GitBook settings (a program's module)."""
    if not (_JS_EXPORTS_RE.search(text) and _GITBOOK_JS_RE.search(text)):
        return None
    props = js_string_properties(text)
    return _gitbook_settings(_outermost(props, "root"), _outermost(props, "title"),
                             _outermost(props, "hostname", ("pluginsConfig", "sitemap")))


def grav_template(inside: str) -> tuple[str, str]:
    """``(template, language)`` a Grav page's file name gives: ``item.md`` →
    ``("item", "")``, ``item.fr.md`` → ``("item", "fr")``."""
    parts = PurePosixPath(inside).name.lower().split(".")
    return parts[0], (parts[1] if len(parts) == 3 else "")


def grav_route(inside: str, slug: str | None, conf: dict[str, str]) -> str | None:
    """The address Grav gives the page whose file is at ``inside`` (a path under its
    user folder), or None for a file outside ``pages/`` or directly in it.

    Each folder under ``pages/`` is a page; its slug is the folder's name without its
    numeric prefix (``02.blog`` → ``blog``), the front matter's ``slug`` for the page's
    own folder, in lower case unless ``force_lowercase_urls`` is off. The page named by
    ``home.alias`` (``/home``) is at ``/``, and its children are under it unless
    ``home.hide_in_urls``; a page in another language than the first supported one
    (``item.fr.md``) is under ``/fr``.

    >>> grav_route("pages/02.blog/03.rope/item.md", None, {})
    '/blog/rope'
    >>> grav_route("pages/02.blog/rope-intuition/item.md", "rope", {})
    '/blog/rope'

    References
    ----------
    .. [1] Grav, "Content: Pages" (folders, ordering prefixes),
       https://learn.getgrav.org/content/content-pages
    .. [2] Grav, "Page Headers" (``slug``), https://learn.getgrav.org/content/headers
    .. [3] Grav, "Multi-Language", https://learn.getgrav.org/content/multi-language
    """
    rel = _under(inside, GRAV_PAGES)
    if rel is None or "/" not in rel:
        return None
    segments = [_GRAV_ORDER_RE.sub("", f, count=1) for f in rel.split("/")[:-1]]
    if slug and slug.strip("/"):
        segments[-1] = slug.strip("/")
    route = "/" + "/".join(segments)
    if conf.get("keep_case") != "true":
        route = route.lower()
    home = conf.get("home_alias", GRAV_HOME).lower()
    if route == home:
        route = "/"
    elif conf.get("home_hidden") and route.startswith(home + "/"):
        route = route[len(home):]
    _, language = grav_template(inside)
    languages = conf.get("grav_languages", "").split(",")
    if language and language in languages and language != languages[0]:
        route = f"/{language}{route}".rstrip("/")
    return route


def grav_links(links: tuple, inside: str, route: str) -> tuple:
    """A Grav page's relative links as the site paths Grav makes of them.

    Grav reads a relative link against the page's own address as a folder
    (``../linear`` from ``/blog/rope`` is ``/blog/linear``), or, when it names folders
    by their numeric prefix or a page's file (``../03.linear/item.md``), against the
    page's folder under ``pages/``; the link is then that folder's path, which the
    page's aliases hold (see :func:`path_aliases`).

    References
    ----------
    .. [1] Grav, "Page Linking" (slug relative, directory relative),
       https://learn.getgrav.org/content/linking
    """
    from dataclasses import replace

    rel = _under(inside, GRAV_PAGES) or inside
    folder = "/" + rel.rpartition("/")[0]
    out = []
    for link in links:
        u = link.url.strip()
        if not u or re.match(r"^(?:[a-z][a-z0-9+.\-]*:|[/#?])", u, re.I):
            out.append(link)
            continue
        cut = min((i for i in (u.find("#"), u.find("?")) if i >= 0), default=len(u))
        path, rest = u[:cut], u[cut:]
        if not path:
            out.append(link)
            continue
        base = folder if _GRAV_FOLDER_LINK_RE.search(path) else route.rstrip("/")
        joined = posixpath.normpath(f"{base}/{path}")
        if path.endswith("/") and joined != "/":
            joined += "/"
        out.append(replace(link, url=("/" + joined.lstrip("/")) + rest))
    return tuple(out)


# the extensions of the template engines a Middleman file passes through (x.html.md.erb)
_MIDDLEMAN_ENGINES = (".md", ".markdown", ".mkd", ".mdown", ".erb", ".haml", ".slim",
                      ".liquid", ".adoc", ".asciidoc")


def middleman_article(inside: str, conf: dict[str, str]) -> dict[str, str] | None:
    """The placeholders a Middleman blog's ``sources`` pattern takes from the file at
    ``inside`` (``source/blog/2020-03-04-x.html.md`` → year, month, day, title), or None
    when the file is no article of the blog (a page of the site).

    >>> middleman_article("source/2020-03-04-x.html.markdown",
    ...                   {"input": "source", "sources": ":year-:month-:day-:title.html"})
    {'year': '2020', 'month': '03', 'day': '04', 'title': 'x'}
    """
    rel = _under(inside, conf.get("input", "source"))
    if rel is None:
        return None
    while PurePosixPath(rel).suffix.lower() in _MIDDLEMAN_ENGINES:
        rel = rel[:-len(PurePosixPath(rel).suffix)]
    pattern = conf.get("sources", "")
    if not PurePosixPath(pattern).suffix:          # ("posts/{title}": the page's name)
        rel = re.sub(r"\.html$", "", rel)
    elif not PurePosixPath(rel).suffix:
        rel += ".html"
    regex = "".join(
        f"(?P<{part[1:]}>" + (r"\d{4})" if part == ":year" else r"\d{1,2})"
                             if part in (":month", ":day") else r"[^/]+?)")
        if part.startswith(":") else re.escape(part)
        for part in re.split(r"(:\w+)", pattern) if part)
    try:
        m = re.fullmatch(regex, rel)
    except re.error:                              # (a placeholder named twice)
        return None
    return m.groupdict() if m else None


def _static_site_config(conf: dict) -> tuple[tuple[str, str], ...]:
    """What :func:`read_site_config` reads of a Jekyll, Hexo, Hugo or Zola configuration."""
    out: list[tuple[str, str]] = []
    if isinstance(conf.get("base_url"), str):           # Zola's name for it
        out.append(("generator", "zola"))
        if conf["base_url"].strip():
            out.append(("url", conf["base_url"].strip().rstrip("/")))
        out.append(("permalink", PAGE_PATH))
        return tuple(out + _languages(conf) + _site_title(conf.get("title")))
    base = conf.get("url") or conf.get("baseURL") or conf.get("baseurl")
    if isinstance(base, str) and base.strip():
        root = conf.get("baseurl") if isinstance(conf.get("baseurl"), str) and conf.get("url") else ""
        out.append(("url", base.strip().rstrip("/") + (root or "")))
    perm = _jekyll_posts_permalink(conf)
    if isinstance(perm, str) and perm.strip():
        out.append(("permalink", JEKYLL_STYLES.get(perm.strip(), perm.strip())))
    # the folder the posts' folders are counted from: Hexo's source_dir (its permalinks
    # start with a placeholder, Jekyll's with "/"), Jekyll's source
    if any(key in conf for key in HEXO_KEYS) or str(perm or "").strip()[:1] == ":":
        out.append(("source", str(conf.get("source_dir") or "source").strip("./")))
        out.append(("hexo", "true"))
    elif isinstance(conf.get("source"), str) and conf["source"].strip("./"):
        out.append(("source", conf["source"].strip("./")))
    if not any(key in conf for key in HEXO_KEYS):
        out += _jekyll_collections(conf, perm)
    keys = {str(k).lower(): v for k, v in conf.items()}
    # the folder the site is built into (Jekyll's destination, Hexo's public_dir, Hugo's
    # publishDir: "docs" for GitHub Pages) and Hugo's content folder, when inside the site
    out += next(filter(None, (_output_dir(keys.get(k))
                              for k in ("destination", "public_dir", "publishdir"))), ())
    if keys.get("disablepathtolower") is True:         # (Hugo: addresses keep their case)
        out.append(("disable_path_to_lower", "true"))
    content = _inner_folder(keys.get("contentdir"))
    if content and content != "content":
        out.append(("content_dir", content))
    perms = conf.get("permalinks")
    if isinstance(perms, dict):
        # Hugo: section = pattern; since 0.120 also [permalinks.page] section = pattern
        pages = perms.get("page") if isinstance(perms.get("page"), dict) else {}
        for section, pattern in sorted({**perms, **pages}.items()):
            if isinstance(pattern, str):
                out.append((f"permalink:{section}", pattern))
            elif isinstance(pattern, dict) and isinstance(pattern.get("page"), str):
                out.append((f"permalink:{section}", pattern["page"]))
    return tuple(out + _languages(conf) + _site_title(conf.get("title")))


_EDN_STRING_RE = r'\s+"((?:[^"\\\n]|\\.){1,200})"'
_EDN_JOURNAL_FORMAT_RE = re.compile(r"(?<![\w/-]):journal/page-title-format" + _EDN_STRING_RE)
_EDN_JOURNALS_DIR_RE = re.compile(r"(?<![\w/-]):journals-directory" + _EDN_STRING_RE)
LOGSEQ_JOURNAL_FORMAT = "MMM do, yyyy"       # Logseq's default journal page title


def _logseq_config(text: str) -> tuple[tuple[str, str], ...]:
    """What graphkit reads of a Logseq graph's ``logseq/config.edn`` (by two patterns,
    never evaluated): the title format of its journal pages and their folder."""
    found = [(m.group(1) if m else default) for m, default in (
        (_EDN_JOURNAL_FORMAT_RE.search(text), LOGSEQ_JOURNAL_FORMAT),
        (_EDN_JOURNALS_DIR_RE.search(text), "journals"))]
    return (("generator", "logseq"), ("journal_title_format", found[0]),
            ("journals", _inner_folder(found[1]) or "journals"))


_DAY_FORMAT_RE = re.compile(r"yyyy|yy|MMMM|MMM|MM|M|do|dd|d|EEEE|E{1,3}|'[^']*'")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def journal_title(day: dt.date, pattern: str) -> str:
    """A day written by a date-fns pattern, as Logseq titles its journal pages.

    Parameters
    ----------
    day : datetime.date
    pattern : str
        date-fns tokens (``yyyy yy MMMM MMM MM M do dd d EEEE EEE E``, text in
        ``'…'``); other characters are kept as written.

    Returns
    -------
    str

    References
    ----------
    .. [1] date-fns, ``format``, https://date-fns.org/docs/format
    .. [2] Logseq, ``:journal/page-title-format`` in ``config.edn``

    Examples
    --------
    >>> import datetime as dt
    >>> journal_title(dt.date(2024, 1, 5), "MMM do, yyyy")
    'Jan 5th, 2024'
    >>> journal_title(dt.date(2024, 1, 5), "yyyy年MM月dd日 EEEE")
    '2024年01月05日 Friday'
    """
    n = day.day
    ordinal = f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"
    month, weekday = _MONTHS[day.month - 1], _WEEKDAYS[day.weekday()]  # (English, as Logseq)
    values = {"yyyy": f"{day.year:04d}", "yy": f"{day.year % 100:02d}", "MMMM": month,
              "MMM": month[:3], "MM": f"{day.month:02d}", "M": str(day.month), "do": ordinal,
              "dd": f"{n:02d}", "d": str(n), "EEEE": weekday, "EEE": weekday[:3],
              "EE": weekday[:3], "E": weekday[:3]}
    # a token is replaced by its value, text quoted in '…' by itself
    return _DAY_FORMAT_RE.sub(lambda m: values.get(m.group(), m.group()[1:-1]), pattern)


def _inner_folder(value) -> str | None:
    """A configured folder as a path inside the site (``./docs/`` → ``docs``), or None
    when it is no string, is the site's own folder or lies outside it (``../public``)."""
    if not isinstance(value, str) or not value.strip():
        return None
    folder = posixpath.normpath(value.strip().replace("\\", "/")).strip("/")
    return None if folder in ("", ".") or folder.split("/")[0] == ".." else folder


def _languages(conf: dict) -> list[tuple[str, str]]:
    """A Hugo or Zola site's languages: ``("languages", "en,zh")``, the default one
    (``("default_language", "zh")``; ``en`` when unnamed, as in both),
    ``("language_in_subdir", "true")`` when the default one's pages are under ``/zh/``
    too, and each language's own content folder (``("content_dir:en", "content/en")``).
    Keys are read in any case, as Hugo does; Hugo's configuration directory may give
    them in separate files (``languages.toml``)."""
    keys = {str(k).lower(): v for k, v in conf.items()}
    table = keys.get("languages")
    if isinstance(table, list):        # Zola before 0.15: languages = [{code = "fr"}]
        table = {str(x["code"]): x for x in table if isinstance(x, dict) and x.get("code")}
    names = {str(k).lower(): v for k, v in table.items()} if isinstance(table, dict) else {}
    default = keys.get("defaultcontentlanguage") or keys.get("default_language")
    out = [("languages", ",".join(sorted(names)))] if names else []
    if isinstance(default, str) and default.strip():
        out.append(("default_language", default.strip().lower()))
    if keys.get("defaultcontentlanguageinsubdir") is True:
        out.append(("language_in_subdir", "true"))
    for name, values in sorted(names.items()):
        own = {str(k).lower(): v for k, v in values.items()} if isinstance(values, dict) else {}
        folder = own.get("contentdir")
        if isinstance(folder, str) and folder.strip("./"):
            out.append((f"content_dir:{name}", folder.strip("./")))
    return out


def content_language(inside: str, conf: dict[str, str]) -> tuple[str, str]:
    """The language of a Hugo or Zola page, and its path as a one-language site has it.

    Parameters
    ----------
    inside : str
        The page's file path inside its site, ``/``-separated.
    conf : dict of str to str
        The site's configuration as :func:`read_site_config` gives it.

    Returns
    -------
    language : str
        The language whose ``contentDir`` holds the file, else the language code before
        the file's extension (``x.en.md``, ``index.zh-cn.md``) when the site has that
        language, else the site's default language.
    path : str
        ``inside`` with the code taken out of the file name, and a language's content
        folder replaced by ``content`` (``content/en/posts/x.md`` → ``content/posts/x.md``).

    References
    ----------
    .. [1] Hugo, "Multilingual mode" (translation by file name, by content directory;
       ``defaultContentLanguageInSubdir``), https://gohugo.io/content-management/multilingual/
    .. [2] Zola, "Multilingual sites", https://www.getzola.org/documentation/content/multilingual/

    Examples
    --------
    >>> conf = {"languages": "en,zh", "default_language": "zh"}
    >>> content_language("content/posts/rope/index.en.md", conf)
    ('en', 'content/posts/rope/index.md')
    >>> content_language("content/posts/v1.2.md", conf)
    ('zh', 'content/posts/v1.2.md')
    """
    default = conf.get("default_language", "en")
    languages = set(conf.get("languages", "").split(",")) | {default}
    for key, folder in conf.items():
        if key.startswith("content_dir:") and inside.startswith(folder + "/"):
            return key.removeprefix("content_dir:"), "content/" + inside[len(folder) + 1:]
    head, _, name = inside.rpartition("/")
    parts = name.split(".")
    if len(parts) > 2 and parts[-2].lower() in languages:
        name = ".".join(parts[:-2] + parts[-1:])
        return parts[-2].lower(), f"{head}/{name}" if head else name
    return default, inside


# keys only Hexo's _config.yml has (Jekyll's has none of them): https://hexo.io/docs/configuration
HEXO_KEYS = frozenset({"source_dir", "public_dir", "new_post_name", "post_asset_folder",
                       "permalink_defaults", "default_layout", "tag_dir", "archive_dir",
                       "category_dir", "code_dir", "i18n_dir", "skip_render", "render_drafts"})


# Hexo's source_dir by default: it keeps every post in source/_posts. Jekyll makes the
# folders above a _posts folder categories, so a Jekyll site that keeps its posts there
# sets ``source: source`` (else its every post is in the category "source"); a
# _config.yml that sets none of Hexo's keys (HEXO_KEYS) with its posts there is Hexo's.
HEXO_SOURCE = "source"


def jekyll_folder_categories(inside: str, *, source: str = "") -> tuple[str, ...]:
    """The categories Jekyll gives a post from the folders above its ``_posts`` folder.

    Parameters
    ----------
    inside : str
        The post file's path inside its site, with ``/`` separators.
    source : str, keyword-only
        The site's source folder inside it (Jekyll's ``source`` setting; Hexo's
        ``source_dir``, which holds its only ``_posts``), not a category.

    Returns
    -------
    tuple of str
        The folders between ``source`` and ``_posts``, outermost first
        (``blog/ml/_posts/x.md`` → ``("blog", "ml")``); empty for a file directly in
        ``_posts`` or in a folder inside it, which Jekyll does not make a category.

    References
    ----------
    Jekyll, "Page variables" (``page.categories``: "derived from the directory
    structure above the ``_posts`` directory"), https://jekyllrb.com/docs/variables/.
    The front matter's categories follow them, without repeats.

    Examples
    --------
    >>> jekyll_folder_categories("blog/_posts/2020-01-01-a.md")
    ('blog',)
    >>> jekyll_folder_categories("_posts/es/2020-01-01-a.md")
    ()
    """
    if source and inside.startswith(source + "/"):
        inside = inside[len(source) + 1:]
    parts = inside.split("/")[:-1]
    if "_posts" not in parts:
        return ()
    return tuple(part for part in parts[:parts.index("_posts")] if part)


def jekyll_terms(post: Post) -> Post:
    """The post with its categories and tags as Jekyll reads them from its front matter.

    Jekyll takes the singular key (``category``, ``tag``) whole, and a string under the
    plural key (``categories: ml nlp``) as words: one category or tag per word. Other
    generators keep such a string whole (Hexo, Hugo) or split it at commas, as
    :mod:`graphkit.readers.frontmatter` reads it; only the string a post's front matter
    holds under the plural key alone is split again here.

    Parameters
    ----------
    post : Post
        A post of a Jekyll site; not modified.

    Returns
    -------
    Post
        The post, its categories and tags taken from words where Jekyll would.

    References
    ----------
    Jekyll, ``Utils.pluralized_array_from_hash`` (the singular key first; a plural
    key's string split at white space), https://github.com/jekyll/jekyll, and
    "Front Matter" (``categories``, ``tags``: "a YAML list or a space-separated
    string"), https://jekyllrb.com/docs/front-matter/.
    """
    from dataclasses import replace

    fields = dict(post.fields)
    changed = {}
    for plural, singular in (("categories", "category"), ("tags", "tag")):
        value = fields.get(plural)
        if value is not None and singular not in fields and value not in ("true", "false"):
            changed[plural] = tuple(dict.fromkeys(value.split()))
    return replace(post, **changed) if changed else post


def _jekyll_collections(conf: dict, perm: object) -> list[tuple[str, str]]:
    """A Jekyll site's collections other than its posts: ``("collections_dir", d)``
    when they live in a folder of their own, and ``("collection:NAME", pattern)`` for
    each, the pattern its documents' addresses follow (its ``permalink``, else
    ``/:collection/:path`` ended as the site's permalink style ends), or ``""`` when
    Jekyll writes no page for them (``output`` is not true); ``("layout:NAME",
    layout)`` when the site's ``defaults`` give its documents a layout.

    References
    ----------
    .. [1] Jekyll, "Collections", https://jekyllrb.com/docs/collections/
    .. [2] Jekyll, ``Collection#url_template`` and ``Utils.add_permalink_suffix``,
       https://github.com/jekyll/jekyll/blob/master/lib/jekyll/collection.rb
    """
    given = conf.get("collections")
    if isinstance(given, list):        # collections: [notes, til]
        given = {str(name): {} for name in given if isinstance(name, (str, int))}
    if not isinstance(given, dict):
        return []
    style = JEKYLL_STYLES.get(str(perm or "date").strip(), str(perm or ""))
    suffix = "/" if style.endswith("/") else ":output_ext"
    out = []
    folder = _inner_folder(conf.get("collections_dir"))
    if folder:
        out.append(("collections_dir", folder))
    for name, meta in sorted(given.items(), key=lambda kv: str(kv[0])):
        name = str(name).strip()
        if not name or name == "posts" or "/" in name:
            continue
        meta = meta if isinstance(meta, dict) else {}
        pattern = meta.get("permalink")
        default = _jekyll_default(conf, name, (f"_{name}", f"{folder}/_{name}" if folder else ""))
        pattern = default if default is not None else pattern
        if meta.get("output") is not True:
            pattern = ""
        elif not isinstance(pattern, str) or not pattern.strip():
            pattern = "/:collection/:path" + suffix
        else:
            pattern = JEKYLL_STYLES.get(pattern.strip(), pattern.strip())
        out.append((f"collection:{name}", pattern))
        layout = _jekyll_default(conf, name, (f"_{name}", f"{folder}/_{name}" if folder else ""),
                                 "layout")
        if layout is not None:
            out.append((f"layout:{name}", layout))
    return out


def jekyll_collection(inside: str, conf: dict[str, str]) -> tuple[str, str] | None:
    """``(name, path)`` of a Jekyll document in one of its site's collections: the
    collection's name and the file's path inside its folder without the extension
    (``_notes/ml/rope.md`` → ``("notes", "ml/rope")``), else None."""
    top = "/".join(f for f in (conf.get("source", ""), conf.get("collections_dir", "")) if f)
    rest = _under(inside, top) if top else inside
    if rest is None or not rest.startswith("_") or "/" not in rest:
        return None
    folder, _, path = rest.partition("/")
    if f"collection:{folder[1:]}" not in conf:
        return None
    return folder[1:], str(PurePosixPath(path).with_suffix(""))


def _jekyll_posts_permalink(conf: dict) -> object:
    """The permalink pattern of a Jekyll site's posts: a front matter default's for the
    posts (a ``defaults`` entry whose scope is the posts, or every file), over the
    ``posts`` collection's, over the site's ``permalink``.

    References
    ----------
    .. [1] Jekyll, "Front Matter Defaults",
       https://jekyllrb.com/docs/configuration/front-matter-defaults/
    .. [2] Jekyll, "Permalinks" (collections), https://jekyllrb.com/docs/permalinks/
    """
    perm = conf.get("permalink")
    posts = conf.get("collections") if isinstance(conf.get("collections"), dict) else {}
    if isinstance(posts.get("posts"), dict) and isinstance(posts["posts"].get("permalink"), str):
        perm = posts["posts"]["permalink"]
    default = _jekyll_default(conf, "posts", ("_posts",))
    return perm if default is None else default


def _jekyll_default(conf: dict, kind: str, folders: tuple[str, ...], key: str = "permalink"
                    ) -> str | None:
    """The permalink (or the value of another ``key``: ``layout``) the last of a Jekyll
    site's front matter ``defaults`` gives the documents of collection ``kind``
    (``posts``, ``notes``): an entry whose scope's ``type`` is that collection, or none,
    and whose ``path`` is empty or one of ``folders`` (the collection's folder); None
    when none does."""
    found = None
    defaults = conf.get("defaults") if isinstance(conf.get("defaults"), list) else []
    for entry in defaults:
        scope = entry.get("scope") if isinstance(entry, dict) else None
        values = entry.get("values") if isinstance(entry, dict) else None
        if not isinstance(scope, dict) or not isinstance(values, dict):
            continue
        folder = str(scope.get("path") or "").strip().strip("/")
        if (scope.get("type") in (kind, None) and (folder == "" or folder in folders)
                and isinstance(values.get(key), str)):
            found = values[key]
    return found


def jekyll_page_document(inside: str, post, conf: dict) -> str | None:
    """The collection of a Jekyll document that is a page of the site, not a post: one
    whose layout, its own or the one the site's ``defaults`` give its collection
    (``layout:NAME`` of ``conf``, :func:`_jekyll_collections`), is
    ``page`` (the layout of Jekyll's pages; Chirpy's tabs, ``_tabs/about.md``, are so
    made); else None.

    References
    ----------
    .. [1] Jekyll, "Collections", https://jekyllrb.com/docs/collections/
    .. [2] Jekyll, "Front Matter Defaults",
       https://jekyllrb.com/docs/configuration/front-matter-defaults/
    """
    found = jekyll_collection(inside, conf)
    if found is None or found[0] == "posts":
        return None
    layout = dict(post.fields).get("layout") or conf.get(f"layout:{found[0]}", "")
    return found[0] if str(layout).strip().lower() == "page" else None


def _site_title(value: object) -> list[tuple[str, str]]:
    """``[("title", name)]`` for a site's name given as a string, else ``[]``."""
    if isinstance(value, str) and value.strip():
        return [("title", " ".join(value.split())[:200])]
    return []


def _python_literals(text: str) -> dict[str, object]:
    """The names a Python settings file assigns at its top level, each with its value
    when that is a literal (``ast.literal_eval``: strings, numbers, tuples, lists, dicts
    of them), else None (computed: never run). The last literal assigned wins.

    Raises
    ------
    ValueError
        When the text is not Python that can be parsed.
    """
    import ast

    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, MemoryError, RecursionError) as exc:
        raise ValueError(f"not Python that can be read: {exc}") from None
    values: dict[str, object] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 \
                and isinstance(node.targets[0], ast.Name):
            try:
                values[node.targets[0].id] = ast.literal_eval(node.value)
            except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
                values.setdefault(node.targets[0].id, None)   # (set, not a literal)
    return values


def _pelican_config(text: str) -> tuple[tuple[str, str], ...]:
    """``SITEURL`` and ``ARTICLE_URL`` of a Pelican settings file, read without running it,
    ``("folder_categories", PATH)`` when a post's folder names its category, and
    ``("default_category", name)``.

    Only top-level assignments of a literal count (``SITEURL = "https://…"``); anything
    computed is left alone, as graphkit never runs a settings file. Pelican takes the
    folder holding a post, under its content folder ``PATH``, as the post's category
    when the post names none, unless ``USE_FOLDER_AS_CATEGORY`` is false. ``PATH`` not
    set is ``content``: pelican-quickstart's Makefile passes it (``pelican content``);
    with ``PATH`` computed, the content folder is unknown. A post with no category
    either way is in ``DEFAULT_CATEGORY`` (``misc`` unless set), as its page shows.

    References
    ----------
    .. [1] Pelican, "Settings" (``PATH``, ``USE_FOLDER_AS_CATEGORY``,
       ``DEFAULT_CATEGORY``), https://docs.getpelican.com/en/latest/settings.html
    .. [2] Pelican, ``readers.parse_path_metadata`` (the category is the name of the
       folder holding the file, its path taken under ``PATH``), and pelican-quickstart's
       ``Makefile`` (``INPUTDIR=$(BASEDIR)/content``), https://github.com/getpelican/pelican
    """
    literals = _python_literals(text)
    values = {k: v for k, v in literals.items() if isinstance(v, str)}
    out: list[tuple[str, str]] = [("generator", "pelican")]
    content = literals.get("PATH", "content")
    if literals.get("USE_FOLDER_AS_CATEGORY", True) is True and isinstance(content, str):
        out.append(("folder_categories", _inner_folder(content) or "."))
    default = literals.get("DEFAULT_CATEGORY", PELICAN_DEFAULT_CATEGORY)
    if isinstance(default, str) and default.strip():
        out.append(("default_category", default.strip()))
    if values.get("SITEURL", "").strip():
        out.append(("url", values["SITEURL"].strip().rstrip("/")))
    if "ARTICLE_URL" in values:       # else Pelican's default, applied with the site's posts
        out.append(("permalink", _pelican_pattern(values["ARTICLE_URL"])))
    return tuple(out + _site_title(values.get("SITENAME")))


# Nikola's POSTS and PAGES when conf.py does not set them: (folder, destination)
NIKOLA_POSTS = (("posts", "posts"),)
NIKOLA_PAGES = (("pages", "pages"),)


def _conf_py(text: str) -> tuple[tuple[str, str], ...] | None:
    """What graphkit needs of a ``conf.py``: Nikola's settings, or a Sphinx site's with
    the ABlog extension; None when it is neither. Read without running it: only
    top-level assignments of literals count (``ast.literal_eval``).

    Nikola (the file sets ``SITE_URL``, ``BLOG_TITLE`` or ``POSTS``): ``SITE_URL``,
    ``BLOG_TITLE`` (a string), ``PRETTY_URLS`` and the ``POSTS`` and ``PAGES`` tuples
    ``(wildcard, destination, template)``: each gives ``("posts:FOLDER", destination)``
    or ``("pages:FOLDER", destination)``, the folder
    being the wildcard's (``posts/*.md`` → ``posts``), whose files Nikola builds, and
    sub-folders, at ``/destination/…``. ``OUTPUT_FOLDER`` and ``CACHE_FOLDER`` are the
    site as built.

    ABlog (``"ablog"`` among ``extensions``, or a ``blog_baseurl``): ``blog_baseurl``
    and ``blog_title``, and ``blog_post_pattern`` (the documents that are posts without
    a ``post`` directive) as ``("post_pattern", "a|b")``.

    References
    ----------
    .. [1] Nikola Handbook, "Configuration" and "Creating a Blog Post",
       https://getnikola.com/handbook.html
    .. [2] ABlog, "Configuration Options",
       https://ablog.readthedocs.io/en/stable/manual/ablog-configuration-options/
    """
    values = _python_literals(text)
    if not {"SITE_URL", "BLOG_TITLE", "POSTS"} & values.keys():
        return _ablog_config(values)
    out: list[tuple[str, str]] = [("generator", "nikola")]
    url = values.get("SITE_URL")
    if isinstance(url, str) and url.strip():
        out.append(("url", url.strip().rstrip("/")))
    for setting, kind, default in (("POSTS", "posts", NIKOLA_POSTS),
                                   ("PAGES", "pages", NIKOLA_PAGES)):
        given = values.get(setting)
        found = [(_wildcard_folder(e[0]), e[1].strip("/")) for e in given
                 if isinstance(e, (tuple, list)) and len(e) >= 2
                 and isinstance(e[0], str) and isinstance(e[1], str)] \
            if isinstance(given, (tuple, list)) else list(default)
        out += [(f"{kind}:{folder}", dest) for folder, dest in dict(found).items()]
    out.append(("pretty_urls", "false" if values.get("PRETTY_URLS") is False else "true"))
    for setting in ("OUTPUT_FOLDER", "CACHE_FOLDER"):
        if isinstance(values.get(setting), str) and values[setting].strip("/ "):
            out.append(("output" if setting == "OUTPUT_FOLDER" else "cache",
                        values[setting].strip("/ ")))
    title = values.get("BLOG_TITLE")
    return tuple(out + _site_title(title if isinstance(title, str) else None))


def _ablog_config(values: dict[str, object]) -> tuple[tuple[str, str], ...] | None:
    """What :func:`_conf_py` reads of a Sphinx ``conf.py`` with ABlog, or None."""
    extensions = values.get("extensions")
    if not (isinstance(extensions, (list, tuple)) and "ablog" in extensions) \
            and not isinstance(values.get("blog_baseurl"), str):
        return None
    out: list[tuple[str, str]] = [("generator", "ablog")]
    url = values.get("blog_baseurl")
    if isinstance(url, str) and url.strip():
        out.append(("url", url.strip().rstrip("/")))
    pattern = values.get("blog_post_pattern")
    patterns = [pattern] if isinstance(pattern, str) else (
        [p for p in pattern if isinstance(p, str)] if isinstance(pattern, (list, tuple)) else [])
    if patterns:
        out.append(("post_pattern", "|".join(patterns)))
    title = values.get("blog_title")
    return tuple(out + _site_title(title if isinstance(title, str) else None))


def is_ablog_post(inside: str, post, conf: dict[str, str]) -> bool:
    """True when the document at ``inside`` (a path under the Sphinx source folder) is a
    post of the site's ABlog blog: it has a ``post`` directive or ``blogpost: true``
    (:attr:`Post.fields`), or its name without ending matches ``blog_post_pattern``
    (Sphinx's glob: ``posts/*``)."""
    import fnmatch

    if dict(post.fields).get("blogpost") == "true":
        return True
    name = str(PurePosixPath(inside).with_suffix(""))
    return any(fnmatch.fnmatchcase(name, pattern) or fnmatch.fnmatchcase(inside, pattern)
               for pattern in conf.get("post_pattern", "").split("|") if pattern)


def _wildcard_folder(wildcard: str) -> str:
    """The folder a Nikola wildcard looks in: ``posts/*.md`` → ``posts``, ``*.md`` → ""."""
    folders = []
    for part in wildcard.strip().strip("/").split("/")[:-1]:
        if any(c in part for c in "*?["):
            break
        if part not in (".", ""):
            folders.append(part)
    return "/".join(folders)


_JS_TOKEN_RE = re.compile(r"""
    (?P<comment>//[^\n]*|/\*.*?(?:\*/|\Z))
   |(?P<quote>['"`])
   |(?P<name>[A-Za-z_$][\w$]*)
   |(?P<punct>[{}\[\](),:])
   |(?P<other>\S)""", re.S | re.X)
# a string from its opening quote; group 1 is its closing quote, None when never closed
# (a template literal ends at its first ``${`` too: such a template is no literal)
_JS_STRING_RES = {"'": re.compile(r"'(?:\\.|[^'\\\n])*(')?", re.S),
                  '"': re.compile(r'"(?:\\.|[^"\\\n])*(")?', re.S),
                  "`": re.compile(r"`(?:\\.|[^`\\$]|\$(?!\{))*(`)?", re.S)}


def _js_tokens(text: str) -> list[tuple[str, str]]:
    """``(kind, token)`` of JavaScript source, comments left out: ``string`` (quotes
    included), ``name``, ``punct`` or ``other``.

    A quote never closed is one ``other`` character and the text after it is read on.
    A quote of the same kind inside the stretch a failed scan covered cannot close
    either (it was escaped there, and its scan would follow the same characters), so no
    stretch is scanned twice: 50,000 ``'\\`` take linear time, not 30 s.
    """
    out: list[tuple[str, str]] = []
    failed: dict[str, int] = {}     # a quote → where the last unclosed scan of its kind ended
    pos = 0
    while (m := _JS_TOKEN_RE.search(text, pos)) is not None:
        kind, tok, pos = m.lastgroup or "", m.group(), m.end()
        if kind == "quote":
            kind = "other"
            if m.start() >= failed.get(tok, -1):
                s = _JS_STRING_RES[tok].match(text, m.start())
                if s.group(1) is not None:
                    kind, tok, pos = "string", s.group(), s.end()
                else:
                    failed[tok] = s.end()
        if kind != "comment":
            out.append((kind, tok))
    return out


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
    tokens = _js_tokens(text)
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


# an exported object of metadata in MDX: Next.js' Metadata API
# (``export const metadata = {…}``, optionally typed ``: Metadata``), ``meta`` (the
# pattern of MDX blogs on Next.js' pages router) and ``frontmatter``
_EXPORTED_META_RE = re.compile(
    r"export[ \t]+const[ \t]+(metadata|meta|frontmatter)[ \t]*(?::[^=\n]{0,200})?=[ \t]*(?=\{)")
JS_OBJECT_DEPTH = 16     # object literals nested deeper are skipped, not read


def exported_metadata(text: str) -> dict:
    """The literal values of the metadata object an MDX file exports, or ``{}``.

    MDX has no front matter of its own; a post says its title and date in JavaScript
    instead: ``export const metadata = {title: '…', openGraph: {publishedTime: '…'}}``
    (Next.js' Metadata API, which a ``page.mdx`` of the App Router exports) or
    ``export const meta = {…}`` (MDX blogs on the pages router). The first such
    export that starts a line of a paragraph of imports and exports (MDX's ESM) is
    read, never run: a value counts when it is a string literal (a template without
    ``${…}`` too), ``new Date('…')``, an array of those, or an object of those;
    anything else (a variable, a call, ``...spread``) is left out.

    Parameters
    ----------
    text : str
        The MDX file's text.

    Returns
    -------
    dict
        Keys as written; values str, list of str or dict of the same (objects nested
        deeper than :data:`JS_OBJECT_DEPTH` are left out).

    References
    ----------
    .. [1] Next.js, "Metadata Object" (``title``, ``keywords``, ``openGraph.publishedTime``),
       https://nextjs.org/docs/app/api-reference/functions/generate-metadata
    .. [2] Next.js 14, "Markdown and MDX",
       https://nextjs.org/docs/14/app/building-your-application/configuring/mdx

    Examples
    --------
    >>> exported_metadata("export const metadata = {\\n  title: 'RoPE', tags: ['nlp'],\\n"
    ...                   "  date: new Date('2021-03-23'), image: cover,\\n}\\n\\n# RoPE")
    {'title': 'RoPE', 'tags': ['nlp'], 'date': '2021-03-23'}
    """
    start, first = 0, ""        # where the line starts; its paragraph's first line
    for line in text.splitlines(keepends=True):
        first = "" if not line.strip() else first or line
        if first[:6] in ("import", "export") and (m := _EXPORTED_META_RE.match(line)):
            break               # (MDX's ESM: a paragraph that opens with import or export)
        start += len(line)
    else:
        return {}
    tokens = _js_tokens(text[start + m.end():])
    value, _ = _js_literal(tokens, 0, 0)
    return value if isinstance(value, dict) else {}


def _js_literal(tokens: list[tuple[str, str]], i: int, depth: int) -> tuple[object, int]:
    """``(value, index after it)`` of the JavaScript value at ``tokens[i]``; value None
    when it is no literal (:func:`exported_metadata`)."""
    kind, tok = tokens[i] if i < len(tokens) else ("", "")
    if kind == "string":
        return _js_unquote(tok), i + 1
    if tok == "new" and [t for _, t in tokens[i + 1:i + 3]] == ["Date", "("] \
            and i + 4 < len(tokens) and tokens[i + 3][0] == "string" and tokens[i + 4][1] == ")":
        return _js_unquote(tokens[i + 3][1]), i + 5
    if tok not in ("{", "[") or depth >= JS_OBJECT_DEPTH:
        return None, _js_skip(tokens, i)
    closing = "}" if tok == "{" else "]"
    items: dict | list = {} if tok == "{" else []
    i += 1
    while i < len(tokens) and tokens[i][1] != closing:
        kind, tok = tokens[i]
        if tok == ",":
            i += 1
            continue
        key = None
        if isinstance(items, dict):
            if kind not in ("name", "string") or i + 1 >= len(tokens) or tokens[i + 1][1] != ":":
                i = _js_skip(tokens, i)       # (a shorthand, a spread, a method)
                continue
            key, i = (tok if kind == "name" else _js_unquote(tok)), i + 2
        value, i = _js_literal(tokens, i, depth + 1)
        if i < len(tokens) and tokens[i][1] not in (",", closing):
            value, i = None, _js_skip(tokens, i)      # (an expression going on: 'a' + b)
        if value is not None and key is not None:
            items[key] = value
        elif isinstance(value, str) and isinstance(items, list):
            items.append(value)
    return items, i + 1


def _js_skip(tokens: list[tuple[str, str]], i: int) -> int:
    """The index of the first ``,`` or unmatched closing bracket at or after ``i``."""
    depth = 0
    while i < len(tokens):
        tok = tokens[i][1]
        if tok in ("{", "[", "("):
            depth += 1
        elif tok in ("}", "]", ")"):
            if depth == 0:
                return i
            depth -= 1
        elif tok == "," and depth == 0:
            return i
        i += 1
    return i


def _js_unquote(token: str) -> str | None:
    """A string literal's value (escapes read as the character they escape), or None for
    a template literal that goes on past ``${`` (no literal)."""
    if len(token) < 2 or token[-1] != token[0]:
        return None
    return re.sub(r"\\(.)", r"\1", token[1:-1], flags=re.S)


def _outermost(props: list, key: str, within: tuple[str, ...] = ()) -> str | None:
    """The value of the outermost ``key`` property whose context ends with ``within``."""
    found = sorted((len(ctx), value) for _, ctx, k, value in props
                   if k == key and ctx[len(ctx) - len(within):] == within)
    return found[0][1] if found else None


def _absolute_url(url: str | None, base: str | None = None) -> list[tuple[str, str]]:
    """``[("url", url + base)]`` for an ``http(s)`` address, else ``[]``."""
    if not url or not re.match(r"(?i)^https?://", url.strip()):
        return []
    return [("url", (url.strip().rstrip("/") + "/" + (base or "").strip().strip("/")).rstrip("/"))]


def _base_path(base: str | None) -> list[tuple[str, str]]:
    """``[("base", "/blog")]`` for a site served below its host's root, else ``[]``:
    its pages' site paths start with it, links written in the source do not."""
    folder = (base or "").strip().strip("/")
    return [("base", "/" + folder)] if folder and "://" not in folder else []


def _docusaurus_config(text: str) -> tuple[tuple[str, str], ...]:
    """``url`` + ``baseUrl`` and each blog's folder and route, from ``docusaurus.config.js``.

    The site's ``url`` and ``baseUrl`` are the outermost ones; a blog is the ``blog``
    options of the classic preset or a ``@docusaurus/plugin-content-blog`` instance
    (``path``, default ``blog``; ``routeBasePath``, default ``blog``). See
    https://docusaurus.io/docs/api/plugins/@docusaurus/plugin-content-blog
    """
    props = js_string_properties(text)
    out: list[tuple[str, str]] = [("generator", "docusaurus"),
                                  *_absolute_url(_outermost(props, "url"),
                                                 _outermost(props, "baseUrl"))]
    blogs: dict[int, dict[str, str]] = {}
    for obj, ctx, key, value in props:
        if ctx and (ctx[-1] == "blog" or ctx[-1].endswith("plugin-content-blog")):
            blogs.setdefault(obj, {})[key] = value
    for options in blogs.values() or [{}]:
        folder = options.get("path", DOCUSAURUS_BLOG[0]).strip().strip("/")
        folder = re.sub(r"^(\./)+", "", folder)
        out.append((f"blog:{folder}", options.get("routeBasePath", DOCUSAURUS_BLOG[1])))
        if options.get("tags", "").strip():          # the blog's tags file, when renamed
            out.append((f"tags:{folder}", options["tags"].strip()))
    return tuple(out + _site_title(_outermost(props, "title")))


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


def _quarto_config(conf: dict) -> tuple[tuple[str, str], ...]:
    """``website.site-url``, ``website.title`` and ``project.output-dir`` of ``_quarto.yml``
    (https://quarto.org/docs/websites/)."""
    website = conf.get("website") if isinstance(conf.get("website"), dict) else {}
    project = conf.get("project") if isinstance(conf.get("project"), dict) else {}
    out: list[tuple[str, str]] = [("generator", "quarto")]
    out += _absolute_url(website.get("site-url") if isinstance(website.get("site-url"), str)
                         else None)
    output = project.get("output-dir")
    if isinstance(output, str) and output.strip().strip("/"):
        out.append(("output", output.strip().strip("/")))
    return tuple(out + _site_title(website.get("title")))


# what an R Markdown website's _site.yml sets (rmarkdown::render_site's and Distill's keys):
# a _site.yml setting none of them is some other program's file
RMARKDOWN_SITE_KEYS = ("name", "title", "navbar", "output_dir", "output", "base_url",
                       "collections", "exclude", "include")
DISTILL_POSTS = "posts"        # the collection every Distill blog has (its _posts/ folder)


def _rmarkdown_config(conf: dict) -> tuple[tuple[str, str], ...] | None:
    """What :func:`read_site_config` reads of an R Markdown website's ``_site.yml``.

    ``base_url`` (the site's address, Distill's), ``title`` (else ``name``),
    ``output_dir`` (by default ``_site``) and Distill's collections: the ``posts``
    collection every Distill blog has and those ``collections`` names (a mapping or a
    list; ``collection:NAME`` keys, as Jekyll's), each kept in the folder ``_NAME/``,
    one article per folder. None for a
    ``_site.yml`` that sets none of :data:`RMARKDOWN_SITE_KEYS`.

    References
    ----------
    .. [1] R Markdown: The Definitive Guide, "Websites" (``_site.yml``,
       ``output_dir``), https://bookdown.org/yihui/rmarkdown/rmarkdown-site.html
    .. [2] Distill for R Markdown, "Creating a Blog",
       https://rstudio.github.io/distill/blog.html
    """
    if not any(k in conf for k in RMARKDOWN_SITE_KEYS):
        return None          # (another program's _site.yml: read as the data it is)
    out: list[tuple[str, str]] = [("generator", "rmarkdown")]
    base = conf.get("base_url")
    out += _absolute_url(base if isinstance(base, str) else None)
    output = conf.get("output_dir")
    out.append(("output", output.strip().strip("/") if isinstance(output, str)
                and output.strip().strip("/") not in ("", ".") else "_site"))
    named = conf.get("collections")
    names = (list(named) if isinstance(named, (dict, list)) else [])
    names = [n for n in names if isinstance(n, str) and re.fullmatch(r"[\w.-]+", n)]
    out += [(f"collection:{n}", "") for n in dict.fromkeys(names) if n != DISTILL_POSTS]
    return tuple(out + _site_title(conf.get("title") or conf.get("name")))


def _astro_config(text: str) -> tuple[tuple[str, str], ...]:
    """``site``, ``base`` and ``outDir`` of ``astro.config.mjs``
    (https://docs.astro.build/en/reference/configuration-reference/)."""
    props = js_string_properties(text)
    return (("generator", "astro"), *_absolute_url(_outermost(props, "site"),
                                                   _outermost(props, "base")),
            *_output_dir(_outermost(props, "outDir")))


def _output_dir(value) -> tuple[tuple[str, str], ...]:
    """``(("output", folder),)`` for a build folder inside the site (see
    :func:`_inner_folder`), else nothing."""
    folder = _inner_folder(value)
    return (("output", folder),) if folder else ()


def _eleventy_config(text: str) -> tuple[tuple[str, str], ...]:
    """The folders of ``eleventy.config.js``'s ``dir`` (``input``, ``output``,
    ``includes``, ``data``, ``layouts``; https://www.11ty.dev/docs/config/)."""
    props = js_string_properties(text)
    out: list[tuple[str, str]] = [("generator", "eleventy")]
    for key in ("input", "output", "includes", "data", "layouts"):
        value = _outermost(props, key, ("dir",))
        if value is not None:
            folder = posixpath.normpath(re.sub(r"^(\./)+", "", value.strip()) or ".")
            out.append((key, "" if folder == "." else folder.strip("/")))
    return tuple(out)


def _gatsby_config(text: str) -> tuple[tuple[str, str], ...]:
    """``siteMetadata.siteUrl`` (+ ``pathPrefix``) and ``siteMetadata.title`` of
    ``gatsby-config.js`` (https://www.gatsbyjs.com/docs/reference/config-files/gatsby-config/)."""
    props = js_string_properties(text)
    out = [("generator", "gatsby"),
           *_absolute_url(_outermost(props, "siteUrl", ("siteMetadata",)),
                          _outermost(props, "pathPrefix"))]
    return tuple(out + _site_title(_outermost(props, "title", ("siteMetadata",))))


def _contentlayer_config(text: str) -> tuple[tuple[str, str], ...]:
    """What :func:`read_site_config` reads of ``contentlayer.config.ts`` (Contentlayer,
    the content layer of many Next.js blogs): the folder of its documents
    (``contentDirPath``, ``("documents", folder)``) and each document type's
    ``filePathPattern``, as ``("post_type:NAME", pattern)`` for a type with a date
    field (``date``, or any of ``type: 'date'``: a post) and ``("page_type:NAME",
    pattern)`` for the others (authors, pages, documentation).

    >>> conf = _contentlayer_config(
    ...     "const Blog = defineDocumentType(() => ({ name: 'Blog', filePathPattern: "
    ...     "`./blog/**/*.mdx`, fields: { title: { type: 'string' }, date: { type: 'date' } "
    ...     "} })); const Authors = defineDocumentType(() => ({ name: 'Authors', "
    ...     "filePathPattern: 'authors/**/*.mdx', fields: {} })); export default "
    ...     "makeSource({ contentDirPath: 'data', documentTypes: [Blog, Authors] })")
    >>> conf[:2]
    (('generator', 'contentlayer'), ('documents', 'data'))
    >>> conf[2:]
    (('post_type:Blog', 'blog/**/*.mdx'), ('page_type:Authors', 'authors/**/*.mdx'))

    References
    ----------
    .. [1] Contentlayer, "defineDocumentType" (``name``, ``filePathPattern``, ``fields``),
       https://github.com/contentlayerdev/website/blob/main/content/docs/500-reference/200-source-files/200-define-document-type.mdx
    """
    out: list[tuple[str, str]] = [("generator", "contentlayer")]
    folder = _outermost(js_string_properties(text), "contentDirPath")
    out.append(("documents", _inner_folder(folder) or ""))
    for chunk in re.split(r"\bdefineDocumentType\s*\(", text)[1:]:
        props = js_string_properties(chunk)
        name = next((v for _, _, k, v in props if k == "name"), None)
        pattern = next((v for _, _, k, v in props if k == "filePathPattern"), None)
        if name and pattern:
            dated = re.search(r"\bdate\s*:\s*\{|\btype\s*:\s*['\"`]date['\"`]", chunk)
            out.append((f"{'post_type' if dated else 'page_type'}:{name}",
                        re.sub(r"^(?:\./)+", "", pattern.strip())))
    return tuple(out)


def _site_metadata_config(text: str) -> tuple[tuple[str, str], ...]:
    """``siteUrl`` and ``title`` of ``data/siteMetadata.js``, the site's settings in the
    Tailwind Next.js Starter Blog (and the sites made from it, with or without
    Contentlayer, whose ``contentDirPath`` is ``data`` there too).

    References
    ----------
    .. [1] T. Lau, "Tailwind Nextjs Starter Blog" (``data/siteMetadata.js``, posts in
       ``data/blog/``), https://github.com/timlrx/tailwind-nextjs-starter-blog
    """
    props = js_string_properties(text)
    return (("generator", "contentlayer"), *_absolute_url(_outermost(props, "siteUrl")),
            *_site_title(_outermost(props, "title")))


def glob_match(pattern: str, path: str) -> bool:
    """Whether ``path`` matches a glob as globby and fast-glob read it: ``**`` any
    folders (none too), ``*`` and ``?`` within a name, ``{a,b}`` either.

    >>> [glob_match("blog/**/*.{md,mdx}", p) for p in ("blog/a.mdx", "blog/x/b.md", "c.md")]
    [True, True, False]
    """
    out, i = [], 0
    while i < len(pattern):
        c = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if c == "*":
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif c == "{" and "}" in pattern[i:]:
            end = pattern.index("}", i)
            out.append("(?:" + "|".join(re.escape(a) for a in pattern[i + 1:end].split(","))
                       + ")")
            i = end + 1
            continue
        else:
            out.append(re.escape(c))
        i += 1
    return re.fullmatch("".join(out), path) is not None


def _vuepress_config(text: str) -> tuple[tuple[str, str], ...]:
    """``base``, ``title`` and the ``hostname`` its sitemap, SEO or theme options give
    (the site's address), of ``.vuepress/config.js``
    (https://v1.vuepress.vuejs.org/config/)."""
    props = js_string_properties(text)
    base = _outermost(props, "base")
    return (("generator", "vuepress"), *_absolute_url(_outermost(props, "hostname"), base),
            *_base_path(base), *_site_title(_outermost(props, "title")))


def _vuepress_data(text: str, toml: bool) -> tuple[tuple[str, str], ...]:
    """The same as :func:`_vuepress_config`, from VuePress 1's ``config.yml`` or
    ``config.toml``."""
    from .readers.frontmatter import FrontMatterError, parse_front_matter

    try:
        conf = parse_front_matter(text, "+++" if toml else "---")
    except FrontMatterError as exc:
        raise ValueError(str(exc)) from None
    level, host = [conf], None
    while level and host is None:      # the outermost hostname, as in the JS form
        host = next((d["hostname"] for d in level if isinstance(d.get("hostname"), str)), None)
        level = [v for d in level for v in d.values() if isinstance(v, dict)]
    base = conf.get("base") if isinstance(conf.get("base"), str) else None
    return (("generator", "vuepress"), *_absolute_url(host, base), *_base_path(base),
            *_site_title(conf.get("title")))


_CLEAN_URLS_RE = re.compile(r"(?<![\w$])cleanUrls\s*:\s*true\b")


def _vitepress_config(text: str) -> tuple[tuple[str, str], ...]:
    """``base``, ``title``, ``srcDir``, ``outDir``, ``cleanUrls`` and the sitemap's
    ``hostname`` of ``.vitepress/config.mts`` (https://vitepress.dev/reference/site-config)."""
    props = js_string_properties(text)
    base = _outermost(props, "base")
    out = [("generator", "vitepress"), *_absolute_url(_outermost(props, "hostname"), base),
           *_base_path(base), *_output_dir(_outermost(props, "outDir"))]
    source = _outermost(props, "srcDir")
    if source is not None:
        folder = posixpath.normpath(re.sub(r"^(\./)+", "", source.strip()) or ".")
        out.append(("input", "" if folder == "." else folder.strip("/")))
    if _CLEAN_URLS_RE.search(text):
        out.append(("clean_urls", "true"))
    return tuple(out + _site_title(_outermost(props, "title")))


# configuration files in JavaScript, by generator: read by tokens, never run
def _yuque_config(text: str) -> tuple[tuple[str, str], ...] | None:
    from .readers.yuque import book_config

    return book_config(text)


# the configurations read from their text alone, by kind (see config_kind)
TEXT_CONFIGS = {"logseq": _logseq_config, "python": _pelican_config, "lektor": _lektor_config,
                "middleman": _middleman_config, "jbake": _jbake_config,
                "dendron": _dendron_config, "yuque": _yuque_config, "kirby": _kirby_config,
                "franklin": _franklin_config, "hakyll": _hakyll_config,
                "mdbook": _mdbook_config, "conf-py": _conf_py,
                "gitbook": _gitbook_config, "gitbook-js": _gitbook_js_config,
                # a wiki folder's plugins and themes: nothing to read
                "tiddlywiki": lambda text: (("generator", "tiddlywiki"),),
                # a note vault's panes, themes and plugins: nothing to read (its folder
                # is no site: its notes are named by their files, read_as_notes)
                "obsidian": lambda text: (("generator", NOTE_VAULT),),
                # SvelteKit's and Next.js' pages are their route folders (route_page_folder)
                "sveltekit": lambda text: (("generator", "sveltekit"),),
                "nextjs": lambda text: (("generator", "nextjs"),),
                # Nuxt's pages (with Nuxt Content) are the Markdown files under content/
                "nuxt": lambda text: (("generator", "nuxt"),)}


_IGNORE_PATTERNS_RE = re.compile(r"\bignorePatterns\s*:\s*(?=\[)")
QUARTZ_CONTENT = "content"     # the folder Quartz builds a garden from (its -d option)


def _quartz_config(text: str) -> tuple[tuple[str, str], ...]:
    """A Quartz garden's address, title and ignored files from ``quartz.config.ts``
    (tokenized, never run): ``configuration.baseUrl`` (written without the protocol),
    ``pageTitle`` and the globs of ``ignorePatterns``, one per line.

    References
    ----------
    .. [1] Quartz, "Configuration", https://quartz.jzhao.xyz/configuration
    """
    props = js_string_properties(text)
    base = (_outermost(props, "baseUrl", ("configuration",)) or "").strip().strip("/")
    out: list[tuple[str, str]] = [("generator", "quartz"), ("input", QUARTZ_CONTENT)]
    if base and " " not in base:
        out += _absolute_url(base if "://" in base else "https://" + base)
    m = _IGNORE_PATTERNS_RE.search(text)
    if m is not None:
        patterns, _ = _js_literal(_js_tokens(text[m.end():]), 0, 0)
        if isinstance(patterns, list) and patterns:
            out.append(("ignore", "\n".join(p.strip() for p in patterns if p.strip())))
    return tuple(out + _site_title(_outermost(props, "pageTitle", ("configuration",))))


def quartz_set_aside(inside: str, conf: dict[str, str], *, has_content: bool) -> str | None:
    """Why a file of a Quartz garden is no note of it, or None.

    Quartz builds the garden from ``content/``: a file outside it (Quartz's own
    documentation in ``docs/`` that a clone of its repository keeps) is no page, when
    the garden has notes in ``content/``; nor is a file ``ignorePatterns`` matches
    (``private``, ``templates`` by default; a pattern matching a folder matches what is
    in it). ``content/index.md`` is the home page, another ``index.md`` the page that
    lists its folder's notes, ``content/tags/NAME.md`` the page that lists a tag's.

    Parameters
    ----------
    inside : str
        The file's path in the site's folder.
    conf : dict of str to str
        What :func:`_quartz_config` read.
    has_content : bool, keyword-only
        Whether any file of the garden is in its content folder.

    References
    ----------
    .. [1] Quartz, "Authoring Content" (``content/``, ``content/index.md``),
       https://quartz.jzhao.xyz/authoring-content
    .. [2] Quartz, "Folder and Tag Listings",
       https://quartz.jzhao.xyz/features/folder-and-tag-listings
    .. [3] Quartz, "Private Pages" (``ignorePatterns``),
       https://quartz.jzhao.xyz/features/private-pages
    """
    import fnmatch

    content = conf.get("input", QUARTZ_CONTENT)
    rel = _under(inside, content)
    if rel is None:
        return (f"outside the garden's content folder ({content}/): Quartz builds no page "
                f"from it") if has_content else None
    parts = rel.split("/")
    for pattern in filter(None, conf.get("ignore", "").split("\n")):
        pattern = pattern.strip("/")
        bare = pattern.removeprefix("**/")          # (**/private: at any level, the top too)
        if any(fnmatch.fnmatchcase("/".join(parts[:i]), pattern)
               or fnmatch.fnmatchcase("/".join(parts[:i]), bare)
               for i in range(1, len(parts) + 1)):
            return f"matched by the garden's ignorePatterns ({pattern}): Quartz publishes no page"
    if PurePosixPath(rel).stem.lower() == "index":
        if len(parts) == 1:
            return f"the garden's home page ({content}/index.md), not a note"
        return (f"the page of the folder {'/'.join(parts[:-1])}/ (Quartz lists the folder's "
                f"notes on it), not a note")
    if len(parts) > 1 and parts[0] == "tags":
        return "the page of a tag (Quartz lists the tag's notes on it), not a note"
    return None


JS_CONFIGS = {"docusaurus": _docusaurus_config, "astro": _astro_config,
              "eleventy": _eleventy_config, "gatsby": _gatsby_config,
              "vuepress": _vuepress_config, "vitepress": _vitepress_config,
              "contentlayer": _contentlayer_config, "site-metadata": _site_metadata_config,
              "valaxy": lambda text: _valaxy_config(text, within=("siteConfig",)),
              "valaxy-site": lambda text: _valaxy_config(text, within=()),
              "quartz": _quartz_config}


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


DOCUSAURUS_TAGS = "docusaurus-tags"    # the report format of a Docusaurus blog's tags file
DOCUSAURUS_TAGS_FILE = "tags.yml"      # its name in the blog's folder, unless the blog's
                                       # ``tags`` option names another


def read_docusaurus_tags(text: str) -> tuple[tuple[str, str], ...] | None:
    """The tags a Docusaurus blog's tags file defines, as ``(key, label)`` pairs; None
    for a text that is no such file.

    The file maps each tag's key, which a post's front matter names (``tags: [ml]``),
    to its ``label``, ``permalink`` and ``description``, each optional; the post's page
    shows the label, by default the key capitalized (lodash's ``capitalize``: its first
    letter upper case, the rest lower).

    Parameters
    ----------
    text : str
        The file's text (YAML).

    Returns
    -------
    tuple of (str, str) or None
        None when the text is not a mapping whose every value is empty or an object of
        those three keys alone (another site's ``tags.yml``: Jekyll's data, a theme's).

    References
    ----------
    .. [1] Docusaurus, "Blog" (predefined tags, ``tags.yml``),
       https://docusaurus.io/docs/blog
    .. [2] Docusaurus, ``normalizeTagsFile`` (``label: tag?.label ||
       _.capitalize(key)``), packages/docusaurus-utils-validation/src/tagsFile.ts,
       https://github.com/facebook/docusaurus
    """
    from .readers.frontmatter import FrontMatterError, parse_front_matter

    try:
        data = parse_front_matter(text, "---")
    except FrontMatterError:
        return None
    if not isinstance(data, dict) or not data:
        return None
    out = []
    for key, tag in data.items():
        tag = {} if tag is None else tag
        if not isinstance(tag, dict) or not set(tag) <= {"label", "permalink", "description"}:
            return None
        key = str(key).strip()
        label = tag.get("label")
        label = label.strip() if isinstance(label, str) and label.strip() else None
        out.append((key, label or key[:1].upper() + key[1:].lower()))
    return tuple(out)


def docusaurus_labels(post, inside: str, root: str, conf: dict[str, str],
                      tag_files: dict[str, tuple[tuple[str, str], ...]]):
    """``post`` with each tag its blog's tags file defines shown by its label.

    Parameters
    ----------
    post : Post
        A post of a Docusaurus site; not modified.
    inside : str
        The post file's path under the site's folder.
    root : str
        The report name of the site's folder.
    conf : dict of str to str
        The site's configuration (``blog:FOLDER`` and ``tags:FOLDER`` entries).
    tag_files : dict of str to tuple of (str, str)
        Tags files read (:func:`read_docusaurus_tags`), by report name.

    Returns
    -------
    Post
    """
    from dataclasses import replace

    folder = _docusaurus_blog(inside, conf)
    if folder is None:
        return post
    at = f"{folder}/{conf.get(f'tags:{folder}', DOCUSAURUS_TAGS_FILE)}"
    labels = dict(tag_files.get(f"{root}/{at}" if root not in ("", ".") else at, ()))
    tags = tuple(dict.fromkeys(labels.get(t, t) for t in post.tags))
    return replace(post, tags=tags) if tags != post.tags else post


def _docusaurus_blog(inside: str, conf: dict[str, str]) -> str | None:
    """The folder of the Docusaurus blog (``blog:FOLDER`` of ``conf``) that holds the
    file at ``inside``, or None when no blog does."""
    return next((key.removeprefix("blog:") for key in conf if key.startswith("blog:")
                 and inside.startswith(key.removeprefix("blog:") + "/")), None)


def docusaurus_path(inside: str, slug: str | None, conf: dict[str, str]) -> str | None:
    """The site path Docusaurus gives a blog post, or None when the file is in no blog.

    ``inside`` is the file's path under the site's folder. The post's path is the
    blog's route, then its front matter's ``slug``, else ``YYYY/MM/DD/name`` for a file
    named by its date, else the file's path in the blog without extension (``index``
    names its folder), as ``parseBlogFileName`` of Docusaurus's blog plugin does.
    """
    folder = _docusaurus_blog(inside, conf)
    if folder is None:
        return None
    rel = inside[len(folder) + 1:]
    if not slug:
        m = _DOCUSAURUS_DATE_RE.match(rel)
        slug = (m.group("date").replace("-", "/") + "/" + m.group("text") if m
                else re.sub(r"(?:/index)?\.mdx?$", "", rel, flags=re.I))
    route = conf[f"blog:{folder}"]
    return re.sub(r"/{2,}", "/", f"/{route.strip('/')}/{slug.strip('/')}")


def file_route(generator: str, inside: str, slug: str | None, conf: dict[str, str]
               ) -> str | None:
    """The site path a generator that routes by file gives a post, or None.

    * Quarto: the file's path as HTML (``posts/x/index.qmd`` → ``/posts/x/``,
      ``about.qmd`` → ``/about.html``);
    * Eleventy: the path under its input folder as a folder (``posts/x.md`` →
      ``/posts/x/``; ``index`` names its folder);
    * Astro: a content collection's entry under the collection's name
      (``src/content/blog/x.md`` → ``/blog/x/``, ``slug`` over the file's path), the
      route of the blog templates; None outside the collections;
    * Gatsby: the path under its content folder's source (``content/blog/x/index.md``
      → ``/x/``), as the blog starter's ``createFilePath`` makes it; None elsewhere;
    * VuePress and VitePress: the path under the source folder (VitePress' ``srcDir``)
      as HTML (``blogs/x.md`` → ``/blogs/x.html``; ``/blogs/x`` under VitePress'
      ``cleanUrls``), ``index`` (and VuePress' ``README``) naming its folder;
    * Lektor: a page's folder under ``content/`` (``content/blog/x/contents.lr`` →
      ``/blog/x/``), its ``_slug`` over the last folder's name; None for another
      language's file (``contents+de.lr``, under a prefix the project sets);
    * JBake: the path under its content folder as HTML (``content/blog/x.md`` →
      ``/blog/x.html``; ``/blog/x/`` under ``uri.noExtension`` with a prefix it matches);
    * Hakyll: the path under its ``providerDirectory`` as HTML (``posts/x.md`` →
      ``/posts/x.html``: the ``setExtension "html"`` route of hakyll-init's site);
    * mdBook: the path under its source folder as HTML, ``README`` its folder's
      ``index`` (``src/ml/x.md`` → ``/ml/x.html``);
    * Valaxy: the path under ``pages/`` (``pages/posts/x.md`` → ``/posts/x``, ``index``
      naming its folder), as its file-based router makes it;
    * Quartz: the path under ``content/`` as Quartz 4 slugs it, each white-space
      character a ``-``, ``&`` ``-and-``, ``%`` ``-percent``, ``?#<>:"|*`` left out
      (``content/notes/Rotary Embeddings.md`` → ``/notes/rotary-embeddings``), in lower
      case as its later releases write it (earlier ones kept the case: links match
      either, as names are matched without case).

    Parameters
    ----------
    generator : str
        ``quarto``, ``eleventy``, ``astro``, ``gatsby``, ``vuepress``, ``vitepress``,
        ``lektor``, ``jbake``, ``hakyll``, ``mdbook``, ``gitbook``, ``valaxy`` or
        ``quartz``.
    inside : str
        The file's path under the site's folder.
    slug : str or None
        The front matter's ``slug``.
    conf : dict of str to str
        What :func:`read_site_config` read (Eleventy's, VitePress', Hakyll's and mdBook's
        ``input``, VitePress' ``clean_urls``).

    References
    ----------
    .. [1] Quarto, "Websites", https://quarto.org/docs/websites/
    .. [2] Eleventy, "Permalinks", https://www.11ty.dev/docs/permalinks/
    .. [3] Astro, "Content collections",
       https://docs.astro.build/en/guides/content-collections/
    .. [4] gatsby-source-filesystem, ``createFilePath``,
       https://www.gatsbyjs.com/plugins/gatsby-source-filesystem/
    .. [5] VuePress, "Directory Structure" (default page routing),
       https://v1.vuepress.vuejs.org/guide/directory-structure.html
    .. [6] VitePress, "Routing", https://vitepress.dev/guide/routing
    .. [7] Lektor, "URLs and Slugs", https://www.getlektor.com/docs/content/urls/
    .. [8] JBake, "Configuration" (``uri.noExtension``), https://jbake.org/docs/latest/
    .. [9] Hakyll, "Tutorials", https://jaspervdj.be/hakyll/tutorials.html
    .. [10] mdBook, "SUMMARY.md" (a README.md is rendered as index.html),
       https://rust-lang.github.io/mdBook/format/summary.html
    .. [11] Valaxy's starter, README ("pages/posts: write your posts here"; routes by
       vue-router's file-based routing), https://github.com/YunYouJun/valaxy
    .. [12] Quartz, ``slugifyFilePath`` in ``quartz/util/path.ts``,
       https://github.com/jackyzha0/quartz
    """
    if generator == "jbake":
        rel = _under(inside, conf.get("input", "content"))
        if rel is None:
            return None
        page = "/" + re.sub(rf"\.({DOC_EXTENSIONS}|adoc|ad)$", "", rel, flags=re.I)
        prefix = conf.get("no_extension")
        if prefix is not None and page.startswith("/" + prefix.strip("/")):
            return page + "/"
        return page + ".html"
    if generator == "lektor":
        rel = _under(inside, "content")
        if rel is None or PurePosixPath(rel).name.lower() != "contents.lr":
            return None
        parts = list(PurePosixPath(rel).parent.parts)
        if parts and slug and slug.strip("/"):
            parts[-1] = slug.strip("/")
        return "/" + "".join(f"{x}/" for x in parts)
    stem = re.sub(rf"\.({DOC_EXTENSIONS})$", "", inside, flags=re.I)
    folder, _, name = stem.rpartition("/")
    if generator == "valaxy":
        rel = _under(stem, "pages")
        if rel is None:
            return None
        rel = re.sub(r"(?:^|/)index$", "", rel)
        return f"/{rel}" if rel else "/"
    if generator in ("vuepress", "vitepress"):
        rel = _under(stem, conf.get("input", ""))
        if rel is None:
            return None
        folder, _, name = rel.rpartition("/")
        if name.lower() in (("index", "readme") if generator == "vuepress" else ("index",)):
            return f"/{folder}/" if folder else "/"
        return f"/{rel}" + ("" if conf.get("clean_urls") else ".html")
    if generator == "quarto":
        return f"/{folder}/" if name.lower() == "index" and folder else f"/{stem}.html"
    if generator == "eleventy":
        rel = _under(stem, conf.get("input", ""))
        if rel is None:
            return None
        rel = re.sub(r"(?:^|/)index$", "", rel)
        return f"/{rel}/" if rel else "/"
    parts = stem.split("/")
    if generator == "astro":
        found = _astro_entry(stem, conf)
        if found is None:
            return None
        collection, entry = found
        entry = slug.strip("/") if slug else re.sub(r"(?:^|/)index$", "", entry)
        served = {v for k, v in conf.items() if k.startswith(f"{ASTRO_ROUTE_KEY}{collection}:")}
        folder = (collection if not served or collection in served
                  else min(served, key=lambda f: (f.count("/"), f)))
        return "/" + "".join(f"{x}/" for x in (folder, entry.lower()) if x) if entry else None
    if generator == "gatsby" and len(parts) > 2 and parts[0] == "content":
        rest = re.sub(r"(?:^|/)index$", "", "/".join(parts[2:]))
        return f"/{rest}/" if rest else None
    if generator == "quartz":
        rel = _under(stem, conf.get("input", QUARTZ_CONTENT))
        return None if rel is None else "/" + "/".join(
            re.sub(r"[?#<>:\"|*]", "", re.sub(r"\s", "-", x).replace("&", "-and-")
                   .replace("%", "-percent")).lower() for x in rel.split("/"))
    if generator in ("hakyll", "mdbook", "gitbook"):
        rel = _under(stem, conf.get("input", ""))
        if rel is None:
            return None
        if generator != "hakyll":       # (a book's README.md is the index of its folder)
            rel = re.sub(r"(?i)(?:^|(?<=/))readme$", "index", rel)
        return f"/{rel}.html"
    return None


def _astro_entry(stem: str, conf: dict[str, str]) -> tuple[str, str] | None:
    """``(collection, entry)`` of a file of an Astro site (without its extension): by
    the folders its content config gives the collections, else the folder under
    ``src/content/`` or ``src/data/`` naming it; None outside them."""
    for folder, name in sorted(((k.removeprefix(ASTRO_FOLDER_KEY), v) for k, v in conf.items()
                                if k.startswith(ASTRO_FOLDER_KEY)), key=lambda fn: -len(fn[0])):
        if stem.startswith(folder + "/"):
            return name, stem[len(folder) + 1:]
    base = next((c for c in ASTRO_COLLECTIONS if stem.startswith(c + "/")), None)
    if base is None:
        return None
    collection, _, entry = stem[len(base) + 1:].partition("/")
    return collection, entry


def _pelican_pattern(pattern: str) -> str:
    """A Pelican URL setting (``posts/{date:%Y}/{slug}/``) in :func:`permalink_path`'s
    placeholders (``posts/:year/:slug/``)."""
    return re.sub(r"\{([^{}]*)\}", lambda m: _PELICAN_FIELDS.get(m.group(1), m.group(0)),
                  pattern)


def permalink_path(pattern: str, *, slug: str, title_slug: str, filename: str,
                   date: str | None, categories: tuple[str, ...] = (), section: str = "",
                   sections: str = "", fields: dict[str, str] | None = None,
                   named_categories: bool = False) -> str | None:
    """The site path a permalink pattern gives a post, or None when it needs a missing
    date or a value the post does not have.

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
    fields : dict of str to str, optional
        The post's other front matter values (:attr:`Post.fields`), for any other
        placeholder: Hexo fills those from the post's front matter (hexo-abbrlink's
        ``:abbrlink``). A placeholder neither names gives None, never a path holding it.
    named_categories : bool, keyword-only
        Jekyll's ``:categories``: the names in lower case, without repeats (``Machine
        Learning`` → ``machine learning``, percent-encoded in the address, which a
        post's aliases decode), ``:slugified_categories`` their slugs. Otherwise both are
        slugs (Hexo's, Pelican's).

    References
    ----------
    .. [1] Jekyll, "Permalinks", https://jekyllrb.com/docs/permalinks/
    .. [2] Hexo, "Permalinks", https://hexo.io/docs/permalinks
    .. [3] Hugo, "Permalinks configuration",
       https://gohugo.io/configuration/permalinks/
    """
    need_date = any(t in pattern for t in (":year", ":month", ":day", ":y_day", ":short_year"))
    d = None
    if date and re.match(r"^\d{4}-\d{2}-\d{2}$", date):
        d = dt.date.fromisoformat(date)
    if need_date and d is None:
        return None
    cats = "/".join(slugify(c) for c in categories)
    named = "/".join(dict.fromkeys(c.lower() for c in categories)) if named_categories else cats
    values = {
        "year": f"{d.year:04d}" if d else "", "month": f"{d.month:02d}" if d else "",
        "day": f"{d.day:02d}" if d else "", "i_month": str(d.month) if d else "",
        "i_day": str(d.day) if d else "", "short_year": f"{d.year % 100:02d}" if d else "",
        "y_day": f"{d.timetuple().tm_yday:03d}" if d else "",
        "title": title_slug, "slug": slug, "filename": filename, "contentbasename": filename,
        "name": filename,
        "section": section, "sections": sections, "categories": named,
        "category": cats.split("/")[0] if cats else "",
        "output_ext": ".html", "hour": "", "minute": "", "second": "", "week": "",
        "short_day": "", "basename": filename, "slugified_categories": cats,
        "yearday": str(d.timetuple().tm_yday) if d else "",
    }
    fields = fields or {}
    missing = []

    def value(m: re.Match) -> str:
        name = m.group(1)
        if name in values:
            return values[name]
        if name in fields:
            return fields[name]
        missing.append(name)
        return ""

    out = re.sub(r":([A-Za-z_]+)", value, pattern)
    if missing:
        return None
    return re.sub(r"/{2,}", "/", "/" + out.lstrip("/"))


# readers whose posts a site's configuration addresses (static-site source files)
SITE_FORMATS = ("front-matter", "markdown", "metadata-header", "restructuredtext", "notebook",
                "lektor", "asciidoc", "org", "jbake", "kirby", "yuque-lakebook", "franklin")


# what a generator's source folder holds besides its posts: (folders of templates, themes
# and data; folders it writes the built site to), by generator. Eleventy's are inside its
# input folder; its, Quarto's and Astro's configured folders are added per site.
SITE_FOLDERS = {
    "jekyll": ({"_layouts", "_includes", "_sass", "_data", "_plugins", "themes", "scaffolds",
                "node_modules", "vendor"}, {"_site", "public", ".jekyll-cache"}),
    "hugo": ({"layouts", "archetypes", "themes", "assets", "data", "i18n", "static",
              "node_modules"}, {"public", "resources"}),
    "zola": ({"templates", "themes", "sass", "static"}, {"public"}),
    "pelican": ({"themes", "plugins", "pelican-plugins"}, {"output"}),
    "nikola": ({"themes", "templates", "plugins", "files", "galleries", "images", "listings",
                "shortcodes"}, {"output", "cache"}),
    "ablog": ({"_templates", "_static"}, {"_build"}),
    "tiddlywiki": ({"plugins", "themes", "languages"}, {"output"}),
    "kirby": ({"site", "kirby", "assets", "vendor"}, {"media"}),
    "docusaurus": ({"static", "node_modules"}, {"build", ".docusaurus"}),
    "mkdocs": ({"overrides"}, {"site"}),
    "quarto": ({"_extensions", "_freeze"}, {"_site"}),
    # an R project's package library (renv's); the site render_site writes (output_dir)
    "rmarkdown": ({"renv", "packrat"}, {"_site"}),
    "astro": ({"public", "node_modules"}, {"dist", ".astro"}),
    "eleventy": ({"_includes", "_data", "node_modules"}, {"_site"}),
    "gatsby": ({"src", "static", "plugins", "node_modules"}, {"public", ".cache"}),
    "vuepress": ({"node_modules"}, set()),    # .vuepress/ (theme, dist/) is hidden
    "vitepress": ({"node_modules"}, set()),   # .vitepress/ (theme, dist/, cache/) too
    # Logseq's own folder: settings, custom.css, and its backups of pages (bak/,
    # version-files/), which are older copies of the graph's pages, not pages
    "logseq": ({"logseq"}, set()),
    "lektor": ({"templates", "models", "flowblocks", "databags", "packages", "assets"}, set()),
    # a Dendron workspace's import and export settings, and its seeds (others' vaults)
    "dendron": ({"pods", "seeds", "node_modules"}, set()),
    # Franklin.jl's layout, styles, libraries and feed templates; the site it builds
    "franklin": ({"_layout", "_css", "_libs", "_assets", "_rss"}, {"__site"}),
    # Hakyll's templates (its Configuration's folders are added per site)
    "hakyll": ({"templates"}, {"_site", "_cache"}),
    "mdbook": ({"theme"}, set()),
    # Valaxy's components, layouts, styles, translations and static files (.valaxy/ is
    # hidden), the site it builds
    "valaxy": ({"components", "layouts", "styles", "locales", "public", "setup",
                "node_modules"}, {"dist"}),
    # GitBook's and HonKit's plugins (its build folder is set per book)
    "gitbook": ({"node_modules"}, {"_book"}),
    # SvelteKit's static files; its build cache and the site adapter-static writes
    "sveltekit": ({"static", "node_modules"}, {".svelte-kit", "build"}),
    # Next.js' static files; its build and the site `next export` writes
    "nextjs": ({"public", "node_modules"}, {".next", "out"}),
    # Quartz's own code (its documentation, docs/, is outside the garden's content/, see
    # quartz_set_aside), the site it builds and its cache
    "quartz": ({"quartz", "node_modules"}, {"public", ".quartz-cache"}),
    # Nuxt's components, layouts, static files and server code; its build folders and
    # the site `nuxt generate` writes
    "nuxt": ({"components", "layouts", "public", "assets", "server", "node_modules"},
             {".nuxt", ".output", "dist"}),
    # Bridgetown's layouts, components and data (in its source folder), its front end,
    # Ruby configuration, server and plugins
    "bridgetown": ({"src/_layouts", "src/_components", "src/_partials", "src/_data",
                    "frontend", "config", "server", "plugins", "node_modules"},
                   {".bridgetown-cache"}),
}
# where a generator keeps the pages it builds, when the posts are in folders below it:
# a file at the top of it is a page of the site (about.md), not a post. Eleventy's is
# its input folder (``dir.input``).
CONTENT_ROOTS = {"hugo": "content", "zola": "content", "quarto": "", "rmarkdown": "",
                 "eleventy": "", "vuepress": "", "lektor": "content", "franklin": "",
                 "sveltekit": "src/routes", "nextjs": "", "nuxt": "content"}
# the pages a site routes by file, and the folders where its blog keeps its posts:
# Astro's content collections (src/content/ and, by the content layer's loaders in many
# themes, src/data/); Gatsby's sources of Markdown (content/)
ASTRO_COLLECTIONS = ("src/content", "src/data")
# what graphkit.readers.astro reads: a dynamic route's page, the content config; the keys
# it gives (route:COLLECTION:FOLDER = FOLDER, collection_dir:FOLDER = COLLECTION)
ASTRO_KINDS = ASTRO_ROUTE, ASTRO_CONTENT = ("astro-route", "astro-content")
ASTRO_ROUTE_KEY, ASTRO_FOLDER_KEY = "route:", "collection_dir:"
ROUTED_PAGES = {"astro": ("src/pages", ASTRO_COLLECTIONS), "gatsby": ("src/pages", ("content",)),
                "valaxy": ("pages", ("pages/posts",))}


def _routed_pages(generator: str, conf: dict[str, str]) -> tuple[str, tuple[str, ...]]:
    """:data:`ROUTED_PAGES` of a site, with the folders its Astro content config names."""
    pages, kept = ROUTED_PAGES.get(generator, ("", ()))
    return pages, kept + tuple(k.removeprefix(ASTRO_FOLDER_KEY) for k in conf
                               if k.startswith(ASTRO_FOLDER_KEY))


def config_generator(name: str, values: tuple[tuple[str, str], ...] | dict) -> str:
    """The generator a configuration file belongs to: ``jekyll`` (Jekyll or Hexo:
    ``_config.yml``), ``hugo``, or the ``generator`` its values name."""
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


def hexo_slug(inside: str, stem: str, source: str) -> str:
    """A Hexo post's ``:title`` (and ``:slug``) when its front matter names no slug: its
    file's path inside ``_posts`` without the ending, ``stem`` the file's own part
    (``source/_posts/ml/foo.md`` → ``ml/foo``).

    Parameters
    ----------
    inside : str
        The post file's path inside its site.
    stem : str
        The file's name as a slug (:func:`file_slug`: without a date the name opens with).
    source : str
        Hexo's ``source_dir``, the folder that holds ``_posts``.

    References
    ----------
    Hexo, "Permalinks" (``:title``: "Filename (relative to source/_posts/ folder)",
    ``:name``: the file name, ``:post_title``: the title), https://hexo.io/docs/permalinks
    """
    rel = _under(inside, f"{source}/_posts" if source else "_posts")
    folder = posixpath.dirname(rel) if rel else ""
    return f"{folder}/{stem}" if folder else stem


def _under(inside: str, folder: str) -> str | None:
    """``inside`` relative to ``folder`` ("" is the site's folder), or None outside it."""
    if not folder:
        return inside
    return inside[len(folder) + 1:] if inside.startswith(folder + "/") else None


def _folder_of(inside: str, folders: set[str]) -> str | None:
    """The one of ``folders`` (paths under the site's folder) that holds ``inside``."""
    return next((f for f in sorted(folders) if inside.startswith(f + "/")), None)


def nikola_folder(inside: str, conf: dict[str, str], kind: str) -> tuple[str, str] | None:
    """``(folder, destination)`` of the Nikola ``POSTS`` (``kind="posts"``) or ``PAGES``
    entry whose folder holds the file at ``inside`` (the deepest), or None. ``conf``
    holds every entry, Nikola's defaults included (see :func:`_conf_py`)."""
    entries = [(k.split(":", 1)[1], v) for k, v in conf.items() if k.startswith(kind + ":")]
    held = [(folder, dest) for folder, dest in entries if _under(inside, folder) is not None]
    return max(held, key=lambda e: len(e[0])) if held else None


def nikola_path(inside: str, slug: str | None, conf: dict[str, str]) -> str | None:
    """The site path Nikola gives the post at ``inside`` (a path under the site's
    folder): its ``POSTS`` entry's destination, the folders below the entry's folder, and
    its slug (else its file name), as ``/dest/slug/`` with ``PRETTY_URLS`` (Nikola 8's
    default), else ``/dest/slug.html``. None outside every ``POSTS`` folder.

    >>> nikola_path("posts/ml/rope.md", "rope-intuition", {"posts:posts": "blog"})
    '/blog/ml/rope-intuition/'

    References
    ----------
    .. [1] Nikola Handbook, "Configuration" (``POSTS``, ``PRETTY_URLS``),
       https://getnikola.com/handbook.html
    """
    entry = nikola_folder(inside, conf, "posts")
    if entry is None:
        return None
    folder, dest = entry
    rel = PurePosixPath(_under(inside, folder) or inside)
    name = (slug or "").strip().strip("/") or rel.stem
    parts = [x for x in (dest, *rel.parent.parts, name) if x not in ("", ".")]
    pretty = conf.get("pretty_urls", "true") != "false"
    return "/" + "/".join(parts) + ("/" if pretty else ".html")


def _site_layout(generator: str, conf: dict[str, str]) -> tuple[set[str], set[str], str | None]:
    """A site's template folders, build folders (paths under the site's folder) and
    content root (see :data:`SITE_FOLDERS` and :data:`CONTENT_ROOTS`), with its
    configuration's own folders."""
    templates, built = (set(f) for f in SITE_FOLDERS.get(generator, (set(), set())))
    if conf.get("output"):
        built.add(conf["output"])
    if generator == "eleventy":     # its folders are named from its input folder
        source = conf.get("input", "")
        templates = {"node_modules"} | {
            posixpath.normpath(posixpath.join(source, conf.get(key) or default)).strip("/")
            for key, default in (("includes", "_includes"), ("data", "_data"),
                                 ("layouts", "_includes"))}
        return templates, built, source
    if generator == "vitepress":    # its pages are under its srcDir
        return templates, built, conf.get("input", "")
    if generator == "hakyll":       # its templates are under its providerDirectory
        return {posixpath.join(conf.get("input", ""), "templates")}, built, None
    if generator == "jbake":
        return set(filter(None, conf.get("templates", "").split(","))), built, None
    if generator == "middleman":    # its layouts and assets are under its source folder
        return set(filter(None, conf.get("templates", "").split(","))) | {"data", "helpers",
                                                                          "lib"}, built, None
    return templates, built, conf.get("content_dir") or CONTENT_ROOTS.get(generator)


def _top_bundle(rel: str, generator: str) -> bool:
    """True for a page bundle at the top of Hugo's or Zola's content (``about/index.md``
    under ``content/``): a page with its files, as ``about.md`` is one without; and for
    SvelteKit's or Next.js' page of a route of one folder (``about/+page.md`` under
    ``src/routes/``, ``app/about/page.mdx``; route groups left out)."""
    if generator in ("sveltekit", "nextjs"):
        routed = route_page_folder(rel)
        if routed is not None and generator == "nextjs":
            routed = re.sub(r"^(?:src/)?app(?:/|$)", "", routed)
        return routed is not None and "/" not in routed
    return (generator in ("hugo", "zola") and rel.count("/") == 1
            and PurePosixPath(rel).stem.lower() == "index")


def site_sources(posts: list, configs: list[tuple[str, tuple[tuple[str, str], ...]]]
                 ) -> tuple[list, list]:
    """Set aside what a site's source folder holds besides its posts.

    A site is a folder holding a configuration file (:func:`is_site_config`). Within it:

    * its templates, themes and data (Jekyll's ``_layouts``, ``_includes``; Hugo's
      ``layouts``, ``themes`` — a theme's ``exampleSite`` has posts of its own —,
      ``archetypes``, ``static``; Zola's ``templates``; Quarto's ``_freeze``; Eleventy's
      ``_includes`` and ``_data``; Gatsby's ``src``…, see :data:`SITE_FOLDERS`) and the
      site it built (``_site``, ``public``, ``output``, ``build``, ``site``, ``dist``):
      the generator's rendering of the posts, read from their sources;
    * a Dendron vault's root note (``root.md``, the top of its hierarchies);
    * a Grav site's files outside ``pages/`` (its themes, plugins and settings), the
      modules of its modular pages (``_intro/text.md``), and, when some of its pages
      have a blog post's template (``item.md``, ``post.md``), its other pages;
    * Jekyll's and Hexo's pages: when the posts are in a ``_posts`` folder, a file
      beside that folder or in a folder not named with ``_`` (``about.md``,
      ``404.html``, ``source/about/index.md``) is a page; ``_``-folders are the posts
      and the site's collections, but a collection's document in the ``page`` layout
      is a page (:func:`jekyll_page_document`: Chirpy's ``_tabs/``);
    * the pages at the top of the content (Hugo's and Zola's ``content/about.md`` and
      ``content/about/index.md``, Quarto's ``about.qmd``, the top of Eleventy's input
      folder) when the posts are in
      folders below it; Pelican's pages (``content/pages/``); Astro's and Gatsby's routed
      pages (``src/pages/``) when the posts are in content collections (``src/content/``)
      or ``content/``; a Docusaurus site's
      docs and pages outside its blog folders when posts are in them.

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
    .. [5] Quarto, "Creating a Blog", https://quarto.org/docs/websites/website-blog.html
    .. [6] Eleventy, "Configuration" (``dir``), https://www.11ty.dev/docs/config/
    .. [7] Astro, "Project structure",
       https://docs.astro.build/en/basics/project-structure/
    .. [8] Gatsby, "Gatsby Project Structure",
       https://www.gatsbyjs.com/docs/reference/gatsby-project-structure/
    """
    from .model import Fragment
    from .text import preview

    roots: dict[str, str] = {}
    confs: dict[str, dict[str, str]] = {}
    blogs: dict[str, list[str]] = {}       # a Docusaurus site's blog folders
    for name, values in sorted(configs):
        root = config_root(name)
        roots.setdefault(root, config_generator(name, values))
        confs.setdefault(root, {}).update(values)
        blogs.setdefault(root, []).extend(k.removeprefix("blog:") for k, _ in values
                                          if k.startswith("blog:"))
    if not roots:
        return posts, []
    layouts = {root: _site_layout(generator, confs[root]) for root, generator in roots.items()}
    # a configuration inside another site's theme or build folder (a Hexo theme's own
    # _config.yml under themes/, a Hugo theme's exampleSite) configures no site of the
    # blog: what lies there is that site's theme
    inner = {r for r in roots for o in roots if r != o and (
        rel := r if o in (".", "") else _under(r, o)) is not None
        and (_folder_of(rel + "/", layouts[o][0]) or _folder_of(rel + "/", layouts[o][1]))}
    for r in inner:
        del roots[r], layouts[r]
    ordered = sorted(roots, key=lambda r: -len(r))
    placed = [site_of(p, ordered) for p in posts]
    # where each Jekyll or Hexo site keeps _posts; which sites keep posts in folders below
    # their content root; which Docusaurus sites have blog posts, which Astro sites
    # content collections
    posts_dirs: dict[str, set[str]] = {}
    foldered: set[str] = set()
    in_blog: set[str] = set()
    collections: set[str] = set()
    grav_items: set[str] = set()       # Grav sites with pages of a post template
    hakyll_posts: set[str] = set()     # Hakyll sites with posts in their posts folder
    paged: set[tuple[str, str]] = set()   # Franklin sites' folders holding pages
    quartz_notes: set[str] = set()     # Quartz gardens with notes in their content folder
    for at in placed:
        if at is None:
            continue
        root, inside = at
        templates, built, content = layouts[root]
        parts = inside.split("/")
        if (roots[root] == "grav" and grav_route(inside, None, {}) is not None
                and grav_template(inside)[0] in GRAV_POST_TEMPLATES):
            grav_items.add(root)
        if _folder_of(inside, templates) or _folder_of(inside, built):
            continue
        if roots[root] == "hakyll" and _under(inside, confs[root].get("posts", "posts")):
            hakyll_posts.add(root)
        if roots[root] == "quartz" and _under(inside, confs[root].get("input", QUARTZ_CONTENT)):
            quartz_notes.add(root)
        if roots[root] == "franklin" and PurePosixPath(inside).stem.lower() != "index":
            paged.add((root, str(PurePosixPath(inside).parent)))
        if any(inside.startswith(folder + "/") for folder in blogs.get(root, ())):
            in_blog.add(root)
        if "_posts" in parts[:-1]:
            posts_dirs.setdefault(root, set()).add("/".join(parts[:parts.index("_posts")]))
        elif jekyll_collection(inside, confs[root]) is not None:   # (Jekyll's other kinds)
            posts_dirs.setdefault(root, set()).add(confs[root].get("source", ""))
        rel = _under(inside, content) if content is not None else None
        if rel is not None and "/" in rel and not _top_bundle(rel, roots[root]):
            foldered.add(root)
        if any(_under(inside, c) for c in _routed_pages(roots[root], confs[root])[1]):
            collections.add(root)
    out, frags = [], []
    for p, at in zip(posts, placed):
        why = None
        if at is not None:
            root, inside = at
            generator = roots[root]
            templates, built, content = layouts[root]
            parts = inside.split("/")
            rel = _under(inside, content) if content is not None else None
            built_in, template_in = _folder_of(inside, built), _folder_of(inside, templates)
            pages, kept = _routed_pages(generator, confs[root])
            if built_in:
                why = (f"the site as built ({built_in}/): the generator's rendering of posts "
                       f"read from their sources")
            elif root in collections and _under(inside, pages) and not any(
                    _under(inside, c) for c in kept):
                why = (f"a page of the site ({pages}/), not a post (its posts are under "
                       f"{', '.join(c + '/' for c in kept)})")
            elif template_in:
                why = f"a template, theme or data file of the site ({template_in}/), not a post"
            elif generator == "grav":
                why = _grav_aside(inside, root in grav_items)
            elif generator == "contentlayer":
                why = contentlayer_aside(inside, confs[root])
            elif generator == "valaxy" and re.fullmatch(r"pages/posts/index\.mdx?", inside,
                                                       re.I):
                why = "the page of the list of posts (/posts/), not a post"
            elif (generator == "franklin" and PurePosixPath(inside).stem.lower() == "index"
                  and (root, str(PurePosixPath(inside).parent)) in paged
                  and PurePosixPath(inside).parent.name):
                folder = PurePosixPath(inside).parent
                why = (f"the page of the folder {folder}/ (Franklin renders it at /{folder}/, "
                       f"above the pages in it), not a post")
            elif generator == "hakyll" and root in hakyll_posts and _under(
                    inside, confs[root]["posts"]) is None:
                why = (f"a page of the site, not a post (the Hakyll site's posts are under "
                       f"{confs[root]['posts']}/)")
            elif generator in ("mdbook", "gitbook") and _under(
                    inside, confs[root].get("input", "")) is None:
                why = (f"outside the book's source folder ({confs[root].get('input')}/): "
                       f"{'mdBook' if generator == 'mdbook' else 'GitBook'} builds no "
                       f"chapter from it")
            elif generator == "quartz" and (aside := quartz_set_aside(
                    inside, confs[root], has_content=root in quartz_notes)):
                why = aside
            elif generator == "dendron" and PurePosixPath(inside).name.lower() == "root.md":
                why = ("the vault's root note (Dendron makes one in every vault, above its "
                       "hierarchies: the home page of its published site), not a post")
            elif root in posts_dirs and (kind := jekyll_page_document(inside, p, confs[root])):
                why = (f"a page of the site (a document of its {kind} collection in the page "
                       f"layout), not a post")
            elif root in posts_dirs:
                home = next((d for d in sorted(posts_dirs[root], key=len)
                             if not d or inside.startswith(d + "/")), None)
                rest = inside[len(home) + 1:] if home else inside
                if (home is None or not {"_posts", "_drafts"}.intersection(
                        rest.split("/")[:-1])) and jekyll_collection(inside, confs[root]) is None:
                    why = ("a page of the site, not a post (Jekyll's and Hexo's posts are in "
                           "_posts/, a Jekyll site's other documents in its collections' "
                           "folders)" if generator != "rmarkdown" else
                           "a page of the site, not a post (a Distill blog's posts are in "
                           "_posts/, its other articles in its collections' folders)")
            elif root in foldered and rel is not None and ("/" not in rel
                                                            or _top_bundle(rel, generator)):
                where = (f"{content}/" if content else "app/" if generator == "nextjs"
                         else "the site's folder")
                why = (f"a page at the top of the site's content ({where}), not a post: "
                       f"the posts are in folders below it")
            elif generator == "pelican" and len(parts) > 2 and parts[:2] == ["content", "pages"]:
                why = "a page of the site (Pelican's content/pages/), not an article"
            elif generator == "ablog" and not is_ablog_post(inside, p, confs[root]):
                why = ("a page of the Sphinx site, not a post of its blog (ABlog's posts have "
                       "a post directive, blogpost: true or a name blog_post_pattern matches)")
            elif generator == "middleman" and middleman_article(inside, confs[root]) is None:
                why = (f"a page of the site, not an article of its blog (middleman-blog's "
                       f"articles are the files named as {confs[root].get('sources')})")
            elif generator == "nikola" and nikola_folder(inside, confs[root], "posts") is None:
                page = nikola_folder(inside, confs[root], "pages")
                why = (f"a page of the site (Nikola's PAGES: {page[0] or '.'}/), not a post"
                       if page is not None else
                       "not in a folder of the site's POSTS setting (Nikola builds no post "
                       "from it)")
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


# the Tailwind Next.js Starter Blog's documents before Contentlayer (its lib/mdx.js)
STARTER_BLOG_TYPES = {"post_type:Blog": "blog/**/*", "page_type:Authors": "authors/**/*"}


def contentlayer_aside(inside: str, conf: dict[str, str]) -> str | None:
    """Why a file of a Contentlayer site is not one of its posts, or None: outside its
    documents' folder (``contentDirPath``), or, when some document type is dated (a
    post's), a document of another type only (authors, pages) or of none. Without
    ``contentlayer.config`` (the starter blog before it used Contentlayer), its folders
    are the starter's: posts in ``data/blog/``, authors in ``data/authors/``.

    >>> conf = {"documents": "data", "post_type:Blog": "blog/**/*.mdx",
    ...         "page_type:Authors": "authors/**/*.mdx"}
    >>> [contentlayer_aside(p, conf) is None for p in ("data/blog/a.mdx", "README.md")]
    [True, False]
    >>> contentlayer_aside("data/authors/me.mdx", conf)
    'a Contentlayer document of type Authors (no date field: not a post)'
    """
    if "documents" not in conf:
        conf = {"documents": "data", **STARTER_BLOG_TYPES}
    folder = conf["documents"]
    rel = _under(inside, folder)
    if rel is None:
        return (f"outside the Contentlayer site's documents ({folder}/, its "
                f"contentDirPath), not a post")
    posts = [v for k, v in conf.items() if k.startswith("post_type:")]
    if not posts or any(glob_match(g, rel) for g in posts):
        return None
    other = next((k.partition(":")[2] for k, v in conf.items()
                  if k.startswith("page_type:") and glob_match(v, rel)), None)
    if other is not None:
        return f"a Contentlayer document of type {other} (no date field: not a post)"
    return "no Contentlayer document type's filePathPattern names this file: not a post"


def _grav_aside(inside: str, items: bool) -> str | None:
    """Why a file of a Grav site is not one of its posts (see :func:`site_sources`), or
    None; ``items`` says whether some of the site's pages have a post's template."""
    if grav_route(inside, None, {}) is None:
        return (f"not a page of the Grav site (its pages are folders under {GRAV_PAGES}/; "
                f"the other folders hold its themes, plugins and settings)")
    folders = inside.split("/")[1:-1]
    module = next((f for f in folders if f.startswith("_")), None)
    if module is not None:
        return (f"a module of a modular page ({module}/, a part of the page above it in "
                f"Grav), not a post")
    template, _ = grav_template(inside)
    if items and template not in GRAV_POST_TEMPLATES:
        return (f"a page of the site (Grav template {template}), not a post: the site's "
                f"posts are its pages of a post template "
                f"({', '.join(t + '.md' for t in GRAV_POST_TEMPLATES)})")
    return None


def _grav_page(post, inside: str, conf: dict[str, str]) -> tuple[object, str | None]:
    """A Grav page with what its site makes of it (see :func:`grav_route`,
    :func:`grav_links`): its route, its folder's path under ``pages/`` (numeric
    prefixes kept: ``02.blog/03.linear``) among its aliases, its relative links as site
    paths, and its ``date:`` read as PHP reads it when it was read as no day
    (``04/03/2018`` is 3 April, ``04-03-2018`` 4 March)."""
    from dataclasses import replace

    from .dates import parse_date
    from .readers.frontmatter import url_aliases

    route = grav_route(inside, post.slug, conf)
    if route is None:
        return post, None
    folder = _under(inside, GRAV_PAGES).rpartition("/")[0]
    date = post.date or parse_date(dict(post.fields).get("date"), php=True)
    post = replace(post, date=date, links=grav_links(post.links, inside, route),
                   aliases=tuple(sorted(set(post.aliases) | url_aliases(folder))))
    return post, route


def rmarkdown_route(inside: str, conf: dict[str, str]) -> str | None:
    """The site path ``rmarkdown::render_site`` gives a file of an R Markdown website.

    A Distill article is the folder it is in under its collection's folder, which the
    site serves without the ``_`` (``_posts/2021-01-10-tidy/tidy.Rmd`` →
    ``/posts/2021-01-10-tidy/``: Distill renders it to that folder's ``index.html``);
    a page at the top of the site is its name as HTML (``about.Rmd`` → ``/about.html``,
    ``index.Rmd`` → ``/``). None elsewhere: render_site builds no page from a file in
    another folder, nor from one whose name starts with ``_`` (a part other pages
    include).

    References
    ----------
    .. [1] R Markdown: The Definitive Guide, "Websites",
       https://bookdown.org/yihui/rmarkdown/rmarkdown-site.html; ``render_site``,
       https://rmarkdown.rstudio.com/docs/reference/render_site.html
    .. [2] Distill for R Markdown, "Creating a Blog", https://rstudio.github.io/distill/blog.html
    """
    stem = re.sub(rf"\.({DOC_EXTENSIONS}|html?)$", "", inside, flags=re.I)
    parts = stem.split("/")
    if "/" not in stem:
        return None if stem.startswith("_") else "/" if stem.lower() == "index" \
            else f"/{stem}.html"
    collection = parts[0][1:] if parts[0].startswith("_") else None
    if len(parts) > 2 and collection and (collection == DISTILL_POSTS
                                          or f"collection:{collection}" in conf):
        return "/" + "/".join([collection, *parts[1:-1]]) + "/"
    return None


def _rmarkdown_page(post, inside: str, conf: dict[str, str]) -> tuple[object, str | None]:
    """An R Markdown website's page with its route (:func:`rmarkdown_route`) and its
    ``date:`` read month first when it was read as no day: Distill's ``create_post``
    writes ``date: 01-10-2021`` (``%m-%d-%Y``), 10 January. An undated article is
    dated by its folder's date prefix (``_posts/2016-11-08-sharpe_ratio/``), as Distill
    dates it.

    References
    ----------
    .. [1] Distill, ``create_post`` in ``R/create.R``, https://github.com/rstudio/distill
    .. [2] Distill for R Markdown, "Creating a Blog" ("Organizing posts"),
       https://rstudio.github.io/distill/blog.html
    """
    from dataclasses import replace

    from .dates import parse_date

    route = rmarkdown_route(inside, conf)
    date = post.date or parse_date(dict(post.fields).get("date"), month_first=True)
    if date is None and route and route.count("/") > 2:       # (an article's folder)
        date = file_slug(route.rstrip("/") + "/index.md")[1]
        date = date.isoformat() if date else None
    return replace(post, date=date), route


def apply_site_configs(posts: list, configs: list[tuple[str, tuple[tuple[str, str], ...]]],
                       *, data_files: dict[str, tuple[tuple[str, str], ...]] | None = None,
                       tag_files: dict[str, tuple[tuple[str, str], ...]] | None = None
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
    data_files : dict of str to tuple of (str, str), optional, keyword-only
        Eleventy's data files that set a ``permalink``, by report name
        (:func:`graphkit.readers.eleventy.read_data_file`).
    tag_files : dict of str to tuple of (str, str), optional, keyword-only
        Docusaurus blogs' tags files, by report name (:func:`read_docusaurus_tags`):
        a post's tag that one defines is shown by its label.

    Returns
    -------
    posts : list of Post
        The posts, each with the path its permalink pattern gives it added to its
        aliases, and, when the configuration names the site's base URL, ``url`` set to
        that base plus the post's own site path (a front matter's ``permalink: /x/``),
        else plus the path.
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
        merged.setdefault(config_root(name), {}).update(values)
    roots = sorted(merged.items(), key=lambda rc: -len(rc[0]))
    if not roots:
        return posts, []
    out = []
    pages: list[Fragment] = []
    translations: list[tuple[int, str, str, str]] = []  # (index, language, file as one, path)
    ordered = [root for root, _ in roots]
    eleventy_data = None             # Eleventy's data files' permalinks, once needed
    for p in posts:
        at = site_of(p, ordered)
        if at is None or p.sources[0].format not in SITE_FORMATS:
            out.append(p)
            continue
        root, inside = at
        conf = merged[root]
        src = p.sources[0].path
        generator = conf.get("generator", "")
        language = ""
        moved = _under(inside, conf["content_dir"]) if conf.get("content_dir") else None
        if moved is not None:                      # Hugo's contentDir: as content/ is read
            inside = f"content/{moved}"
        if conf.get("languages"):                  # Hugo's and Zola's translations
            language, inside = content_language(inside, conf)
        named = f"{root}/{inside}" if root not in (".", "") else inside   # (as one language)
        parts = inside.split("/")
        hugo = not generator and (any(k.startswith("permalink:") for k in conf) or (
            parts[0] == "content" and "permalink" not in conf))
        section = parts[1] if hugo and len(parts) > 2 and parts[0] == "content" else ""
        stem, _ = file_slug(named)
        sections = ""
        if generator == "zola" or hugo:
            folders = parts[1:-1] if parts[0] == "content" else parts[:-1]
            if PurePosixPath(named).stem.lower() == "index" and folders:
                folders = folders[:-1]            # a page bundle: the folder is the page
            sections = "/".join(folders)
        path = None
        jekyll = False
        placed: dict[str, str] = {}              # placeholders the file's place gives
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
            if tag_files and p.tags:
                p = docusaurus_labels(p, inside, root, conf, tag_files)
        elif generator == "logseq":          # a page's address is no part of a note app
            out.append(_journal_page(p, inside, conf))
            continue
        elif generator == "dendron":
            pattern = ""
            path = dendron_path(p)
        elif generator == "contentlayer":    # the page of its flattened path, by default
            pattern = ""
            rel = _under(inside, conf.get("documents", "data"))
            path = ("/" + re.sub(r"(?:^|/)index$", "", str(PurePosixPath(rel).with_suffix("")))
                    if rel else None)
        elif generator == "yuque":           # BOOK/SLUG: the document's slug in its book
            pattern = ""
            path = f"/{p.slug}" if p.slug else None
        elif generator == "franklin":
            from .readers.franklin import franklin_route

            pattern = ""
            path = franklin_route(inside)
        elif generator == "eleventy":
            pattern = ""
            if eleventy_data is None:
                from .readers.eleventy import data_index

                eleventy_data = data_index(data_files or {})
            path = _eleventy_path(p, inside, root, conf, eleventy_data)
        elif generator == "gatsby" and (own_path := _gatsby_own_path(p)):
            pattern, path = "", own_path
        elif generator in ("quarto", "astro", "gatsby", "vuepress", "vitepress",
                           "lektor", "jbake", "hakyll", "mdbook", "gitbook", "valaxy",
                           "quartz"):
            pattern = ""
            path = file_route(generator, inside, p.slug, conf)
        elif generator == "nikola":
            pattern = ""
            path = nikola_path(inside, p.slug, conf)
        elif generator == "rmarkdown":
            pattern = ""
            p, path = _rmarkdown_page(p, inside, conf)
        elif generator == "grav":
            pattern = ""
            p, path = _grav_page(p, inside, conf)
        elif generator == "kirby":
            from .readers.kirby import page_route

            pattern = ""
            path = (page_route(inside) or (None,))[0]
        elif generator == "middleman":
            placed = middleman_article(inside, conf) or {}
            pattern = conf["permalink"] if placed else ""
            slug = title_slug = p.slug or placed.get("title") or slugify(p.title)
            filename = placed.get("title") or stem
            if placed.get("year") and placed.get("month") and placed.get("day"):
                p = replace(p, date=p.date or f"{placed['year']}-{int(placed['month']):02d}-"
                                               f"{int(placed['day']):02d}")
        elif generator == "ablog":           # Sphinx's HTML builder: the document's name
            pattern = ""
            path = "/" + str(PurePosixPath(inside).with_suffix("")) + ".html"
        elif generator == "pelican":
            pattern = conf.get("permalink", _pelican_pattern(PELICAN_ARTICLE_URL))
            content = conf.get("folder_categories")
            held = _under(inside, "" if content == "." else content) if content else None
            if held and "/" in held and not p.categories:    # (see _pelican_config)
                p = replace(p, categories=(PurePosixPath(held).parent.name,))
            if not p.categories and conf.get("default_category"):
                p = replace(p, categories=(conf["default_category"],))
            slug = title_slug = p.slug or slugify(p.title)
            filename = stem
        elif generator == "zola":
            # a page's own path = "…" is its address, over its sections, slug and name
            # (Zola, "Page", https://www.getzola.org/documentation/content/page/)
            own_path = str(dict(p.fields).get("path") or "").strip().strip("/")
            pattern = (f"/{own_path}/" if own_path and ":" not in own_path
                       else conf.get("permalink", PAGE_PATH))
            slug = title_slug = p.slug or slugify(stem)
            filename = stem
        elif hugo and f"permalink:{section}" not in conf:
            pattern = PAGE_PATH      # Hugo's default: the content folders, then slug or file
            lower = not conf.get("disable_path_to_lower")     # (sanitized as a whole path)
            slug = title_slug = filename = hugo_urlize(p.slug or stem, lower=lower)
            sections = "/".join(hugo_urlize(s, lower=lower) for s in sections.split("/"))
        elif hugo:
            pattern = conf[f"permalink:{section}"]
            lower = not conf.get("disable_path_to_lower")
            slug = hugo_urlize(p.slug or p.title, lower=lower)
            title_slug = hugo_urlize(p.title, lower=lower)
            filename = hugo_urlize(stem, lower=lower)
            either = hugo_urlize(p.slug or stem, lower=lower)
            placed = {"slugorfilename": either, "slugorcontentbasename": either}
        elif (document := jekyll_collection(inside, conf)) is not None:  # of a collection
            name, rest = document
            pattern = _own_pattern(p) or conf[f"collection:{name}"]
            slug = title_slug = p.slug or stem
            filename = slugify(stem)
            placed = {"collection": name, "path": rest}
            jekyll = True
            p = jekyll_terms(p)
        else:
            pattern = _own_pattern(p) or conf.get("permalink", JEKYLL_STYLES["date"])
            slug = title_slug = p.slug or stem
            filename = stem
            source = conf.get("source", "")
            jekyll = not conf.get("hexo")
            if not source and inside.startswith(f"{HEXO_SOURCE}/_posts/"):
                source, jekyll = HEXO_SOURCE, False      # (see HEXO_SOURCE)
            folders = jekyll_folder_categories(inside, source=source)
            if jekyll:
                p = jekyll_terms(p)
            else:
                slug = title_slug = p.slug or hexo_slug(inside, stem, source)
                placed = {"post_title": slugify(p.title)}
            if folders:
                p = replace(p, categories=tuple(dict.fromkeys(folders + p.categories)))
        if pattern:
            path = permalink_path(pattern, slug=slug, title_slug=title_slug,
                                  filename=filename, date=p.date, categories=p.categories,
                                  section=section, sections=sections,
                                  fields={**dict(p.fields), **placed}, named_categories=jekyll)
            if path is not None and jekyll:
                path = path.replace(" ", "%20")      # (as Jekyll's addresses escape it)
            if path and generator == "middleman" and conf.get("pretty_urls"):
                path = re.sub(r"(?<!/index)\.html$", "/", path)   # (directory_indexes)
        if path is None:
            out.append(p)
            continue
        if language and (language != conf.get("default_language", "en")
                         or conf.get("language_in_subdir")):
            path = f"/{language}{path}"
        if language:
            translations.append((len(out), language, named, path))
        names = url_aliases(path)
        if conf.get("base"):        # the page's site path, as the built site's links give it
            names |= url_aliases(conf["base"] + path)
        aliases = tuple(sorted(set(p.aliases) | names))
        own = p.url or path        # its own address, else the path its site gives it
        if own and "://" not in own and own[:1] not in "/.#?":
            own = "/" + own        # (Hexo's and Jekyll's permalink: x/ is /x/ of the site)
        if own[:1] == "/" and own[1:2] != "/" and conf.get("url"):   # (permalink: /x/)
            own = conf["url"] + own
        out.append(replace(p, aliases=aliases, url=own if "://" in own else p.url))
    return (_refs_in_own_language(out, translations) if translations else out), pages


def _gatsby_own_path(post) -> str | None:
    """A Gatsby page's own path: a front matter ``slug`` (or, in older sites, ``path``)
    that is a whole path (``/blog/my-first-post``), which Gatsby's guide to Markdown
    pages makes the page's route; else None (``gatsby-starter-blog``'s routes are the
    files' paths, :func:`file_route`).

    References
    ----------
    .. [1] Gatsby, "Adding Markdown Pages",
       https://www.gatsbyjs.com/docs/how-to/routing/adding-markdown-pages/
    """
    value = post.slug or dict(post.fields).get("path") or ""
    return value.strip() if value.strip()[:1] == "/" and value.strip() != "/" else None


def _own_pattern(post) -> str | None:
    """A Jekyll post's own ``permalink`` when it is a pattern (``/notes/:title/``,
    :func:`graphkit.readers.frontmatter.is_template`), which Jekyll fills as the site's."""
    from .readers.frontmatter import is_template

    own = dict(post.fields).get("permalink", "")
    return JEKYLL_STYLES.get(own, own) if own and is_template(own) else None


def _eleventy_path(post, inside: str, root: str, conf: dict[str, str],
                   data: dict[PurePosixPath, str]) -> str | None:
    """An Eleventy page's site path: its ``permalink`` (front matter, else the data
    cascade's, rendered by :func:`graphkit.readers.eleventy.render_permalink`), else
    the path its file's place gives (:func:`file_route`)."""
    from .readers.eleventy import data_permalink, render_permalink

    fields = dict(post.fields)
    template = fields.get("permalink")
    if template is None:
        template = data_permalink(post.sources[0].path, data, root)
    rel = _under(inside, conf.get("input", ""))
    if template and rel is not None:
        rendered = render_permalink(template, inside=rel, title=post.title, date=post.date,
                                    fields=fields)
        if rendered is not None:
            return rendered
    return file_route("eleventy", inside, post.slug, conf)


def dendron_path(post) -> str | None:
    """The address of a Dendron note on its published site, ``/notes/ID/`` by its front
    matter's ``id`` (Dendron's Next.js publishing; its older 11ty publishing wrote
    ``/notes/ID.html``, an address :func:`graphkit.readers.frontmatter.url_aliases`
    also gives it), or None for a note without one.

    References
    ----------
    .. [1] Dendron, "Nextjs Pod" (``notes/{id}.html``),
       https://wiki.dendron.so/notes/5fGMHyXmErIV9odz01BBH/
    """
    note = dict(post.fields).get("id", "")
    return f"/notes/{note}/" if _DENDRON_ID_RE.match(note) else None


_DENDRON_ID_RE = re.compile(r"^[\w-]{8,40}$")


def _journal_page(post, inside: str, conf: dict[str, str]):
    """A Logseq journal page (``journals/2024_01_05.md``) titled as the graph titles it
    (``Jan 5th, 2024``, its ``:journal/page-title-format``) and named so for the links
    that write that title; the post itself when it is no journal page or has a
    ``title::`` of its own."""
    from dataclasses import replace

    from .readers.frontmatter import url_aliases

    folder = conf.get("journals", "journals")
    stem = PurePosixPath(inside).stem
    day = _DAY_STEM_RE.match(stem)
    if _under(inside, folder) is None or day is None or post.title != stem:
        return post
    try:
        title = journal_title(dt.date(*map(int, day.groups())),
                              conf.get("journal_title_format", LOGSEQ_JOURNAL_FORMAT))
    except ValueError:
        return post
    return replace(post, title=title, label=title,
                   aliases=tuple(sorted(set(post.aliases) | url_aliases(title))))


def _refs_in_own_language(posts: list, translations: list[tuple[int, str, str, str]]) -> list:
    """Hugo's ``ref``/``relref`` and Zola's ``@/`` from a page reach the page of that
    name in the page's own language: each such link of a translated site is rewritten to
    the address of the translation it reaches (``site-ref:posts/x`` from an English page
    → its site path ``/en/posts/x/``), when there is exactly one; other links are left
    as they are.

    References
    ----------
    .. [1] Hugo, "ref" ("the page in the current language"),
       https://gohugo.io/functions/urls/ref/
    """
    from dataclasses import replace

    by_name: dict[tuple[str, str], set[str]] = {}
    for _, language, named, path in translations:
        for alias in path_aliases(named):
            by_name.setdefault((language, alias), set()).add(path)
    out = list(posts)
    for i, language, _, _ in translations:
        p = out[i]
        links = []
        for link in p.links:
            target = site_ref_target(link.url)
            if target is not None:
                hits = next((by_name[(language, a)] for a in sorted(
                    path_aliases(target), key=len, reverse=True) if (language, a) in by_name), ())
                if len(hits) == 1:
                    link = replace(link, url=next(iter(hits)))
            links.append(link)
        out[i] = replace(p, links=tuple(links))
    return out
