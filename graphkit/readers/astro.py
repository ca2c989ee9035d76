"""Where an Astro site serves its posts, read from the site's source, never run.

An Astro blog keeps its posts in a content collection and serves each entry at a page
of a dynamic route: ``src/pages/posts/[...slug].astro``, whose ``getStaticPaths``
calls ``getCollection("post")`` and sets ``slug`` from each entry's ``id``, serves
``src/content/post/x.md`` at ``/posts/x/``: the route's folder, not the collection's
name, starts the address. The collection's files are in the folder
``src/content.config.ts`` gives its loader (``glob({ base: "./src/data/blog" })``).

Both files are read as a site's settings (see :func:`graphkit.sites.read_site_config`)
and applied to the collection's posts by :func:`graphkit.sites.file_route`.

References
----------
.. [1] Astro, "Routing" (dynamic routes, rest parameters, ``getStaticPaths``),
   https://docs.astro.build/en/guides/routing/
.. [2] Astro, "Content collections" (``defineCollection``, the ``glob`` loader's
   ``base``, ``getCollection``), https://docs.astro.build/en/guides/content-collections/
"""
from __future__ import annotations

import re
from pathlib import PurePosixPath

from ..sites import ASTRO_CONTENT as CONTENT
from ..sites import ASTRO_FOLDER_KEY, ASTRO_ROUTE_KEY, _js_tokens
from ..sites import ASTRO_ROUTE as ROUTE
_SCRIPT_ENDINGS = (".ts", ".js", ".mjs", ".mts")
# a whole path segment that is one parameter: [slug] or [...slug]
_PARAM_RE = re.compile(r"^\[(?:\.\.\.)?([A-Za-z_$][\w$]*)\]$")
# (on the source's tokens joined by spaces, see _code: a string is one token, quotes
# included; a lone quote or backtick is followed by a space)
_GET_COLLECTION_RE = re.compile(r"""\bgetCollection\s*\(\s*(['"`])([\w-]{1,100})\1""")
# a collection defined by name: `const post = defineCollection(` or `post: defineCollection(`
_DEFINE_RE = re.compile(r"(?:\b(?:const|let|var)\s+([\w$]{1,100})\s*=|([\w$]{1,100})\s*:)"
                        r"\s*defineCollection\s*\(")
_BASE_RE = re.compile(r"""\bbase\s*:\s*(['"`])(?! )([^'"`\n]{1,500})\1""")
_COLLECTIONS_RE = re.compile(r"\bcollections\s*=\s*\{([^{}]{0,5000})\}")


def _pages_at(parts: tuple[str, ...]) -> int | None:
    """The index of ``pages`` in the last ``src/pages`` of a path's parts."""
    found = [i for i in range(1, len(parts)) if parts[i - 1:i + 1] == ("src", "pages")]
    return found[-1] if found else None


def config_kind(path: str) -> str | None:
    """``astro-route`` for an ``.astro`` page under ``src/pages/`` whose last segment is one
    parameter (``posts/[...slug].astro``, ``posts/[slug]/index.astro``, every folder
    above it static), ``astro-content`` for ``src/content.config.ts`` (or the older
    ``src/content/config.ts``), else None."""
    p = PurePosixPath(path)
    if p.name.lower().endswith(_SCRIPT_ENDINGS) and (
            (p.stem == "content.config" and p.parent.name == "src")
            or (p.stem == "config" and p.parent.name == "content"
                and p.parent.parent.name == "src")):
        return CONTENT
    if p.suffix != ".astro":
        return None
    at = _pages_at(p.parts)
    if at is None:
        return None
    segments = list(p.parts[at + 1:-1]) + ([] if p.stem == "index" else [p.stem])
    if not segments or not _PARAM_RE.match(segments[-1]) or any(
            "[" in s for s in segments[:-1]):
        return None
    return ROUTE


def config_root(path: str) -> str:
    """The site's folder: the one holding ``src/``."""
    p = PurePosixPath(path)
    at = _pages_at(p.parts)
    if at is not None and p.suffix == ".astro":
        return str(PurePosixPath(*p.parts[:at - 1])) if at > 1 else "."
    src = p.parent if p.parent.name == "src" else p.parent.parent
    return str(src.parent)


def _code(text: str) -> str:
    """JavaScript's tokens without its comments, joined by spaces (see
    :func:`graphkit.sites._js_tokens`); of an ``.astro`` page, its frontmatter script's."""
    if text.startswith("---"):
        end = text.find("\n---", 3)
        text = text[3:end if end >= 0 else len(text)]
    return " ".join(tok for _, tok in _js_tokens(text))


def read_route(text: str, path: str) -> tuple[tuple[str, str], ...] | None:
    """The collections a dynamic route serves its entries from, and the folder it serves
    them under.

    Parameters
    ----------
    text : str
        The ``.astro`` file's text (its frontmatter script holds ``getStaticPaths``).
    path : str
        Its report name (``site/src/pages/posts/[...slug].astro``).

    Returns
    -------
    tuple of (str, str) or None
        ``("generator", "astro")`` and ``("route:post:posts", "posts")`` for the
        collection it reads first with ``getCollection``; None when the route's parameter is
        not set from an entry's ``id`` or ``slug`` (a tag's page, a listing's page
        number: pages about posts, not the posts).
    """
    p = PurePosixPath(path)
    at = _pages_at(p.parts)
    if at is None:
        return None
    segments = list(p.parts[at + 1:-1]) + ([] if p.stem == "index" else [p.stem])
    m = _PARAM_RE.match(segments[-1]) if segments else None
    if m is None:
        return None
    code = _code(text)
    # the parameter set from an entry: `slug: post.id`, `slug: getPath(post.id, …)`
    if not re.search(rf"\b{re.escape(m.group(1))} : [^,}}]{{0,200}}?\. (?:id|slug)\b", code):
        return None
    folder = "/".join(segments[:-1])
    served = _GET_COLLECTION_RE.search(code)     # (a later one may fill a sidebar)
    if served is None:
        return None
    names = (served.group(2),)
    return (("generator", "astro"),
            *((f"{ASTRO_ROUTE_KEY}{name}:{folder}", folder) for name in names))


def read_content_config(text: str) -> tuple[tuple[str, str], ...]:
    """The folder each collection's ``glob`` loader reads, by the collection's name.

    Parameters
    ----------
    text : str
        ``src/content.config.ts``.

    Returns
    -------
    tuple of (str, str)
        ``("generator", "astro")`` and ``("collection_dir:src/data/blog", "blog")`` for
        each collection defined with a literal ``base``, under the name
        ``export const collections = {…}`` gives it.
    """
    code = _code(text)
    defined = list(_DEFINE_RE.finditer(code))
    exported: dict[str, str] = {}          # variable → the name getCollection takes
    m = _COLLECTIONS_RE.search(code)
    if m:
        for entry in m.group(1).split(","):
            key, _, value = (s.strip().strip("'\"") for s in entry.partition(":"))
            if key:
                exported[value or key] = key
    out: list[tuple[str, str]] = [("generator", "astro")]
    for i, d in enumerate(defined):
        end = defined[i + 1].start() if i + 1 < len(defined) else len(code)
        base = _BASE_RE.search(code, d.end(), end)
        if base is None:
            continue
        name = d.group(2) or exported.get(d.group(1), d.group(1))
        folder = str(PurePosixPath(base.group(2).strip())).removeprefix("./").strip("/")
        if folder and folder != "." and not folder.startswith("..") and "${" not in folder:
            out.append((f"{ASTRO_FOLDER_KEY}{folder}", name))
    return tuple(out)
