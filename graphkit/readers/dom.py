"""Parsing HTML into a tree no deeper than a browser builds one.

Every page and HTML fragment graphkit reads goes through :func:`parse_html`. Two kinds
of tag soup make an HTML parser's work grow with the square of the page, and lexbor
(selectolax's parser) follows the standard into both:

* **Elements never closed** nest one inside the other. Each start tag searches the
  stack of open elements (is a ``<p>`` open to be closed?), and every selector with a
  descendant combinator (``.h-entry .p-category``) climbs the ancestors of every element
  it tests: 64,000 ``<div>`` never closed took 4 s to parse, and a page of 64,000
  ``<div><nav><a>`` took 64 s to read. Blink's and WebKit's parsers attach an element
  that would lie deeper than 512 levels to the element above it instead.
* **Formatting elements left open** (``<b id=1>`` … ``<b id=400>`` inside a ``<p>`` that
  closes) are recreated at the start of every later paragraph ("reconstruct the active
  formatting elements" [1]_): a page of 36 kB grew 1.6 million elements and 835 MB.

:func:`parse_html` first estimates, in one pass over the tags, how deep the elements
nest and how many formatting elements are left open. A page within both limits is
parsed as it is: none of the 521 HTML pages measured (the test fixtures, and the
documentation installed on the build machine) comes near either. A page beyond either
is read flat (:func:`flattened`): its frame (sectioning elements and blocks named by an
id or a class, 64 levels at most) around its text, paragraphs, headings, links and head
elements in their order, none inside another, so that no parser can nest it whatever
its markup; the caller reports that the rest of its structure was not read.

References
----------
.. [1] WHATWG, "HTML Living Standard", 13.2.4.3 The list of active formatting elements,
   https://html.spec.whatwg.org/multipage/parsing.html#the-list-of-active-formatting-elements
"""

from __future__ import annotations

import html
import re

MAX_DOM_DEPTH = 512          # levels of elements below <body>, as Blink and WebKit cap them
# formatting elements left open before the parser recreates them: each later paragraph
# gets a copy of every one (the Noah's Ark clause only stops identical ones beyond three)
MAX_OPEN_FORMATTING = 8

# a tag (stopping at the next "<": a scan to the next ">" from every opener of a page
# without one would be quadratic), or a comment's opener
_TOKEN_RE = re.compile(r"<(?:!--|(/?)([A-Za-z][^\s/<>]*)([^<>]*)>?)")
_VOID = frozenset("area base br col embed hr img input link meta source track wbr basefont "
                  "bgsound frame keygen param image".split())
_RAW_TEXT = frozenset("script style textarea title xmp iframe noembed noframes".split())
_FORMATTING = frozenset("a b big code em font i nobr s small strike strong tt u".split())
# elements an end tag does not close past (the scope boundaries of the standard), and
# those a </li> or a </p> does not close past besides
_BOUNDARY = frozenset("applet caption html table td th marquee object template".split())
_MORE_BOUNDARIES = {"li": ("ul", "ol"), "p": ("button",)}
# the standard's "special" elements: the end of a formatting element that one of them
# lies in leaves it open (the adoption agency algorithm moves it, with what it holds)
_SPECIAL = frozenset(
    "address applet area article aside base basefont bgsound blockquote body br button "
    "caption center col colgroup dd details dir div dl dt embed fieldset figcaption figure "
    "footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html iframe img "
    "input keygen li link listing main marquee menu meta nav noembed noframes noscript "
    "object ol p param plaintext pre script search section select source style summary "
    "table tbody td template textarea tfoot th thead title tr track ul wbr xmp".split())
# a start tag that closes the open element of its group when that element is the last
# one open (the standard closes it in more cases: the estimate errs deeper, never less)
_SIBLINGS = {"p": "p", "li": "li", "dt": "d", "dd": "d", "option": "o", "optgroup": "o",
             "tr": "tr", "td": "t", "th": "t", "rb": "r", "rt": "r", "rtc": "r", "rp": "r"}
_IGNORED = frozenset(("html", "head", "body"))
# start tags that end an open paragraph (with what it holds)
_CLOSES_P = frozenset(
    "address article aside blockquote center details dialog dir div dl fieldset figcaption "
    "figure footer header hgroup main menu nav ol p search section summary ul h1 h2 h3 h4 "
    "h5 h6 pre listing form plaintext table hr xmp li dd dt".split())
# special elements whose start tag does not open again the formatting elements left open
_NOT_REOPENING = _SPECIAL - {"applet", "marquee", "object", "area", "br", "embed", "img",
                             "keygen", "wbr", "input", "select"}
# what a flat reading keeps of a page's elements: these blocks (others become <div>),
# and these inline elements, all closed where the next block starts
_KEPT_BLOCKS = frozenset("h1 h2 h3 h4 h5 h6 p li pre blockquote dt dd figcaption".split())
_KEPT_INLINE = frozenset(("a", "time"))
# ... and the page's frame: these sectioning elements, and any block named by an id, a
# class or an itemprop, kept around what they hold (as deep as MAX_DOM_DEPTH // 8 of
# them), so that the post's element, its navigation and its comments are still told apart
_LANDMARKS = frozenset("article aside footer header main nav section".split())
_CONTAINERS = _LANDMARKS | {"div"}
# one attribute of a start tag: its name, and its value (quoted, so that a name written
# inside another attribute's value is no attribute)
_ATTRIBUTE_RE = re.compile(r"""([^\s"'<>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]*))?""")
# a table's parts, which a parser ignores outside a table
_TABLE_PARTS = frozenset("caption colgroup tbody thead tfoot tr td th".split())
# SVG and MathML: inside them a tag may close itself ("<path/>"); their integration
# points hold HTML again, and an HTML element's start tag (the "breakout" tags) outside
# those closes them
_FOREIGN = frozenset(("svg", "math"))
_INTEGRATION = frozenset("mi mo mn ms mtext annotation-xml foreignobject desc title".split())
_BREAKOUT = frozenset(
    "b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr "
    "i img li listing menu meta nobr ol p pre ruby s small span strong strike sub sup "
    "table tt u ul var".split())


def parse_html(markup: str, *, max_depth: int = MAX_DOM_DEPTH,
               max_open_formatting: int = MAX_OPEN_FORMATTING):
    """A lexbor tree of ``markup``, read flat when its tags nest too deep.

    Parameters
    ----------
    markup : str
        A page or an HTML fragment.
    max_depth : int, keyword-only
        Levels of elements below ``<body>`` beyond which the page is read flat.
    max_open_formatting : int, keyword-only
        Formatting elements (``<b>``, ``<a>``, ``<font>`` …) left open at the end of
        their parent beyond which the page is read flat.

    Returns
    -------
    tree : selectolax.lexbor.LexborHTMLParser
        The tree of ``markup``, or of :func:`flattened` markup (its frame as deep as
        ``max_depth // 8`` levels).
    problem : str or None
        Why the page was read flat (:func:`nesting_problem`), None when it was not.

    Examples
    --------
    >>> tree, why = parse_html("<p>" + "<span>x" * 600 + "<a href='/p/'>y</a>", max_depth=8)
    >>> tree.css_first("a").attributes["href"], len(tree.body.text()), why[:24]
    ('/p/', 601, 'elements nested deeper t')
    """
    from selectolax.lexbor import LexborHTMLParser  # lazy: HTML inputs only

    markup = vue_links_as_anchors(markup)
    problem = None
    if markup.count("<") > max_depth:
        problem = nesting_problem(markup, max_depth=max_depth,
                                  max_open_formatting=max_open_formatting)
    return (LexborHTMLParser(flattened(markup, max_frame=max_depth // 8) if problem else markup),
            problem)


# Vue Router's, VuePress 2's and Nuxt's link components, left as written in a page
# (unrendered inside VuePress' v-pre, which keeps a post's "{{ }}" as text):
# <RouterLink to="/a.html">, <RouteLink to="/a.html">
_VUE_LINK_NAME = r"(?:Router|Route|Nuxt)Link|(?:router|route|nuxt)-link"
_VUE_LINK_OPEN_RE = re.compile(rf"<(?:{_VUE_LINK_NAME})(?=[\s>/])([^<>]*)>", re.I)
_VUE_LINK_CLOSE_RE = re.compile(rf"</(?:{_VUE_LINK_NAME})\s*>", re.I)
_VUE_TO_RE = re.compile(r"(?<![\w:@.-])to(?=\s*=)")     # to="…"; not :to="expr", v-bind:to


def vue_links_as_anchors(markup: str) -> str:
    """``markup`` with Vue's link components made the links they render.

    VuePress 1 and VitePress render a Markdown link to another page as Vue Router's
    ``<RouterLink to="/a.html">`` component, VuePress 2 as its own ``<RouteLink
    to="/a.html">``, and Nuxt's authors write ``<NuxtLink to="/a/">``; where Vue does
    not compile a part of a page (inside ``v-pre``, which VuePress' users wrap around
    posts holding ``{{ }}``), the component stays in the built page as written, and it
    is a link all the same. Each becomes ``<a href>``
    (a bound ``:to="expr"`` is an expression, not an address, and is left as is).
    Linear in the markup.

    Examples
    --------
    >>> vue_links_as_anchors('<p><RouterLink to="/b.html">B</RouterLink></p>')
    '<p><a href="/b.html">B</a></p>'

    References
    ----------
    .. [1] Vue Router, "RouterLink", https://router.vuejs.org/api/#RouterLink
    .. [2] Vue.js, "v-pre", https://vuejs.org/api/built-in-directives.html#v-pre
    .. [3] VuePress 2, "Built-in Components: RouteLink",
       https://vuepress.vuejs.org/reference/components
    """
    if _VUE_LINK_OPEN_RE.search(markup) is None:
        return markup
    markup = _VUE_LINK_OPEN_RE.sub(lambda m: "<a" + _VUE_TO_RE.sub("href", m.group(1), count=1)
                                   + ">", markup)
    return _VUE_LINK_CLOSE_RE.sub("</a>", markup)


def nesting_problem(markup: str, *, max_depth: int = MAX_DOM_DEPTH,
                    max_open_formatting: int = MAX_OPEN_FORMATTING) -> str | None:
    """Why a parser's tree of ``markup`` would be too deep or too large, or None.

    The stack of open elements is estimated from the tags alone: an end tag closes the
    elements above its own (unless a table cell, a list or the like lies between, or
    the element is formatting and a block lies above it), a ``<p>``, ``<li>``, ``<td>``
    … closes the last open element of its kind, void and raw-text elements (``<br>``,
    ``<script>``) and comments hold nothing, formatting elements closed by another's
    end are opened again by the next text. The estimate errs towards deeper nesting
    than a parser builds.

    Parameters
    ----------
    markup : str
        A page or an HTML fragment.
    max_depth, max_open_formatting : int, keyword-only
        As in :func:`parse_html`.

    Returns
    -------
    str or None
        The reason (how deep, or how many formatting elements left open, and where), or
        None within both limits.

    Examples
    --------
    >>> nesting_problem("<div>" * 3 + "x", max_depth=2)
    'elements nested deeper than 2 levels (from line 1)'
    >>> nesting_problem("<div><div>x</div></div>" * 3, max_depth=2) is None
    True
    >>> nesting_problem("<p>\\n<b id=1><b id=2>\\n</p><p>x</p>", max_open_formatting=1)[-13:]
    '(from line 3)'
    """
    est = _Estimate(max_open_formatting)
    pos, size = 0, len(markup)
    while pos < size:
        m = _TOKEN_RE.search(markup, pos)
        if m is None:
            break
        if est.dangling and m.start() > pos:
            est.reopen()                                # text opens again what was left open
        pos = m.end()
        if m.group(2) is None:                          # a comment: skip to its end
            end = markup.find("-->", pos)
            if end < 0:
                break
            pos = end + 3
            continue
        tag = m.group(2).lower()
        if tag in _IGNORED:
            continue
        if m.group(1):
            est.end_tag(tag)
        elif est.start_tag(tag):
            foreign = tag in _FOREIGN or est.in_foreign()
            if tag in _VOID or (foreign and m.group(3).rstrip().endswith("/")):
                continue
            if tag in _RAW_TEXT and not foreign:
                pos = _raw_text_end(markup, tag, pos)
                continue
            if tag == "plaintext":
                break
            if tag not in _NOT_REOPENING and est.dangling:
                est.reopen()
            est.push(tag, m.group(3).strip(), foreign=foreign)
            if len(est.stack) > max_depth:
                return (f"elements nested deeper than {max_depth} levels (from line "
                        f"{markup.count(chr(10), 0, m.start()) + 1})")
        if est.n_dangling > max_open_formatting:
            return (f"more than {max_open_formatting} formatting elements left open, each "
                    f"copied into every later paragraph (from line "
                    f"{markup.count(chr(10), 0, m.start()) + 1})")
    return None


def _raw_text_end(markup: str, tag: str, pos: int) -> int:
    """Where the text of a raw-text element (``<script>``, ``<title>``…) opened before
    ``pos`` ends: after its end tag, else at the end of the markup."""
    end = re.compile(rf"</{tag}[\s/>]", re.I).search(markup, pos)
    return len(markup) if end is None else end.end()


def flattened(markup: str, *, max_frame: int = MAX_DOM_DEPTH // 8) -> str:
    """``markup`` with its frame kept and no other element inside another but a link or
    a time in a block.

    The frame is the page's sectioning elements (``<article>``, ``<main>``, ``<nav>``,
    ``<header>``, ``<footer>``, ``<aside>``, ``<section>``) and its ``<div>`` named by an
    ``id``, a ``class`` or an ``itemprop``, as deep as ``max_frame`` of them: each keeps
    its ``id``, ``class`` and ``itemprop`` and holds what lies up to its end tag (an end
    tag closes the last element of its name still open, and what was opened after it),
    or up to the end. Inside the frame, headings, paragraphs, list items, preformatted
    blocks and quotations keep their tag, other blocks become ``<div>``; each closes
    where the next block starts or ends. ``<a>`` and ``<time>`` keep their attributes
    and close at their end tag or the next block. Void and head elements (``<meta>``,
    ``<link>``, ``<br>``, ``<img>``) are kept as written, ``<title>`` with its text,
    ``<body>``'s ``id``, ``class`` and ``itemprop``; other tags, comments, scripts and
    styles are dropped. Text is kept as written.

    Parameters
    ----------
    markup : str
        A page or an HTML fragment.
    max_frame : int, keyword-only
        Levels of the frame kept; the frame's elements opened deeper are read as blocks.

    Returns
    -------
    str
        A page whose tree is at most ``max_frame + 3`` levels deep below ``<body>``.

    Examples
    --------
    >>> flattened("<div><h2><a href='/p/'>T<div>x</b>y")
    "<div></div><h2><a href='/p/'>T</a></h2><div>xy</div>"
    >>> flattened("<main id=m><div><p>a<nav class='n x'><p>b</nav><p>c</main><p>d")
    '<main id="m"><div></div><p>a</p><nav class="n x"><p>b</p></nav><p>c</p></main><p>d</p>'
    """
    out: list[str] = []
    block = None                         # the open block, and the open inline elements
    inline: list[str] = []
    # every element opened and not yet closed (the frame's marked True), and where each
    # name lies in it, so that an end tag finds its element in constant time
    opened: list[tuple[str, bool]] = []
    at: dict[str, list[int]] = {}
    frame = 0

    def close_inline(tag: str) -> None:      # (and those opened inside it)
        while inline:
            last = inline.pop()
            out.append(f"</{last}>")
            if last == tag:
                break

    def close_block() -> None:
        nonlocal block
        out.extend(f"</{t}>" for t in reversed(inline))
        inline.clear()
        if block is not None:
            out.append(f"</{block}>")
        block = None

    def close_to(place: int) -> None:     # (the elements opened from ``place`` on)
        nonlocal frame
        while len(opened) > place:
            tag, kept = opened.pop()
            at[tag].pop()
            if kept:
                close_block()
                out.append(f"</{tag}>")
                frame -= 1

    pos, size = 0, len(markup)
    while pos < size:
        m = _TOKEN_RE.search(markup, pos)
        if m is None:
            break
        out.append(markup[pos:m.start()])
        pos = m.end()
        if m.group(2) is None:
            end = markup.find("-->", pos)
            pos = size if end < 0 else end + 3
            continue
        tag = m.group(2).lower()
        if m.group(1):
            if tag in inline:
                close_inline(tag)
            elif tag in _SPECIAL:
                close_block()
                if at.get(tag):
                    close_to(at[tag][-1])
            continue
        if tag in _RAW_TEXT:
            stop = _raw_text_end(markup, tag, pos)
            if tag == "title":
                out.append(markup[m.start():stop])
            pos = stop
            continue
        if tag == "plaintext":
            out.append(html.escape(markup[pos:]))
            break
        if tag in _VOID:
            out.append(m.group(0) if m.group(0).endswith(">") else m.group(0) + ">")
        elif tag in _KEPT_INLINE:
            if tag in inline:
                close_inline(tag)
            out.append(m.group(0) if m.group(0).endswith(">") else m.group(0) + ">")
            inline.append(tag)
        elif tag == "body":
            out.append(f"<body{_names(m.group(3))}>")
        elif tag in _SPECIAL and tag not in _IGNORED:
            close_block()
            names = _names(m.group(3))
            kept = (tag in _CONTAINERS and frame < max_frame
                    and (tag in _LANDMARKS or bool(names)))
            at.setdefault(tag, []).append(len(opened))
            opened.append((tag, kept))
            if kept:
                frame += 1
                out.append(f"<{tag}{names}>")
            else:
                block = tag if tag in _KEPT_BLOCKS else "div"
                out.append(f"<{block}{names}>")
    out.append(markup[pos:])
    close_to(0)
    close_block()
    return "".join(out)


def _names(attributes: str) -> str:
    """The ``id``, ``class`` and ``itemprop`` (schema.org's ``articleBody``) of a start
    tag's attributes, written again with quotes (a quote left open in ``attributes``
    cannot swallow what follows the tag)."""
    if "=" not in attributes:
        return ""
    found = {}
    for m in _ATTRIBUTE_RE.finditer(attributes):
        name = m.group(1).lower()
        if name in ("id", "class", "itemprop") and m.group(2):
            found.setdefault(name, m.group(2).strip("\"'"))
    return "".join(f' {k}="{html.escape(v)}"' for k, v in found.items())


class _Estimate:
    """The stack of open elements as :func:`nesting_problem` estimates it."""

    def __init__(self, max_open_formatting: int) -> None:
        self.max_open_formatting = max_open_formatting
        self.stack: list[str] = []
        self.attrs: list[str | None] = []   # each open element's attributes, as written
        self.foreign: list[bool] = []       # whether each open element is SVG or MathML
        self.specials: list[int] = [0]      # special elements in the stack up to each place
        self.where: dict[str, list[int]] = {}   # each open tag's places in the stack
        self.boundaries: list[int] = [-1]   # places of the open scope boundaries
        # formatting elements closed by another's end: the parser keeps them to open
        # again, at most three alike (the Noah's Ark clause)
        self.dangling: dict[str, list[str]] = {}
        self.n_dangling = 0

    def push(self, tag: str, attrs: str, *, foreign: bool = False) -> None:
        self.where.setdefault(tag, []).append(len(self.stack))
        if tag in _BOUNDARY:
            self.boundaries.append(len(self.stack))
        self.specials.append(self.specials[-1] + (tag in _SPECIAL))
        self.stack.append(tag)
        self.attrs.append(attrs)
        self.foreign.append(foreign)

    def pop(self, *, left_open: bool = False) -> None:
        """Close the last open element; a formatting element closed by another's end
        is ``left_open`` in the parser's list of active formatting elements."""
        tag, written = self.stack.pop(), self.attrs.pop()
        if written is None:                 # a link a later one ended: kept for its depth
            left_open = False
        else:
            self.where[tag].pop()
        self.specials.pop()
        self.foreign.pop()
        if self.boundaries[-1] == len(self.stack):
            self.boundaries.pop()
        if left_open and tag in _FORMATTING:
            kept = self.dangling.setdefault(tag, [])
            if kept.count(written) >= 3:
                kept.remove(written)
                self.n_dangling -= 1
            kept.append(written)
            self.n_dangling += 1

    def reopen(self) -> None:
        """The parser's "reconstruct the active formatting elements": every element
        left open is opened again where text or an inline element follows."""
        for tag, kept in list(self.dangling.items()):
            for written in kept:
                self.push(tag, written)
        self.dangling.clear()
        self.n_dangling = 0

    def place(self, tag: str) -> int | None:
        """The place of the last open ``tag`` an end tag of it reaches, else None."""
        places = self.where.get(tag)
        if not places or places[-1] < self.boundaries[-1]:   # (a boundary ends itself)
            return None
        for other in _MORE_BOUNDARIES.get(tag, ()):
            if self.where.get(other) and self.where[other][-1] > places[-1]:
                return None
        return places[-1]

    def special_above(self, place: int) -> bool:
        """Whether a special element lies above ``place``: the end of a formatting or
        other ordinary element there leaves it open (the adoption agency algorithm moves
        the block with what it holds; any other end tag is ignored)."""
        return self.specials[-1] > self.specials[place + 1]

    def close_to(self, place: int) -> None:
        """Close the element at ``place`` and, implicitly, every one above it."""
        while len(self.stack) - 1 > place:
            self.pop(left_open=True)
        self.pop()

    def end_tag(self, tag: str) -> None:
        if tag == "form":        # removes the form alone: what it holds stays open
            return
        place = self.place(tag)
        if place is None:
            if self.dangling.get(tag):              # ends a copy the parser keeps
                self.dangling[tag].pop()
                self.n_dangling -= 1
        elif tag in _SPECIAL or not self.special_above(place):
            self.close_to(place)

    def in_foreign(self) -> bool:
        """Whether the last open element is SVG or MathML that holds no HTML."""
        return bool(self.stack) and self.foreign[-1] and self.stack[-1] not in _INTEGRATION

    def start_tag(self, tag: str) -> bool:
        """Close what a start tag closes; False when a parser ignores the tag."""
        if self.in_foreign():
            if tag not in _BREAKOUT:                # an SVG or MathML element
                return True
            while self.in_foreign():
                self.pop()
        if tag in _TABLE_PARTS and not self.where.get("table"):
            return False
        paragraph = self.place("p") if tag in _CLOSES_P else None
        if paragraph is not None:                   # a block ends a paragraph
            self.close_to(paragraph)
            return True
        group = _SIBLINGS.get(tag)
        if group is not None and self.stack and _SIBLINGS.get(self.stack[-1]) == group:
            self.pop()
        elif tag in ("a", "nobr"):                  # a link inside a link ends it
            place = self.place(tag)
            if place is not None and self.special_above(place):
                self.attrs[place] = None            # (the blocks above it stay open)
                self.where[tag].pop()
            elif place is not None:
                self.close_to(place)
            if self.dangling.get(tag):              # ... and one kept open
                self.n_dangling -= len(self.dangling.pop(tag))
        return True
